package dvc766.indicator.domain;

import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.common.period.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A dossier's deadline and verdict at an evaluation instant {@code te} (index-766 §4, §11), the periods it counts in,
 * and the next instant at which the mere passing of time can change what it contributes.
 */
public final class DossierTiming {

    /** How a dossier stands at {@code te}: early and on time both count as on time. */
    public enum Verdict { EARLY, ON_TIME, OVERDUE }

    private DossierTiming() {}

    /** A finish counts only when {@code finishedAt ≤ te}. */
    public static boolean finishedBy(DossierFacts d, Instant te) {
        return d.finishedAt() != null && !d.finishedAt().isAfter(te);
    }

    /** Requests to supplement made by {@code te}. */
    public static int supplementRequests(DossierFacts d, Instant te) {
        int n = 0;
        for (DossierFacts.Supplement s : d.supplements()) {
            if (s.requestedAt() != null && !s.requestedAt().isAfter(te)) n++;
        }
        return n;
    }

    /** Whether a supplement requested by {@code te} is still awaited at {@code te} (and the dossier is not finished). */
    public static boolean awaitingSupplement(DossierFacts d, Instant te) {
        if (finishedBy(d, te)) return false;
        for (DossierFacts.Supplement s : d.supplements()) {
            if (s.requestedAt() != null && !s.requestedAt().isAfter(te) && (s.returnedAt() == null || s.returnedAt().isAfter(te))) return true;
        }
        return false;
    }

    /**
     * Time spent waiting for the applicant up to {@code te}: for each request made by {@code te}, until the documents came
     * back, else until {@code te}; a wait also ends when the dossier finished (nothing is awaited after that).
     */
    public static Duration waiting(DossierFacts d, Instant te) {
        Instant finish = finishedBy(d, te) ? d.finishedAt() : null;
        Duration total = Duration.ZERO;
        for (DossierFacts.Supplement s : d.supplements()) {
            if (s.requestedAt() == null || s.requestedAt().isAfter(te)) continue;
            Instant end = s.returnedAt() != null && !s.returnedAt().isAfter(te) ? s.returnedAt() : te;
            if (finish != null && finish.isBefore(end)) end = finish;
            if (end.isAfter(s.requestedAt())) total = total.plus(Duration.between(s.requestedAt(), end));
        }
        return total;
    }

    /** {@code dueAt}, else {@code receivedAt} plus the procedure's legal time; absent when neither is known. */
    public static Instant baseDeadline(DossierFacts d, ProcedureFacts p, WorkingDayCalendar calendar) {
        if (d.dueAt() != null) return d.dueAt();
        if (p == null || p.legalTime() == null) return null;
        return calendar.add(d.receivedAt(), p.legalTime().amount(), p.legalTime().unit());
    }

    /** The deadline as it stands at {@code te}: the base deadline moved later by the waiting time. */
    public static Instant deadline(DossierFacts d, ProcedureFacts p, Instant te, WorkingDayCalendar calendar) {
        Instant base = baseDeadline(d, p, calendar);
        return base == null ? null : base.plus(waiting(d, te));
    }

    /**
     * On time: at most one request to supplement by {@code te}, and finished by {@code te} no later than the deadline,
     * or unfinished with {@code te ≤ deadline}. Early: on time and finished on a local date before the deadline's.
     * A dossier without any deadline (no {@code dueAt}, no legal time) cannot be late.
     */
    public static Verdict verdict(DossierFacts d, ProcedureFacts p, Instant te, WorkingDayCalendar calendar) {
        if (supplementRequests(d, te) > 1) return Verdict.OVERDUE;
        Instant deadline = deadline(d, p, te, calendar);
        if (finishedBy(d, te)) {
            if (deadline == null) return Verdict.ON_TIME;
            if (d.finishedAt().isAfter(deadline)) return Verdict.OVERDUE;
            return localDate(d.finishedAt()).isBefore(deadlineDate(deadline)) ? Verdict.EARLY : Verdict.ON_TIME;
        }
        return deadline == null || !te.isAfter(deadline) ? Verdict.ON_TIME : Verdict.OVERDUE;
    }

    /**
     * The day a deadline falls on: a deadline at 24:00 (the start of the next day) belongs to the day it ends.
     */
    static LocalDate deadlineDate(Instant deadline) {
        return localDate(deadline.minusNanos(1));
    }

    private static LocalDate localDate(Instant t) {
        return t.atZone(Period.ZONE).toLocalDate();
    }

    /**
     * The months, quarters and years the dossier counts in, as known at {@code now}: every one that overlaps its life
     * from receipt to its finish (or to now while unfinished). Withdrawn dossiers, and dossiers not received yet, count
     * nowhere.
     */
    public static List<Period> periodsOf(DossierFacts d, Instant now) {
        if (d.withdrawn() || d.receivedAt() == null || d.receivedAt().isAfter(now)) return List.of();
        Instant end = finishedBy(d, now) ? d.finishedAt() : now;
        if (end.isBefore(d.receivedAt())) end = d.receivedAt();
        return Period.standardPeriodsOverlapping(d.receivedAt(), end.plusNanos(1));
    }

    /**
     * The first instant after {@code now} at which time alone can change what the dossier contributes: one of its own
     * dated facts comes to exist, its deadline passes while it is unfinished, or a new month (quarter, year) starts
     * while it is unfinished. Absent when nothing will change without new data.
     */
    public static Instant nextCheckAt(DossierFacts d, ProcedureFacts p, Instant now, WorkingDayCalendar calendar) {
        if (d.withdrawn() || d.receivedAt() == null) return null;
        List<Instant> candidates = new ArrayList<>();
        candidates.add(d.receivedAt());
        candidates.add(d.finishedAt());
        candidates.add(d.syncedAt());
        candidates.add(d.paidOnlineAt());
        for (DossierFacts.Supplement s : d.supplements()) {
            candidates.add(s.requestedAt());
            candidates.add(s.returnedAt());
        }
        if (!d.receivedAt().isAfter(now) && !finishedBy(d, now)) {
            candidates.add(Period.containing(now, Period.Kind.MONTH).end());
            // while a supplement is awaited the deadline moves with time, so the verdict cannot change by itself
            if (supplementRequests(d, now) <= 1 && !awaitingSupplement(d, now)) {
                Instant deadline = deadline(d, p, now, calendar);
                // overdue from just after the deadline: one microsecond later, the database's precision
                if (deadline != null && !deadline.isBefore(now)) candidates.add(deadline.plusNanos(1000));
            }
        }
        return candidates.stream().filter(t -> t != null && t.isAfter(now)).min(Comparator.naturalOrder()).orElse(null);
    }
}
