package dvc766.ingestion.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PublishingDecisionBatchRequest")
public record PublishingDecisionBatchRequest(
        @Schema(required = true, minItems = 1, maxItems = 1000, description = "At most dvc.ingestion.batch-max-items (1000).")
        List<PublishingDecisionRequest> items) {}
