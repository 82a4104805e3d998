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

    /** When time alone next changes {@link #eCertifiedCopy}: the start of a future {@code since} day; null otherwise. */
    public static Instant eCertifiedCopyNextCheck(String level, LocalDate since, Instant now) {
        if (!"COMMUNE".equals(level) || since == null) return null;
        Instant start = since.atStartOfDay(Period.ZONE).toInstant();
        return start.isAfter(now) ? start : null;
    }

    /**
     * What the counters hold for a unit whose check at {@code pendingCheck} has not run by {@code now}: a {@code since}
     * still in the future when they were written is not counted yet.
     */
    public static Counts eCertifiedCopyCounted(String level, LocalDate since, Instant pendingCheck, Instant now) {
        boolean pending = pendingCheck != null && !pendingCheck.isAfter(now);
        return eCertifiedCopy(level, pending ? null : since, now);
    }
}
