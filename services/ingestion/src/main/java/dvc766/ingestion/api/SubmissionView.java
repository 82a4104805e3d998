package dvc766.ingestion.api;

import dvc766.ingestion.domain.Effect;
import dvc766.ingestion.domain.Kind;
import dvc766.ingestion.domain.Outcome;
import dvc766.kit.problem.FieldError;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Submission", description = "The audit record of one submitted object.")
public record SubmissionView(
        @Schema(required = true) UUID submissionId,
        @Schema(required = true) Kind kind,
        @Schema(description = "The object's code, when it had a readable one.") String key,
        String clientId,
        @Schema(description = "The unit the caller's token named.") String unitCode,
        @Schema(required = true) OffsetDateTime receivedAt,
        @Schema(required = true, description = "Hex SHA-256 of the bytes received (of the item's compact JSON in a batch).")
        String payloadSha256,
        @Schema(required = true) Outcome outcome,
        @Schema(description = "Absent when rejected.") Effect effect,
        @Schema(required = true, description = "Why it was rejected; empty when accepted.") List<FieldError> errors) {}
