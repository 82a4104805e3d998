package dvc766.ingestion.api;

import dvc766.ingestion.domain.Effect;
import dvc766.kit.problem.FieldError;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BatchItemResult", description = "What became of one item of a batch.")
public record BatchItemResult(
        @Schema(required = true, description = "Position of the item in the request.") int index,
        @Schema(description = "The item's code, when it had one.") String key,
        @Schema(required = true, description = "The status a single write of this item would have had: 201, 200, 400, 403 or 422.")
        int status,
        @Schema(required = true, description = "Read it back at GET /api/v1/submissions/{id}.") UUID submissionId,
        @Schema(description = "Absent when the item was rejected.") Effect effect,
        @Schema(required = true, description = "Empty when accepted.") List<FieldError> errors) {}
