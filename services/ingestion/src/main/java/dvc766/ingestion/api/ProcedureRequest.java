package dvc766.ingestion.api;

import dvc766.ingestion.domain.ApplicantType;
import dvc766.ingestion.domain.OnlineLevel;
import dvc766.ingestion.domain.PublicPart;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/v1/procedures/{code}}. */
@Schema(name = "ProcedureRequest", description = "An administrative procedure (TTHC) and the units that implement it.")
public record ProcedureRequest(
        @Schema(description = "Optional; when present it must equal the code in the path.") String code,
        @Schema(required = true) String name,
        @Schema(description = "Field (lĩnh vực), e.g. Xây dựng.") String field,
        @Schema(required = true, description = "Units implementing it; each must be the caller's unit or below it.")
        List<String> unitCodes,
        @Schema(required = true) List<ApplicantType> applicantTypes,
        @Schema(required = true) OnlineLevel onlineLevel,
        @Schema(description = "Default false.") Boolean eligibleForFullOnline,
        @Schema(description = "Default false.") Boolean feeBearing,
        @Schema(description = "Fee data goes to the national portal. Default false.") Boolean paymentIntegrated,
        @Schema(description = "Its result is a paper document. Default false.") Boolean paperResult,
        @Schema(required = true) LegalTimeDto legalTime,
        @Schema(description = "Parts its public record has.") List<PublicPart> publicParts,
        OffsetDateTime madePublicAt,
        @Schema(required = true, description = "Time of this state at the source; orders updates.") OffsetDateTime updatedAt) {}
