package dvc766.ingestion.api;

import dvc766.common.calendar.LegalTimeUnit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LegalTime", description = "Legal processing time of a procedure.")
public record LegalTimeDto(
        @Schema(required = true, minimum = "1", description = "Amount, in the unit below.") Integer amount,
        @Schema(required = true) LegalTimeUnit unit) {}
