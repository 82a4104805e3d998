package dvc766.ingestion.api;

import dvc766.ingestion.domain.Channel;
import dvc766.ingestion.domain.DossierStatus;
import dvc766.ingestion.domain.FinishKind;
import dvc766.ingestion.domain.Rating;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/v1/dossiers/{code}}. */
@Schema(name = "DossierRequest", description = "The whole current state of a dossier (hồ sơ). Times are ISO 8601 with offset.")
public record DossierRequest(
        @Schema(description = "Optional; when present it must equal the code in the path.") String code,
        @Schema(required = true, description = "A procedure already sent to PUT /api/v1/procedures (else 422).") String procedureCode,
        @Schema(required = true, description = "The unit that must resolve it: the caller's unit or below it (else 403).")
        String unitCode,
        @Schema(required = true) Channel channel,
        @Schema(required = true, description = "At most 5 minutes in the future (else 422).") OffsetDateTime receivedAt,
        @Schema(description = "Appointment date (ngày hẹn trả); not before receivedAt.") OffsetDateTime dueAt,
        @Schema(required = true) DossierStatus status,
        @Schema(description = "Set together with finishKind; not before receivedAt.") OffsetDateTime finishedAt,
        @Schema(description = "Set together with finishedAt.") FinishKind finishKind,
        List<SupplementDto> supplements,
        @Schema(description = "When it was synchronised to the national portal.") OffsetDateTime syncedAt,
        Boolean eResult,
        Boolean inputsDigitized,
        Boolean reusedData,
        Boolean personalStoreLinked,
        Boolean populationDataUsed,
        @Schema(minimum = "0", description = "Financial obligation; default 0.") BigDecimal feeAmount,
        OffsetDateTime paidOnlineAt,
        Rating rating,
        @Schema(required = true, description = "Time of this state at the source; an older one never overrides a newer one.")
        OffsetDateTime updatedAt) {}
