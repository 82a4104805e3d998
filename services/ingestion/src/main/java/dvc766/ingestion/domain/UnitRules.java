package dvc766.ingestion.domain;

import java.time.Duration;
import java.time.Instant;

/** The rules a unit must meet. */
public final class UnitRules {

    private UnitRules() {}

    /** {@code receivedAt} stands in for {@code updatedAt} when the administrator sends none. */
    public static Unit validate(UnitDraft d, Instant receivedAt, Violations v) {
        int before = v.list().size();
        String code = Checks.code(d.code(), "code", v);
        Checks.required(d.code(), "code", v);
        String name = Checks.text(d.name(), "name", v);
        Checks.required(d.name(), "name", v);
        UnitLevel level = Checks.oneOf(UnitLevel.class, d.level(), "level", v);
        Checks.required(d.level(), "level", v);
        String parent = Checks.code(d.parentCode(), "parentCode", v);
        if (d.validFrom() != null && d.validTo() != null && !d.validTo().isAfter(d.validFrom())) {
            v.add("validTo", "after", "must be after validFrom (" + d.validFrom() + ")");
        }
        if (v.list().size() > before) return null;
        Instant updatedAt = d.updatedAt() == null ? receivedAt : Checks.instant(d.updatedAt());
        return new Unit(code, name, level, parent, d.validFrom(), d.validTo(), d.eCertifiedCopySince(), updatedAt);
    }

    public static void plausibility(Unit u, Instant now, Duration skew, Violations v) {
        Plausibility.notInFuture(u.updatedAt(), "updatedAt", now, skew, v);
        if (u.code().equals(u.parentCode())) {
            v.add("parentCode", "acyclic", "a unit cannot be its own parent");
        }
    }
}
