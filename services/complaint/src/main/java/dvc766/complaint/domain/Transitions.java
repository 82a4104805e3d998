package dvc766.complaint.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a PAKN handled here: which action each state allows and the state it leads to.
 * <pre>
 * RECEIVED, TRANSFERRED  --ACCEPT--> ACCEPTED          RECEIVED, TRANSFERRED --REFUSE--> REFUSED
 * RECEIVED, ACCEPTED, TRANSFERRED --TRANSFER--> TRANSFERRED (to another unit; deadlines restart)
 * RECEIVED, ACCEPTED, TRANSFERRED --REQUEST_INFO--> INFO_REQUESTED --RECORD_INFO--> ACCEPTED
 * ACCEPTED --ANSWER--> ANSWERED --PUBLISH--> PUBLISHED;  ANSWERED, PUBLISHED: the citizen rates once
 * </pre>
 */
public final class Transitions {

    private static final Map<Action, Set<Status>> ALLOWED = Map.of(
            Action.ACCEPT, EnumSet.of(Status.RECEIVED, Status.TRANSFERRED),
            Action.TRANSFER, EnumSet.of(Status.RECEIVED, Status.ACCEPTED, Status.TRANSFERRED),
            Action.REQUEST_INFO, EnumSet.of(Status.RECEIVED, Status.ACCEPTED, Status.TRANSFERRED),
            Action.RECORD_INFO, EnumSet.of(Status.INFO_REQUESTED),
            Action.REFUSE, EnumSet.of(Status.RECEIVED, Status.TRANSFERRED),
            Action.ANSWER, EnumSet.of(Status.ACCEPTED),
            Action.PUBLISH, EnumSet.of(Status.ANSWERED));

    private Transitions() {}

    public static Set<Status> allowedFrom(Action a) { return ALLOWED.get(a); }

    /** The state after an official's action at {@code at}; {@code toUnit} only for TRANSFER. */
    public static Complaint apply(Complaint c, Action action, Instant at, String toUnit) {
        if (c.channel().imported()) {
            throw new IllegalTransitionException("PAKN " + c.id() + " is handled in its source channel "
                    + c.channel() + "; it changes only by import");
        }
        if (!ALLOWED.get(action).contains(c.status())) {
            throw new IllegalTransitionException(action + " is not allowed when the PAKN is " + c.status()
                    + " (allowed from " + ALLOWED.get(action) + ")");
        }
        return switch (action) {
            case ACCEPT -> c.withStatus(Status.ACCEPTED);
            case TRANSFER -> {
                if (toUnit == null || toUnit.equals(c.unitCode())) {
                    throw new IllegalTransitionException("a transfer goes to another unit than " + c.unitCode());
                }
                yield c.transferred(at, toUnit);
            }
            case REQUEST_INFO -> c.infoRequested(at);
            case RECORD_INFO -> c.infoReturned(at);
            case REFUSE -> c.refused(at);
            case ANSWER -> c.answered(at);
            case PUBLISH -> c.published(at);
        };
    }

    /** The citizen's one rating of the answer, possibly raising it again. */
    public static Complaint rate(Complaint c, Rating rating, boolean raisedAgain) {
        if (c.answeredAt() == null) {
            throw new IllegalTransitionException("the PAKN has no answer to rate yet");
        }
        if (c.rating() != null) {
            throw new IllegalTransitionException("the answer was rated already; one rating per PAKN");
        }
        return c.rated(rating, raisedAgain);
    }
}
