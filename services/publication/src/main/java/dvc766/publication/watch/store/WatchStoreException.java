package dvc766.publication.watch.store;

/** A database failure in the watch's stores; the SQLException (and its SQLState) is the cause. */
public class WatchStoreException extends RuntimeException {

    public WatchStoreException(Throwable cause) {
        super(cause.getMessage(), cause);
    }

    public WatchStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
