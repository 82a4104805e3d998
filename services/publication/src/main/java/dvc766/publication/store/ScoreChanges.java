package dvc766.publication.store;

import dvc766.kit.events.EventJson;
import dvc766.publication.domain.ScoreChange;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

/**
 * Announces applied score changes with PostgreSQL NOTIFY inside the applying transaction: PostgreSQL delivers it at
 * commit, and only then, to every instance listening ({@link ScoreChangeListener}), so a live client never hears of a
 * change that was rolled back, and every replica's clients hear of every change whichever replica consumed it.
 */
@ApplicationScoped
public class ScoreChanges {

    /** Channels are per database, which services share: the name says whose it is. */
    public static final String CHANNEL = "publication_score_changed";

    private final DataSource ds;

    public ScoreChanges(DataSource ds) {
        this.ds = ds;
    }

    void notifyCommitted(ScoreChange change) {
        String payload = EventJson.write(change);
        Sql.query(ds, "SELECT pg_notify(?, ?)", ps -> {
            ps.setString(1, CHANNEL);
            ps.setString(2, payload);
        }, rs -> 1);
    }
}
