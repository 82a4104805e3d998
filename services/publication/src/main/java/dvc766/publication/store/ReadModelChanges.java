package dvc766.publication.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * When the public read models (units, scorecards) last changed, as this instance knows it: a generation number that
 * moves on every committed change, whichever replica made it. Answers built from the read models may be reused
 * while the generation they were built under is still the current one.
 *
 * <p>Every change is announced with PostgreSQL NOTIFY inside its transaction ({@link ScoreChanges#CHANNEL} for
 * scores, {@link #UNITS_CHANNEL} for the tree), delivered at commit to each instance's listener, which calls
 * {@link #changed()}. A reader takes the generation <em>before</em> it reads: a change committed meanwhile moves the
 * generation afterwards, so what it built is never taken for current. While the listener is not connected,
 * notifications can be lost, so there is no generation at all ({@link #UNKNOWN}) and nothing may be reused.
 */
@ApplicationScoped
public class ReadModelChanges {

    /** Channels are per database, which services share: the name says whose it is. */
    public static final String UNITS_CHANNEL = "publication_units_changed";

    /** No generation: changes may go unseen, answers must be read afresh. */
    public static final long UNKNOWN = -1;

    private final DataSource ds;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean watched;

    public ReadModelChanges(DataSource ds) {
        this.ds = ds;
    }

    /** The current generation, or {@link #UNKNOWN} while changes are not being heard. */
    public long generation() {
        return watched ? generation.get() : UNKNOWN;
    }

    /** A change was committed (heard from the database, or committed by this instance). */
    public void changed() {
        generation.incrementAndGet();
    }

    /** The listener (re)connected or lost its connection: in both cases anything built before is suspect. */
    public void watching(boolean on) {
        if (!on) watched = false;
        generation.incrementAndGet();
        if (on) watched = true;
    }

    /** Announces, at commit, that the unit tree changed (one notification per transaction: the payload is empty). */
    void notifyUnitsChanged() {
        Sql.query(ds, "SELECT pg_notify(?, '')", ps -> ps.setString(1, UNITS_CHANNEL), rs -> 1);
    }
}
