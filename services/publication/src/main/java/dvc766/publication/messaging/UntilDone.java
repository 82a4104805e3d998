package dvc766.publication.messaging;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * "Apply until done" for the consumers of this service (scores and units, the watch's dossiers and procedures): the
 * work is retried with a growing pause while the database is away (the events wait in Kafka meanwhile), and stops at
 * once when the data itself breaks a database rule, which no retry can cure.
 */
public final class UntilDone {

    private static final long FIRST_PAUSE_MS = 100;

    private final Logger log;
    private final String what;
    private final Duration maxPause;
    private final BooleanSupplier stopping;

    /** {@code what} names the work in the log ("applying events"); {@code stopping} ends the retries at shutdown. */
    public UntilDone(Logger log, String what, Duration maxPause, BooleanSupplier stopping) {
        this.log = log;
        this.what = what;
        this.maxPause = maxPause;
        this.stopping = stopping;
    }

    /** Runs the work until it succeeds (null) or fails on the data itself (that error); any other failure is retried. */
    public Throwable run(Runnable work) {
        long pause = FIRST_PAUSE_MS;
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return null;
            } catch (RuntimeException e) {
                if (isDataError(e)) return e;
                if (stopping.getAsBoolean()) throw e;
                log.errorf("%s failed (attempt %d), retrying in %d ms: %s", what, attempt, pause, rootMessage(e));
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(pause * 2, maxPause.toMillis());
            }
        }
    }

    /** SQLState classes 22 (data exception) and 23 (integrity constraint): the event, not the database, is at fault. */
    public static boolean isDataError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("22") || s.getSQLState().startsWith("23"))) {
                return true;
            }
            if (t.getCause() == t) break;
        }
        return false;
    }

    /** The innermost cause, for a one-line log message or rejection reason. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
