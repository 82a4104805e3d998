package dvc766.ingestion.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/publishing-decisions} and one item of its batch; documents the API (the body is read
 * by {@link Readers}). The natural key is {@code unitCode} with {@code number}.
 */
@Schema(name = "PublishingDecisionRequest",
        description = "A publishing decision (quyết định công bố, QĐCB) and the procedures (TTHC) it publishes.")
public record PublishingDecisionRequest(
        @Schema(required = true, description = "The issuing unit; the caller's unit or below it on the day it was signed.")
        String unitCode,
        @Schema(required = true, maxLength = 100, description = "The decision's number, e.g. 1234/QĐ-UBND; unique per unit.")
        String number,
        @Schema(required = true, description = "Local date the decision was signed; not after the day it is sent.")
        LocalDate signedOn,
        @Schema(required = true, description = "Local date the underlying legal document takes effect.")
        LocalDate legalEffectiveOn,
        @Schema(required = true, minItems = 1, maxItems = 1000, description = "The procedures it publishes, each once; "
                + "each must already be known (PUT /api/v1/procedures/{code}).")
        List<PublishingDecisionProcedureDto> procedures,
        @Schema(required = true, description = "Time of this state at the source; orders updates.") OffsetDateTime updatedAt) {}
