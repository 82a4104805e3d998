package dvc766.indicator.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the formulas need to know about one dossier (index-766 §10), as its source last reported it. */
public record DossierFacts(
        String code,
        String procedureCode,
        String unitCode,
        String channel,
        Instant receivedAt,
        Instant dueAt,
        String status,
        Instant finishedAt,
        String finishKind,
        List<Supplement> supplements,
        Instant syncedAt,
        boolean eResult,
        boolean inputsDigitized,
        boolean reusedData,
        boolean personalStoreLinked,
        boolean populationDataUsed,
        BigDecimal feeAmount,
        Instant paidOnlineAt,
        String rating) {

    public DossierFacts {
        supplements = supplements == null ? List.of() : List.copyOf(supplements);
    }

    /** A request to supplement documents; {@code returnedAt} absent while it is awaited. */
    public record Supplement(Instant requestedAt, Instant returnedAt) {}

    /** Withdrawn by the applicant: counts nowhere (index-766 §11). */
    public boolean withdrawn() {
        return "WITHDRAWN".equals(status) || "WITHDRAWN".equals(finishKind);
    }
}
