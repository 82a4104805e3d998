package dvc766.ingestion.store;

import dvc766.kit.security.Caller;
import java.time.Instant;
import java.util.UUID;

/** One request as it reached the service: who sent it, when, and the batch it forms (null for a single write). */
public record Intake(Caller caller, Instant receivedAt, UUID batchId) {

    /** The client the audit names: the token's authorised party, or its subject when it has none. */
    public String clientId() {
        return caller.clientId() != null ? caller.clientId() : caller.subject();
    }

    public String callerUnit() {
        return caller.unitCode().orElse(null);
    }
}
