package dvc766.ingestion.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A publishing decision as read from the request, before validation; any field may be null. */
public record PublishingDecisionDraft(
        String unitCode,
        String number,
        LocalDate signedOn,
        LocalDate legalEffectiveOn,
        List<EntryDraft> procedures,
        OffsetDateTime updatedAt) {

    /** One procedure of the decision; a list entry that was not an object reads as null. */
    public record EntryDraft(String procedureCode, String action, OffsetDateTime madePublicAt) {}

    /** The natural key, when both parts were given. */
    public String key() {
        return unitCode == null || number == null ? null : PublishingDecision.key(unitCode, number);
    }
}
