package dvc766.indicator.messaging;

/** An event that is well-formed but cannot be applied (it would make the unit tree a cycle): kept aside, not retried. */
public class RejectedEventException extends RuntimeException {

    public RejectedEventException(String reason) {
        super(reason);
    }
}
