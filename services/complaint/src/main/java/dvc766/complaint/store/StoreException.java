package dvc766.complaint.store;

/** A database failure; answered 500 (nothing of it reaches the caller). */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
