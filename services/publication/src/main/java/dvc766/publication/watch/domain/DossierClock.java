package dvc766.publication.watch.domain;

import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.common.period.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A dossier's deadline as index-766 §11 defines it, split so that it can be stored and compared in SQL:
 * {@code deadline} is the base deadline ({@code dueAt}, else received + legal time) moved later by every wait that
 * has ended; while a supplement is still awaited ({@code awaitingSince}) the deadline moves on with time, so the
 * dossier can neither turn overdue nor come nearer its deadline; a second request to supplement makes it overdue.
 */
public record DossierClock(boolean open, Instant deadline, Instant awaitingSince, int supplementRequests) {

    /** Why an open dossier is overdue. */
    public enum OverdueReason { DEADLINE_PASSED, SECOND_SUPPLEMENT }

    public static DossierClock of(OpenDossier d, LegalTime legalTime, WorkingDayCalendar calendar) {
        boolean open = !d.finished();
        Instant base = d.dueAt() != null ? d.dueAt()
                : legalTime == null ? null : calendar.add(d.receivedAt(), legalTime.amount(), legalTime.unit());
        Duration waited = Duration.ZERO;
        Instant awaiting = null;
        int requests = 0;
        for (OpenDossier.Supplement s : d.supplements()) {
            if (s.requestedAt() == null) continue;
            requests++;
            if (s.returnedAt() == null) {
                if (awaiting == null || s.requestedAt().isBefore(awaiting)) awaiting = s.requestedAt();
            } else if (s.returnedAt().isAfter(s.requestedAt())) {
                waited = waited.plus(Duration.between(s.requestedAt(), s.returnedAt()));
            }
        }
        return new DossierClock(open, base == null ? null : base.plus(waited), open ? awaiting : null, requests);
    }

    public boolean awaitingSupplement() {
        return awaitingSince != null;
    }

    /** Why the dossier is overdue at {@code now}, or null while it is on time (or closed). */
    public OverdueReason overdueAt(Instant now) {
        if (!open) return null;
        if (supplementRequests > 1) return OverdueReason.SECOND_SUPPLEMENT;
        if (awaitingSince == null && deadline != null && now.isAfter(deadline)) return OverdueReason.DEADLINE_PASSED;
        return null;
    }

    /** Whether the open, on-time dossier's deadline falls within {@code n} working days of {@code now} (§11 arithmetic). */
    public boolean dueWithin(Instant now, int n, WorkingDayCalendar calendar) {
        if (!open || awaitingSince != null || deadline == null || overdueAt(now) != null) return false;
        return !deadline.isAfter(calendar.endOfWorkingDaysAfter(now, n));
    }

    /**
     * The instant from which the deadline lies within {@code n} working days: the start of the first local day
     * {@code x} whose n-th following working day ends at or after the deadline.
     */
    public static Instant dueSoonFrom(Instant deadline, int n, WorkingDayCalendar calendar) {
        LocalDate day = deadlineDate(deadline);
        LocalDate x = day;
        // walk back while the day before still reaches the deadline within n working days
        while (!calendar.workingDayAfter(x.minusDays(1), n).isBefore(day)) x = x.minusDays(1);
        return x.atStartOfDay(Period.ZONE).toInstant();
    }

    /** Working days left between today and the deadline's own day: 0 when it falls today. */
    public static int workingDaysLeft(Instant now, Instant deadline, WorkingDayCalendar calendar) {
        LocalDate today = now.atZone(Period.ZONE).toLocalDate();
        LocalDate day = deadlineDate(deadline);
        return calendar.workingDaysBetween(today.plusDays(1), day.plusDays(1));
    }

    /** The day a deadline falls on: a deadline at 24:00 belongs to the day it ends. */
    static LocalDate deadlineDate(Instant deadline) {
        return deadline.minusNanos(1).atZone(Period.ZONE).toLocalDate();
    }
}
