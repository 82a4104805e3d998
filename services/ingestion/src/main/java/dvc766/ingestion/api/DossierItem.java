package dvc766.ingestion.api;

import dvc766.ingestion.domain.Channel;
import dvc766.ingestion.domain.DossierStatus;
import dvc766.ingestion.domain.FinishKind;
import dvc766.ingestion.domain.Rating;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One dossier of {@code POST /api/v1/dossiers:batch}: the single body plus its code. */
@Schema(name = "DossierItem", description = "A dossier in a batch; the same fields as a single write, with its code.")
public record DossierItem(
        @Schema(required = true) String code,
        @Schema(required = true) String procedureCode,
        @Schema(required = true) String unitCode,
        @Schema(required = true) Channel channel,
        @Schema(required = true) OffsetDateTime receivedAt,
        OffsetDateTime dueAt,
        @Schema(required = true) DossierStatus status,
        OffsetDateTime finishedAt,
        FinishKind finishKind,
        List<SupplementDto> supplements,
        OffsetDateTime syncedAt,
        Boolean eResult,
        Boolean inputsDigitized,
        Boolean reusedData,
        Boolean personalStoreLinked,
        Boolean populationDataUsed,
        BigDecimal feeAmount,
        OffsetDateTime paidOnlineAt,
        Rating rating,
        @Schema(required = true) OffsetDateTime updatedAt) {}
