package dvc766.complaint.domain;

/** An action that the PAKN's current state does not allow (answered 409). */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
