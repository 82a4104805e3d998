package dvc766.ingestion.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A valid publishing decision (quyết định công bố, QĐCB) state. A number is unique per issuing unit only, so the key
 * is {@code unitCode/number}. Its procedures keep the order they were sent in; their order carries no meaning.
 */
public record PublishingDecision(
        String unitCode,
        String number,
        LocalDate signedOn,
        LocalDate legalEffectiveOn,
        List<Entry> procedures,
        Instant updatedAt) {

    public PublishingDecision {
        procedures = List.copyOf(procedures);
    }

    /** One procedure the decision publishes, and when it was made public in the national database for it. */
    public record Entry(String procedureCode, DecisionAction action, Instant madePublicAt) {}

    public String key() {
        return key(unitCode, number);
    }

    public static String key(String unitCode, String number) {
        return unitCode + "/" + number;
    }

    /** The same facts, whatever the order of the procedures and whatever {@code updatedAt}. */
    public boolean sameContentAs(PublishingDecision other) {
        return other != null && unitCode.equals(other.unitCode) && number.equals(other.number)
                && signedOn.equals(other.signedOn) && legalEffectiveOn.equals(other.legalEffectiveOn)
                && sorted(procedures).equals(sorted(other.procedures));
    }

    private static List<Entry> sorted(List<Entry> entries) {
        return entries.stream().sorted(Comparator.comparing(Entry::procedureCode)).toList();
    }
}
