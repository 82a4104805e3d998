package dvc766.publication.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dvc766.kit.events.EventJson;
import dvc766.publication.api.LiveScores;
import dvc766.publication.domain.ScoreChange;
import dvc766.publication.store.ScoreChanges;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on {@link ScoreChanges#CHANNEL} with one dedicated connection and hands each committed change to the live
 * stream's clients. If the connection breaks it reconnects; changes committed meanwhile are not replayed (a live view
 * re-reads the API when its stream reconnects).
 */
@ApplicationScoped
public class ScoreChangeListener {

    private static final Logger LOG = Logger.getLogger(ScoreChangeListener.class);

    private final DataSource ds;
    private final LiveScores live;
    private volatile boolean running = true;
    private volatile boolean listening;
    private Thread thread;

    public ScoreChangeListener(DataSource ds, LiveScores live) {
        this.ds = ds;
        this.live = live;
    }

    void start(@Observes StartupEvent e) {
        thread = new Thread(this::loop, "publication-score-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent e) {
        running = false;
        if (thread != null) thread.interrupt();
    }

    /** Whether the LISTEN connection is up (a test waits for it before sending). */
    public boolean listening() {
        return listening;
    }

    private void loop() {
        long pause = 200;
        while (running) {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + ScoreChanges.CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                pause = 200;
                while (running) {
                    PGNotification[] batch = pg.getNotifications(1000);
                    if (batch == null) continue;
                    for (PGNotification n : batch) deliver(n.getParameter());
                }
            } catch (SQLException | RuntimeException ex) {
                listening = false;
                if (!running) return;
                LOG.warnf("score change listener lost its connection (%s); reconnecting in %d ms", ex.getMessage(), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    return;
                }
                pause = Math.min(pause * 2, 5000);
            }
        }
        listening = false;
    }

    private void deliver(String payload) {
        try {
            live.publish(EventJson.mapper().readValue(payload, ScoreChange.class));
        } catch (JsonProcessingException ex) {
            LOG.warnf("unreadable score change notification: %s", ex.getMessage());
        }
    }
}
