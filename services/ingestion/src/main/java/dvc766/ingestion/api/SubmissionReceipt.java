package dvc766.ingestion.api;

import dvc766.ingestion.domain.Effect;
import dvc766.ingestion.domain.Kind;
import dvc766.ingestion.domain.Outcome;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer to an accepted single write: it is committed. */
@Schema(name = "SubmissionReceipt", description = "An accepted write; committed before this answer was sent.")
public record SubmissionReceipt(
        @Schema(required = true) UUID submissionId,
        @Schema(required = true) Kind kind,
        @Schema(required = true) String key,
        @Schema(required = true) Outcome outcome,
        @Schema(required = true, description = "CREATED (201), UPDATED, UNCHANGED (no event) or STALE (older than the "
                + "stored state, kept out)") Effect effect,
        @Schema(required = true) OffsetDateTime receivedAt) {}
