package dvc766.ingestion.api;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Supplement", description = "A request to the applicant to supplement documents.")
public record SupplementDto(
        @Schema(required = true) OffsetDateTime requestedAt,
        @Schema(description = "Absent while still awaited; not before requestedAt.") OffsetDateTime returnedAt) {}
