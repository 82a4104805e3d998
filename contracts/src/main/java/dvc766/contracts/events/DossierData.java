package dvc766.contracts.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The whole current state of a dossier (hồ sơ), index-766 §10. {@code updatedAt} is the source system's
 * time of this state and orders updates; {@code revision} is ingestion's own counter per dossier.
 */
public record DossierData(
        String code,
        String procedureCode,
        String unitCode,
        String channel,
        OffsetDateTime receivedAt,
        OffsetDateTime dueAt,
        String status,
        OffsetDateTime finishedAt,
        String finishKind,
        List<Supplement> supplements,
        OffsetDateTime syncedAt,
        boolean eResult,
        boolean inputsDigitized,
        boolean reusedData,
        boolean personalStoreLinked,
        boolean populationDataUsed,
        BigDecimal feeAmount,
        OffsetDateTime paidOnlineAt,
        String rating,
        OffsetDateTime updatedAt,
        long revision) {

    /** One request to supplement documents; {@code returnedAt} absent while still awaited. */
    public record Supplement(OffsetDateTime requestedAt, OffsetDateTime returnedAt) {}
}
