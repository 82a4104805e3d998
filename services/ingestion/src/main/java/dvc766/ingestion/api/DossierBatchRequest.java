package dvc766.ingestion.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DossierBatchRequest")
public record DossierBatchRequest(
        @Schema(required = true, minItems = 1, maxItems = 1000, description = "At most dvc.ingestion.batch-max-items (1000).")
        List<DossierItem> items) {}
