package dvc766.publication.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dvc766.kit.events.EventJson;
import dvc766.publication.api.LiveScores;
import dvc766.publication.domain.ScoreChange;
import dvc766.publication.store.ReadModelChanges;
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
 * Listens on {@link ScoreChanges#CHANNEL} and {@link ReadModelChanges#UNITS_CHANNEL} with one dedicated connection:
 * every committed change moves the read models' generation (reused answers are then rebuilt), and each score change
 * goes to the live stream's clients. If the connection breaks it reconnects; the generation is unknown meanwhile.
 */
@ApplicationScoped
public class ScoreChangeListener {

    private static final Logger LOG = Logger.getLogger(ScoreChangeListener.class);

    private final DataSource ds;
    private final LiveScores live;
    private final ReadModelChanges changes;
    private volatile boolean running = true;
    private volatile boolean listening;
    private Thread thread;

    public ScoreChangeListener(DataSource ds, LiveScores live, ReadModelChanges changes) {
        this.ds = ds;
        this.live = live;
        this.changes = changes;
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
                    st.execute("LISTEN " + ReadModelChanges.UNITS_CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                changes.watching(true);
                listening = true;
                pause = 200;
                while (running) {
                    PGNotification[] batch = pg.getNotifications(1000);
                    if (batch == null || batch.length == 0) continue;
                    changes.changed();
                    for (PGNotification n : batch) {
                        if (ScoreChanges.CHANNEL.equals(n.getName())) deliver(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException ex) {
                listening = false;
                changes.watching(false);
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
        changes.watching(false);
    }

    private void deliver(String payload) {
        try {
            live.publish(EventJson.mapper().readValue(payload, ScoreChange.class));
        } catch (JsonProcessingException ex) {
            LOG.warnf("unreadable score change notification: %s", ex.getMessage());
        }
    }
}
