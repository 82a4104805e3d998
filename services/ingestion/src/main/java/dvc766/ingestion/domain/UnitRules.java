package dvc766.ingestion.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

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
        // E_CERTIFIED_COPY counts communes: the service is a commune's, any other level carrying it is a mistake
        if (d.eCertifiedCopySince() != null && level != null && level != UnitLevel.COMMUNE) {
            v.add("eCertifiedCopySince", "level", "only a COMMUNE offers electronic certification of copies");
        }
        if (v.list().size() > before) return null;
        Instant updatedAt = d.updatedAt() == null ? receivedAt : Checks.instant(d.updatedAt());
        return new Unit(code, name, level, parent, d.validFrom(), d.validTo(), d.eCertifiedCopySince(), updatedAt);
    }

    /** {@code zone} is where days begin: {@code eCertifiedCopySince} may not lie after the day of receipt. */
    public static void plausibility(Unit u, Instant now, Duration skew, ZoneId zone, Violations v) {
        Plausibility.notInFuture(u.updatedAt(), "updatedAt", now, skew, v);
        LocalDate today = LocalDate.ofInstant(now.plus(skew), zone);
        if (u.eCertifiedCopySince() != null && u.eCertifiedCopySince().isAfter(today)) {
            v.add("eCertifiedCopySince", "notInFuture", "the service cannot have begun on " + u.eCertifiedCopySince()
                    + ", after the day the unit was received (" + LocalDate.ofInstant(now, zone) + ")");
        }
        if (u.code().equals(u.parentCode())) {
            v.add("parentCode", "acyclic", "a unit cannot be its own parent");
        }
    }
}
