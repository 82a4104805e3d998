package dvc766.indicator.domain;

import dvc766.common.period.Period;
import java.time.Instant;
import java.time.LocalDate;

/** What a unit itself contributes: E_CERTIFIED_COPY (index-766 §11), a commune offering electronic certified copies. */
public final class UnitContributions {

    private UnitContributions() {}

    /**
     * A commune counts once in the denominator, and in the numerator from {@code eCertifiedCopySince} (that day's start,
     * local time); any other level counts nowhere.
     */
    public static Counts eCertifiedCopy(String level, LocalDate since, Instant now) {
        if (!"COMMUNE".equals(level)) return Counts.ZERO;
        boolean offering = since != null && !since.atStartOfDay(Period.ZONE).toInstant().isAfter(now);
        return Counts.of(offering);
    }
}
