package dvc766.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dvc766.common.calendar.LegalTimeUnit;
import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.common.period.Period;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The real-time design rests on one property: what a dossier contributes, over all the periods it counts in, cannot
 * change between an evaluation at {@code t} and its next check {@code nextCheckAt(t)} (the scheduler re-evaluates it
 * then), and never changes again once there is no next check. Checked on many random dossiers and instants.
 */
class TimeDrivenChangesTest {

    static final WorkingDayCalendar CAL = WorkingDayCalendar.weekendsOnly();
    static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    static final long SPAN = Duration.ofDays(500).getSeconds();

    /** Everything the dossier contributes at {@code now}, by period key and indicator. */
    static Map<String, Counts> all(DossierFacts d, ProcedureFacts p, Instant now) {
        Map<String, Counts> out = new TreeMap<>();
        for (Period period : DossierTiming.periodsOf(d, now)) {
            Instant te = period.end().isBefore(now) ? period.end() : now;
            DossierContributions.contributionsOf(d, p, period, te, CAL).byIndicator().forEach((k, v) -> out.put(period.key() + " " + k, v));
        }
        return out;
    }

    @Test
    void contributionsChangeOnlyAtTheNextCheck() {
        long seed = System.nanoTime();
        Random rnd = new Random(seed);
        int checked = 0;
        for (int n = 0; n < 3000; n++) {
            DossierFacts d = randomDossier(rnd);
            ProcedureFacts p = randomProcedure(rnd);
            Instant t = FROM.plusSeconds((long) (rnd.nextDouble() * SPAN));
            Map<String, Counts> at = all(d, p, t);
            Instant next = DossierTiming.nextCheckAt(d, p, t, CAL);
            List<Instant> probes = new ArrayList<>();
            if (next == null) {
                probes.add(t.plus(Duration.ofDays(1 + rnd.nextInt(800))));
            } else {
                assertThat(next).as("seed %d: next check after now", seed).isAfter(t);
                probes.add(t.plusNanos((long) (rnd.nextDouble() * Duration.between(t, next).toNanos())));
                probes.add(next.minusNanos(1000));
            }
            for (Instant later : probes) {
                if (!later.isAfter(t)) continue;
                assertThat(all(d, p, later)).as("seed %d, dossier %s, evaluated at %s then %s (next check %s)", seed, d, t, later, next)
                        .isEqualTo(at);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(3000);
    }

    @Test
    void aNewMonthQuarterAndYearTakeInTheDossiersStillOpen() {
        DossierFacts open = D.received("2025-12-10T09:00+07:00").build();
        ProcedureFacts p = new ProcedureFacts("P", new ProcedureFacts.LegalTime(5, LegalTimeUnit.WORKING_DAYS), false);
        Instant lastEvening = D.t("2025-12-31T23:00+07:00");
        Instant next = DossierTiming.nextCheckAt(open, p, lastEvening, CAL);
        assertThat(next).isEqualTo(D.t("2026-01-01T00:00+07:00"));
        assertThat(all(open, p, lastEvening).keySet()).noneMatch(k -> k.startsWith("2026"));
        Map<String, Counts> after = all(open, p, next);
        assertThat(after).containsEntry("2026-01 ON_TIME_PROCESSING", new Counts(0, 1))
                .containsEntry("2026-Q1 ON_TIME_PROCESSING", new Counts(0, 1))
                .containsEntry("2026 ON_TIME_PROCESSING", new Counts(0, 1))
                .doesNotContainKey("2026-01 DOSSIER_SYNC");
    }

    static ProcedureFacts randomProcedure(Random rnd) {
        LegalTimeUnit unit = LegalTimeUnit.values()[rnd.nextInt(LegalTimeUnit.values().length)];
        int amount = switch (unit) {
            case HOURS -> 1 + rnd.nextInt(200);
            case DAYS, WORKING_DAYS -> 1 + rnd.nextInt(30);
            case MONTHS -> 1 + rnd.nextInt(3);
        };
        return new ProcedureFacts("P", rnd.nextInt(20) == 0 ? null : new ProcedureFacts.LegalTime(amount, unit), rnd.nextBoolean());
    }

    static Instant around(Random rnd, Instant base, int maxDays) {
        return base.plusSeconds((long) (rnd.nextDouble() * maxDays * 86400));
    }

    static DossierFacts randomDossier(Random rnd) {
        Instant received = FROM.plusSeconds((long) (rnd.nextDouble() * SPAN));
        Instant due = rnd.nextInt(3) == 0 ? around(rnd, received, 25) : null;
        List<DossierFacts.Supplement> supplements = new ArrayList<>();
        Instant cursor = received;
        int count = rnd.nextInt(10) < 5 ? 0 : rnd.nextInt(10) < 7 ? 1 : 2;
        for (int i = 0; i < count; i++) {
            Instant requested = around(rnd, cursor, 10);
            Instant returned = rnd.nextInt(3) == 0 ? null : around(rnd, requested, 10);
            supplements.add(new DossierFacts.Supplement(requested, returned));
            if (returned == null) break;
            cursor = returned;
        }
        Instant finished = rnd.nextInt(10) < 7 ? around(rnd, received, 60) : null;
        String kind = finished == null ? null : new String[] {"PROCESSED", "RESULT_RETURNED", "REFUSED", "STOPPED", "WITHDRAWN"}[rnd.nextInt(5)];
        return new DossierFacts("HS", "P", "U", rnd.nextBoolean() ? "ONLINE" : "DIRECT", received, due,
                finished == null ? "IN_PROGRESS" : kind, finished, kind, supplements,
                rnd.nextBoolean() ? around(rnd, received, 5) : null, rnd.nextBoolean(), rnd.nextBoolean(), rnd.nextBoolean(),
                rnd.nextBoolean(), rnd.nextBoolean(), rnd.nextBoolean() ? BigDecimal.valueOf(10_000) : BigDecimal.ZERO,
                rnd.nextBoolean() ? around(rnd, received, 5) : null, rnd.nextInt(4) == 0 ? "DISSATISFIED" : "SATISFIED");
    }
}
