package dvc766.ingestion.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A valid dossier state (index-766 §10); instants at microsecond precision, amounts in canonical scale. */
public record Dossier(
        String code,
        String procedureCode,
        String unitCode,
        Channel channel,
        Instant receivedAt,
        Instant dueAt,
        DossierStatus status,
        Instant finishedAt,
        FinishKind finishKind,
        List<Supplement> supplements,
        Instant syncedAt,
        boolean eResult,
        boolean inputsDigitized,
        boolean reusedData,
        boolean personalStoreLinked,
        boolean populationDataUsed,
        BigDecimal feeAmount,
        Instant paidOnlineAt,
        Rating rating,
        Instant updatedAt) {

    public Dossier {
        supplements = List.copyOf(supplements);
        feeAmount = canonical(feeAmount);
    }

    /** One request to supplement documents; {@code returnedAt} absent while still awaited. */
    public record Supplement(Instant requestedAt, Instant returnedAt) {}

    /** Same facts, whatever the source's {@code updatedAt}. */
    public boolean sameContentAs(Dossier other) {
        return other != null && withUpdatedAt(other.updatedAt).equals(other);
    }

    public Dossier withUpdatedAt(Instant t) {
        return new Dossier(code, procedureCode, unitCode, channel, receivedAt, dueAt, status, finishedAt, finishKind,
                supplements, syncedAt, eResult, inputsDigitized, reusedData, personalStoreLinked, populationDataUsed,
                feeAmount, paidOnlineAt, rating, t);
    }

    /** 15000.00 and 15000 are the same amount: no trailing zeros, never an exponent. */
    public static BigDecimal canonical(BigDecimal amount) {
        if (amount == null) return null;
        BigDecimal s = amount.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
