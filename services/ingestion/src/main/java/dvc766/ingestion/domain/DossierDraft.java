package dvc766.ingestion.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A dossier as read from the request, before validation: every field may be absent (null), enums are still text.
 * A supplement entry is null when it was not a JSON object (that type error is already recorded).
 */
public record DossierDraft(
        String code,
        String procedureCode,
        String unitCode,
        String channel,
        OffsetDateTime receivedAt,
        OffsetDateTime dueAt,
        String status,
        OffsetDateTime finishedAt,
        String finishKind,
        List<SupplementDraft> supplements,
        OffsetDateTime syncedAt,
        Boolean eResult,
        Boolean inputsDigitized,
        Boolean reusedData,
        Boolean personalStoreLinked,
        Boolean populationDataUsed,
        BigDecimal feeAmount,
        OffsetDateTime paidOnlineAt,
        String rating,
        OffsetDateTime updatedAt) {

    public record SupplementDraft(OffsetDateTime requestedAt, OffsetDateTime returnedAt) {}
}
