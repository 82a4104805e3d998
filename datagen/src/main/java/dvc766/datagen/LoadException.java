package dvc766.datagen;

/** A load that cannot go on (no token, a request the platform refuses as a whole, retries exhausted). */
public class LoadException extends RuntimeException {
    public LoadException(String message) {
        super(message);
    }

    public LoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
