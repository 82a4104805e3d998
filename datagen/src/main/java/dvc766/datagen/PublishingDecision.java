package dvc766.datagen;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A publishing decision (QĐCB), as an item of {@code POST /api/v1/publishing-decisions:batch}. */
@JsonPropertyOrder({"unitCode", "number", "signedOn", "legalEffectiveOn", "procedures", "updatedAt"})
public record PublishingDecision(
        String unitCode,
        String number,
        LocalDate signedOn,
        LocalDate legalEffectiveOn,
        List<Entry> procedures,
        OffsetDateTime updatedAt) {

    public PublishingDecision {
        procedures = List.copyOf(procedures);
    }

    /** The platform's key of a decision: a number is unique per issuing unit only. */
    public String key() {
        return unitCode + "/" + number;
    }

    /** One procedure of the decision; {@code madePublicAt} is null while it is not yet public. */
    @JsonPropertyOrder({"procedureCode", "action", "madePublicAt"})
    public record Entry(String procedureCode, String action, OffsetDateTime madePublicAt) {}
}
