package dvc766.indicator.domain;

import static dvc766.indicator.domain.Indicators.*;

import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.common.period.Period;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PAKN deadlines and verdicts at an evaluation instant {@code te} (index-766 §6, §11), what one PAKN contributes to a
 * period, the periods it counts in, and the next instant at which time alone changes that. The one contribution
 * function for PAKN, shared by the incremental path and the recomputation from scratch.
 */
public final class PetitionTiming {

    private PetitionTiming() {}

    static boolean by(Instant t, Instant te) {
        return t != null && !t.isAfter(te);
    }

    /** When the PAKN was closed (answered, refused or withdrawn), if by {@code te}. */
    public static Instant closedAt(PetitionFacts p, Instant te) {
        Instant closed = null;
        for (Instant t : new Instant[] {p.answeredAt(), p.refusedAt(), p.withdrawnAt()}) {
            if (by(t, te) && (closed == null || t.isBefore(closed))) closed = t;
        }
        return closed;
    }

    /** Deadlines count from receipt, or from the last transfer made by {@code te}. */
    public static Instant start(PetitionFacts p, Instant te) {
        Instant start = p.receivedAt();
        for (Instant t : p.transfers()) {
            if (by(t, te) && t.isAfter(start)) start = t;
        }
        return start;
    }

    /**
     * Time spent waiting for the citizen's information after {@code start}, up to {@code te}: each request made by
     * {@code te} waits until the information came back, else until {@code te}; nothing is awaited once the PAKN is closed.
     */
    public static Duration waiting(PetitionFacts p, Instant te) {
        Instant start = start(p, te);
        Instant closed = closedAt(p, te);
        Duration total = Duration.ZERO;
        for (PetitionFacts.Wait w : p.infoRequests()) {
            if (!by(w.requestedAt(), te)) continue;
            Instant from = w.requestedAt().isBefore(start) ? start : w.requestedAt();
            Instant end = by(w.returnedAt(), te) ? w.returnedAt() : te;
            if (closed != null && closed.isBefore(end)) end = closed;
            if (end.isAfter(from)) total = total.plus(Duration.between(from, end));
        }
        return total;
    }

    static boolean awaitingInformation(PetitionFacts p, Instant te) {
        if (closedAt(p, te) != null) return false;
        for (PetitionFacts.Wait w : p.infoRequests()) {
            if (by(w.requestedAt(), te) && !by(w.returnedAt(), te)) return true;
        }
        return false;
    }

    /** The answer deadline at {@code te}: 15 working days from the start, moved later by the waiting for information. */
    public static Instant answerDeadline(PetitionFacts p, Instant te, PetitionDeadlines dl, WorkingDayCalendar cal) {
        return cal.endOfWorkingDaysAfter(start(p, te), dl.answer()).plus(waiting(p, te));
    }

    /** Why the PAKN is late at {@code te}, or null when every step that happened met its deadline and none awaited is past it. */
    public static String lateBecause(PetitionFacts p, Instant te, PetitionDeadlines dl, WorkingDayCalendar cal) {
        Instant start = start(p, te);
        if (by(p.refusedAt(), te) && p.refusedAt().isAfter(cal.endOfWorkingDaysAfter(start, dl.refusal()))) return "refused late";
        Instant infoDeadline = cal.endOfWorkingDaysAfter(start, dl.infoRequest());
        for (PetitionFacts.Wait w : p.infoRequests()) {
            if (by(w.requestedAt(), te) && w.requestedAt().isAfter(infoDeadline)) return "information requested late";
        }
        Instant answerDeadline = answerDeadline(p, te, dl, cal);
        if (by(p.answeredAt(), te)) {
            if (p.answeredAt().isAfter(answerDeadline)) return "answered late";
            Instant publishDeadline = cal.endOfWorkingDaysAfter(p.answeredAt(), dl.publishAnswer());
            if (by(p.publishedAt(), te)) return p.publishedAt().isAfter(publishDeadline) ? "answer published late" : null;
            return te.isAfter(publishDeadline) ? "answer not published in time" : null;
        }
        if (closedAt(p, te) != null) return null; // refused or withdrawn: no answer is awaited
        return te.isAfter(answerDeadline) ? "not answered in time" : null;
    }

