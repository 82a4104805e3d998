package dvc766.publication.watch.messaging;

/** An event the watch can never apply as it is; it goes to the rejected table. */
public class InvalidWatchEvent extends RuntimeException {

    public InvalidWatchEvent(String reason) {
        super(reason);
    }
}
