package dvc766.ingestion.store;

import dvc766.ingestion.domain.Effect;
import dvc766.ingestion.domain.Kind;
import dvc766.ingestion.domain.Outcome;
import dvc766.ingestion.domain.Violation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of the append-only audit: who sent what, when, and what became of it. */
public record SubmissionRecord(
        UUID id,
        Kind kind,
        String key,
        String clientId,
        String subject,
        String callerUnit,
        Instant receivedAt,
        UUID batchId,
        Integer batchIndex,
        String payloadSha256,
        String payloadJson,
        String payloadText,
        Outcome outcome,
        Effect effect,
        int status,
        List<Violation> errors) {}
