package dvc766.ingestion.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A valid unit state: its place in the tree ({@code parentCode}, null for a root) holds over
 * [{@code validFrom}, {@code validTo}), open at either end when absent.
 */
public record Unit(
        String code,
        String name,
        UnitLevel level,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo,
        LocalDate eCertifiedCopySince,
        Instant updatedAt) {

    public boolean sameContentAs(Unit other) {
        return other != null && withUpdatedAt(other.updatedAt).equals(other);
    }

    public Unit withUpdatedAt(Instant t) {
        return new Unit(code, name, level, parentCode, validFrom, validTo, eCertifiedCopySince, t);
    }
}
