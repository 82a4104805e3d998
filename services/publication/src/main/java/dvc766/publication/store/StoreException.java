package dvc766.publication.store;

import java.sql.SQLException;

/** A failed statement; keeps the SQLException (and its SQLState) as the cause. */
public class StoreException extends RuntimeException {

    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
