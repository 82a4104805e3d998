package dvc766.indicator.domain;

import static dvc766.indicator.domain.Indicators.*;

import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.common.period.Period;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one contribution function (index-766 §11): what a single dossier adds to each per-dossier indicator for one
 * period, evaluated at {@code te = min(pe, now)}. Incremental counting and recomputation from scratch both use it.
 */
public final class DossierContributions {

    private static final Set<String> RESULT_KINDS = Set.of("PROCESSED", "RESULT_RETURNED");

    private DossierContributions() {}

    /**
     * @param d the dossier
     * @param p its procedure (needed for the legal time when {@code dueAt} is absent, and for {@code paperResult})
     * @param period the period P = [ps, pe)
     * @param te the evaluation instant, {@code min(pe, now)}; facts dated after it do not exist yet
     */
    public static Contributions contributionsOf(DossierFacts d, ProcedureFacts p, Period period, Instant te, WorkingDayCalendar calendar) {
        return contributionsOf(d, p, period, te, calendar, null);
    }

    /**
     * @param petitionReceivedAt the receipt of the earliest PAKN naming the dossier, if any: a dossier named by a PAKN
     *        received by {@code te} fails DOSSIER_SATISFACTION
     */
    public static Contributions contributionsOf(DossierFacts d, ProcedureFacts p, Period period, Instant te, WorkingDayCalendar calendar,
            Instant petitionReceivedAt) {
        if (d.withdrawn() || d.receivedAt() == null || d.receivedAt().isAfter(te)) return Contributions.NONE;
        Instant ps = period.start();
        Instant pe = period.end();
        boolean finished = DossierTiming.finishedBy(d, te);
        boolean inR = period.contains(d.receivedAt());
        boolean inA = d.receivedAt().isBefore(pe) && !(finished && d.finishedAt().isBefore(ps));
        boolean finishedInP = finished && period.contains(d.finishedAt());
        boolean paperResult = p != null && p.paperResult();

        Map<String, Counts> m = new HashMap<>();
        if (inA) {
            DossierTiming.Verdict v = DossierTiming.verdict(d, p, te, calendar);
            boolean onTime = v != DossierTiming.Verdict.OVERDUE;
            m.put(ON_TIME_PROCESSING, Counts.of(onTime));
            m.put(EARLY_PROCESSING, Counts.of(v == DossierTiming.Verdict.EARLY));
            m.put(DOSSIER_SATISFACTION, Counts.of(onTime && !"DISSATISFIED".equals(d.rating()) && !by(petitionReceivedAt, te)));
        }
        if (inR) {
            m.put(DOSSIER_SYNC, Counts.of(by(d.syncedAt(), te)));
            m.put(ONLINE_DOSSIER_RATE, Counts.of("ONLINE".equals(d.channel())));
            if (d.feeAmount() != null && d.feeAmount().signum() > 0) {
                m.put(ONLINE_PAYMENT_DOSSIER, Counts.of(by(d.paidOnlineAt(), te)));
            }
            m.put(DIGITIZATION, Counts.of(d.inputsDigitized() && (!paperResult || d.eResult())));
            m.put(DATA_REUSE, Counts.of(d.reusedData()));
            m.put(PERSONAL_STORAGE, Counts.of(d.personalStoreLinked()));
            m.put(CITIZEN_DATA_DOSSIER, Counts.of(d.populationDataUsed()));
        }
        if (finishedInP) {
            if (paperResult && RESULT_KINDS.contains(d.finishKind())) m.put(E_RESULT, Counts.of(d.eResult()));
            Duration spent = Duration.between(d.receivedAt(), d.finishedAt()).minus(DossierTiming.waiting(d, te));
            m.put(AVG_PROCESSING_TIME, new Counts(Math.max(0, spent.getSeconds()), 1));
        }
        return new Contributions(m);
    }

    /**
     * The usage indicators' items the dossier qualifies for in the period at {@code te} (each names its procedure): an
     * ONLINE dossier in R(P) for ONLINE_SERVICE_USAGE, a dossier in R(P) using population data for
     * CITIZEN_DATA_FORMALITY, a dossier paid online in P (by te) for PAYMENT_USAGE.
     */
    public static java.util.Set<String> usageOf(DossierFacts d, Period period, Instant te) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        if (d.withdrawn() || d.receivedAt() == null || d.receivedAt().isAfter(te)) return out;
        if (period.contains(d.receivedAt())) {
            if ("ONLINE".equals(d.channel())) out.add(ONLINE_SERVICE_USAGE);
            if (d.populationDataUsed()) out.add(CITIZEN_DATA_FORMALITY);
        }
        if (by(d.paidOnlineAt(), te) && period.contains(d.paidOnlineAt())) out.add(PAYMENT_USAGE);
        return out;
    }

    /** The periods in which {@link #usageOf} can be non-empty at {@code now}: those of the receipt and of the payment. */
    public static java.util.Set<Period> usagePeriods(DossierFacts d, Instant now) {
        java.util.Set<Period> out = new java.util.TreeSet<>();
        if (d.withdrawn() || d.receivedAt() == null || d.receivedAt().isAfter(now)) return out;
        out.addAll(Period.standardPeriodsOverlapping(d.receivedAt(), d.receivedAt().plusNanos(1)));
        if (by(d.paidOnlineAt(), now)) out.addAll(Period.standardPeriodsOverlapping(d.paidOnlineAt(), d.paidOnlineAt().plusNanos(1)));
        return out;
    }

    private static boolean by(Instant t, Instant te) {
        return t != null && !t.isAfter(te);
    }
}
