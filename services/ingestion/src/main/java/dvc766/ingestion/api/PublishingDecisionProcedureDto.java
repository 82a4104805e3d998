package dvc766.ingestion.api;

import dvc766.ingestion.domain.DecisionAction;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PublishingDecisionProcedure", description = "A procedure a publishing decision publishes.")
public record PublishingDecisionProcedureDto(
        @Schema(required = true) String procedureCode,
        @Schema(required = true) DecisionAction action,
        @Schema(description = "When it was made public in the national TTHC database for this decision; not before "
                + "the day the decision was signed. Absent while not yet public.") OffsetDateTime madePublicAt) {}
