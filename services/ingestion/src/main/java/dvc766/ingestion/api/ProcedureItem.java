package dvc766.ingestion.api;

import dvc766.ingestion.domain.ApplicantType;
import dvc766.ingestion.domain.OnlineLevel;
import dvc766.ingestion.domain.PublicPart;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One procedure of {@code POST /api/v1/procedures:batch}: the single body plus its code. */
@Schema(name = "ProcedureItem", description = "A procedure in a batch; the same fields as a single write, with its code.")
public record ProcedureItem(
        @Schema(required = true) String code,
        @Schema(required = true) String name,
        String field,
        @Schema(required = true) List<String> unitCodes,
        @Schema(required = true) List<ApplicantType> applicantTypes,
        @Schema(required = true) OnlineLevel onlineLevel,
        Boolean eligibleForFullOnline,
        Boolean feeBearing,
        Boolean paymentIntegrated,
        Boolean paperResult,
        @Schema(required = true) LegalTimeDto legalTime,
        List<PublicPart> publicParts,
        OffsetDateTime madePublicAt,
        @Schema(required = true) OffsetDateTime updatedAt) {}
