package dvc766.ingestion.store;

import java.sql.SQLException;

/** A database failure, unchecked, keeping the SQL state so callers can tell a conflict from an outage. */
public class StoreException extends RuntimeException {

    public StoreException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }

    /** Whether the failure (or one in its chain) is a unique-key violation: a concurrent writer created the row first. */
    public static boolean isUniqueViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) {
                for (SQLException n = s; n != null; n = n.getNextException()) {
                    if ("23505".equals(n.getSQLState())) return true;
                }
            }
        }
        return false;
    }
}
