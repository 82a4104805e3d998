package dvc766.contracts.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The whole current state of a publishing decision (quyết định công bố, QĐCB), index-766 §10. Its natural key is
 * {@link #key()}: a number is unique per issuing unit only.
 */
public record PublishingDecisionData(
        String unitCode,
        String number,
        LocalDate signedOn,
        LocalDate legalEffectiveOn,
        List<Procedure> procedures,
        OffsetDateTime updatedAt,
        long revision) {

    /** One procedure the decision publishes, and when it was made public in the national database for it. */
    public record Procedure(String procedureCode, String action, OffsetDateTime madePublicAt) {}

    /** The Kafka key and CloudEvents subject: {@code unitCode + "/" + number}. */
    public String key() {
        return key(unitCode, number);
    }

    public static String key(String unitCode, String number) {
        return unitCode + "/" + number;
    }
}
