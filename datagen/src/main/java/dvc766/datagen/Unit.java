package dvc766.datagen;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A unit of the tree as {@code PUT /api/v1/admin/units/{code}} takes it. The body of that request is this record
 * without {@code code} (see {@link Json#unitBody}).
 */
@JsonPropertyOrder({"code", "name", "level", "parentCode", "validFrom", "validTo", "eCertifiedCopySince", "updatedAt"})
public record Unit(
        String code,
        String name,
        UnitLevel level,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo,
        // explicit: bean naming would turn the leading single lower-case letter into "ecertifiedCopySince"
        @JsonProperty("eCertifiedCopySince") LocalDate eCertifiedCopySince,
        OffsetDateTime updatedAt) {

    /** The label every made-up unit carries in its name, so that nobody takes it for a real one. */
    public static final String MADE_UP_LABEL = "(giả lập)";

    public boolean madeUp() {
        return name.contains(MADE_UP_LABEL);
    }
}
