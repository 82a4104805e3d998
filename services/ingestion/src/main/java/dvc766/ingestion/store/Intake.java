package dvc766.ingestion.store;

import dvc766.kit.security.Caller;
import java.time.Instant;
import java.util.UUID;

/**
 * One request as it reached the service: who sent it, when, the batch it forms (null for a single write), and the
 * {@code Idempotency-Key} it holds ({@link KeyClaim#NONE} without one), whose answer is stored with the write.
 */
public record Intake(Caller caller, Instant receivedAt, UUID batchId, KeyClaim claim) {

    public Intake {
        claim = claim == null ? KeyClaim.NONE : claim;
    }

    /** The client the audit names: the token's authorised party, or its subject when it has none. */
    public String clientId() {
        return caller.clientId() != null ? caller.clientId() : caller.subject();
    }

    public String callerUnit() {
        return caller.unitCode().orElse(null);
    }
}
