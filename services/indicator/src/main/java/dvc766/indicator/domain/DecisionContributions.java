package dvc766.indicator.domain;

import static dvc766.indicator.domain.Indicators.PUBLIC_UPDATE_ON_TIME;
import static dvc766.indicator.domain.Indicators.PUBLISH_ON_TIME;

import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.common.period.Period;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one contribution function for publishing decisions (index-766 §11): per procedure the decision names, whether it
 * fails PUBLISH_ON_TIME and PUBLIC_UPDATE_ON_TIME. A procedure counts once per subtree and period and fails if any of
 * its decisions fails it: the counting over decisions is done on {@link ItemCount}s (refs, fails).
 */
public final class DecisionContributions {

    private DecisionContributions() {}

    /** Start of the signing day, local time: a decision exists from then on. */
    public static Instant signedAt(DecisionFacts d) {
        return d.signedOn().atStartOfDay(Period.ZONE).toInstant();
    }

    /** The month, quarter and year of the signing, once it is not in the future. */
    public static List<Period> periodsOf(DecisionFacts d, Instant now) {
        if (d.signedOn() == null) return List.of();
        Instant signed = signedAt(d);
        if (signed.isAfter(now)) return List.of();
        return Period.standardPeriodsOverlapping(signed, signed.plusNanos(1));
    }

    /** End of the n-th working day after the signing day. */
    public static Instant updateDeadline(DecisionFacts d, DecisionDeadlines dl, WorkingDayCalendar cal) {
        return cal.endOfWorkingDaysAfter(signedAt(d), dl.updateAfter());
    }

    /** Signed no later than the n-th working day before the legal document takes effect (no effective date: on time). */
    public static boolean publishedOnTime(DecisionFacts d, DecisionDeadlines dl, WorkingDayCalendar cal) {
        return d.legalEffectiveOn() == null || !d.signedOn().isAfter(cal.workingDaysBefore(d.legalEffectiveOn(), dl.publishBefore()));
    }

    /** Made public by the deadline, or not public yet at {@code te} and {@code te} not past it. */
    public static boolean madePublicOnTime(DecisionFacts d, DecisionFacts.Item item, Instant te, DecisionDeadlines dl, WorkingDayCalendar cal) {
        Instant deadline = updateDeadline(d, dl, cal);
        Instant madePublic = item.madePublicAt();
        if (madePublic != null && !madePublic.isAfter(te)) return !madePublic.isAfter(deadline);
        return !te.isAfter(deadline);
    }

    /** Indicator → procedure code → what this decision adds, for the period at {@code te}. */
    public static Map<String, Map<String, ItemCount>> itemsOf(DecisionFacts d, Period period, Instant te, DecisionDeadlines dl,
            WorkingDayCalendar cal) {
        Map<String, Map<String, ItemCount>> out = new TreeMap<>();
        if (d.signedOn() == null) return out;
        Instant signed = signedAt(d);
        if (!period.contains(signed) || signed.isAfter(te)) return out;
        boolean publishOnTime = publishedOnTime(d, dl, cal);
        Map<String, ItemCount> publish = new TreeMap<>(), update = new TreeMap<>();
        for (DecisionFacts.Item item : d.procedures()) {
            if (item == null || item.procedureCode() == null) continue;
            // a procedure named twice by one decision is one reference, failed if either entry fails
            publish.merge(item.procedureCode(), ItemCount.of(!publishOnTime), DecisionContributions::either);
            update.merge(item.procedureCode(), ItemCount.of(!madePublicOnTime(d, item, te, dl, cal)), DecisionContributions::either);
        }
        if (!publish.isEmpty()) out.put(PUBLISH_ON_TIME, publish);
        if (!update.isEmpty()) out.put(PUBLIC_UPDATE_ON_TIME, update);
        return out;
    }

    private static ItemCount either(ItemCount a, ItemCount b) {
        return new ItemCount(1, Math.max(a.fails(), b.fails()));
    }

    /** The first instant after {@code now} at which time alone changes what the decision adds. */
    public static Instant nextCheckAt(DecisionFacts d, Instant now, DecisionDeadlines dl, WorkingDayCalendar cal) {
        if (d.signedOn() == null) return null;
        List<Instant> candidates = new ArrayList<>();
        candidates.add(signedAt(d));
        Instant deadline = updateDeadline(d, dl, cal);
        for (DecisionFacts.Item item : d.procedures()) {
            if (item == null) continue;
            candidates.add(item.madePublicAt());
            boolean publicByNow = item.madePublicAt() != null && !item.madePublicAt().isAfter(now);
            if (!publicByNow && !deadline.isBefore(now)) candidates.add(deadline.plusNanos(1000));
        }
        return candidates.stream().filter(t -> t != null && t.isAfter(now)).min(Comparator.naturalOrder()).orElse(null);
    }
}