    public static boolean onTime(PetitionFacts p, Instant te, PetitionDeadlines dl, WorkingDayCalendar cal) {
        return lateBecause(p, te, dl, cal) == null;
    }

    /**
     * What the PAKN adds to each PAKN indicator for the period P = [ps, pe) at {@code te = min(pe, now)}: it counts in
     * K(P) when received before pe (and by te) and not closed before ps.
     */
    public static Contributions contributionsOf(PetitionFacts p, Period period, Instant te, PetitionDeadlines dl, WorkingDayCalendar cal) {
        if (p.receivedAt() == null || p.receivedAt().isAfter(te) || !p.receivedAt().isBefore(period.end())) return Contributions.NONE;
        Instant closed = closedAt(p, te);
        if (closed != null && closed.isBefore(period.start())) return Contributions.NONE;
        boolean onTime = onTime(p, te, dl, cal);
        Map<String, Counts> m = new HashMap<>();
        m.put(PETITION_ON_TIME, Counts.of(onTime));
        m.put(PETITION_SATISFACTION, Counts.of(onTime && !"DISSATISFIED".equals(p.rating()) && !p.raisedAgain()));
        m.put(PETITION_CLASSIFICATION, Counts.of("TTHC_REGULATION".equals(p.category())));
        return new Contributions(m);
    }

    /** The months, quarters and years the PAKN counts in at {@code now}: those overlapping receipt → close (or now). */
    public static List<Period> periodsOf(PetitionFacts p, Instant now) {
        if (p.receivedAt() == null || p.receivedAt().isAfter(now)) return List.of();
        Instant closed = closedAt(p, now);
        Instant end = closed == null ? now : closed;
        if (end.isBefore(p.receivedAt())) end = p.receivedAt();
        return Period.standardPeriodsOverlapping(p.receivedAt(), end.plusNanos(1));
    }

    /**
     * The first instant after {@code now} at which time alone can change what the PAKN contributes: a dated step comes to
     * exist, a new month starts while it is open, the answer deadline passes while it is awaited, or the publishing
     * deadline passes while the answer is not published.
     */
    public static Instant nextCheckAt(PetitionFacts p, Instant now, PetitionDeadlines dl, WorkingDayCalendar cal) {
        if (p.receivedAt() == null) return null;
        List<Instant> candidates = new ArrayList<>(List.of(p.receivedAt()));
        candidates.addAll(p.transfers());
        for (PetitionFacts.Wait w : p.infoRequests()) {
            candidates.add(w.requestedAt());
            candidates.add(w.returnedAt());
        }
        candidates.add(p.refusedAt());
        candidates.add(p.answeredAt());
        candidates.add(p.publishedAt());
        candidates.add(p.withdrawnAt());
        if (!p.receivedAt().isAfter(now)) {
            if (closedAt(p, now) == null) {
                candidates.add(Period.containing(now, Period.Kind.MONTH).end());
                // while information is awaited the answer deadline moves with time
                if (!awaitingInformation(p, now)) {
                    Instant deadline = answerDeadline(p, now, dl, cal);
                    if (!deadline.isBefore(now)) candidates.add(deadline.plusNanos(1000));
                }
            } else if (by(p.answeredAt(), now) && !by(p.publishedAt(), now)) {
                Instant deadline = cal.endOfWorkingDaysAfter(p.answeredAt(), dl.publishAnswer());
                if (!deadline.isBefore(now)) candidates.add(deadline.plusNanos(1000));
            }
        }
        return candidates.stream().filter(t -> t != null && t.isAfter(now)).min(Comparator.naturalOrder()).orElse(null);
    }
}
