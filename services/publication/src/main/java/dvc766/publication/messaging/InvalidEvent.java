package dvc766.publication.messaging;

/** An event that can never be applied as it is (malformed, wrong type, a rule broken); it goes to the rejected table. */
public class InvalidEvent extends RuntimeException {

    public InvalidEvent(String reason) {
        super(reason);
    }
}
