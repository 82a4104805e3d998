package dvc766.indicator.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A publishing decision (quyết định công bố, QĐCB; index-766 §10) as the formulas need it. */
public record DecisionFacts(String key, String unitCode, LocalDate signedOn, LocalDate legalEffectiveOn, List<Item> procedures) {

    public DecisionFacts {
        procedures = procedures == null ? List.of() : List.copyOf(procedures);
    }

    /** A procedure the decision publishes and when it was made public in the national database for it. */
    public record Item(String procedureCode, String action, Instant madePublicAt) {}
}
