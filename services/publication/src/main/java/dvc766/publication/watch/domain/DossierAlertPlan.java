package dvc766.publication.watch.domain;

import dvc766.common.calendar.WorkingDayCalendar;
import java.time.Instant;

/**
 * What the alert scheduler does with an open dossier at {@code now}: the alert it is due (if any) and the next instant
 * at which time alone can make it due another one. Alert keys name the deadline they are about, so a dossier whose
 * deadline moves (a supplement returned late, a new appointment date) can be alerted again, but the same alert twice never.
 */
public record DossierAlertPlan(AlertKind kind, String alertKey, DossierClock.OverdueReason reason, Instant nextCheckAt) {

    /** One microsecond after the deadline, the database's precision: overdue means strictly after it. */
    private static final long OVERDUE_DELAY_NANOS = 1_000;

    public static DossierAlertPlan at(String dossierCode, DossierClock clock, Instant now, int dueSoonDays,
            WorkingDayCalendar calendar) {
        if (!clock.open()) return new DossierAlertPlan(null, null, null, null);
        DossierClock.OverdueReason reason = clock.overdueAt(now);
        if (reason == DossierClock.OverdueReason.SECOND_SUPPLEMENT) {
            return new DossierAlertPlan(AlertKind.OVERDUE, "OVERDUE/" + dossierCode + "/second-supplement", reason, null);
        }
        if (reason == DossierClock.OverdueReason.DEADLINE_PASSED) {
            return new DossierAlertPlan(AlertKind.OVERDUE, "OVERDUE/" + dossierCode + "/" + clock.deadline(), reason, null);
        }
        // waiting for the applicant, or no deadline known: only new data can change anything
        if (clock.awaitingSupplement() || clock.deadline() == null) return new DossierAlertPlan(null, null, null, null);
        Instant overdueAt = clock.deadline().plusNanos(OVERDUE_DELAY_NANOS);
        Instant windowOpens = DossierClock.dueSoonFrom(clock.deadline(), dueSoonDays, calendar);
        if (!now.isBefore(windowOpens)) {
            return new DossierAlertPlan(AlertKind.DUE_SOON, "DUE_SOON/" + dossierCode + "/" + clock.deadline(), null, overdueAt);
        }
        return new DossierAlertPlan(null, null, null, windowOpens);
    }
}
