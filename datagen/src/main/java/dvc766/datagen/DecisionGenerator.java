package dvc766.datagen;

import dvc766.common.calendar.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Publishing decisions (QĐCB) over the history window: each department issues decisions for its own procedures, the
 * province ({@code 38}, Chủ tịch UBND tỉnh) for the district and commune procedures. A realistic share is late: signed
 * fewer than 5 working days before the legal document takes effect (some even after), or made public in the national
 * database more than 5 working days after signing (PUBLISH_ON_TIME, PUBLIC_UPDATE_ON_TIME).
 */
final class DecisionGenerator {

    /** Share of decisions signed late (fewer than 5 working days before the legal effect). */
    static final double LATE_SIGNING = 0.2;
    /** Share of procedures made public late (more than 5 working days after signing). */
    static final double LATE_PUBLIC = 0.15;

    private DecisionGenerator() {}

    static List<PublishingDecision> generate(DemoStructure s) {
        DemoParams p = s.params();
        WorkingDayCalendar cal = DossierGenerator.CALENDAR;
        OfficeHours hours = new OfficeHours(cal);
        SplittableRandom rng = Rand.stream(p.seed(), 40);
        Instant now = p.now().toInstant();
        LocalDate today = p.now().toLocalDate();
        int windowDays = Math.max(1, (int) (today.toEpochDay() - today.minusMonths(p.months()).toEpochDay()));

        Map<String, List<String>> byIssuer = new TreeMap<>();
        for (Procedure pr : s.procedures()) {
            String scope = s.template(pr.code()).scope();
            String issuer = scope.startsWith("38.") ? scope : "38";
            byIssuer.computeIfAbsent(issuer, k -> new ArrayList<>()).add(pr.code());
        }
        List<PublishingDecision> out = new ArrayList<>();
        int perIssuer = 1 + Math.max(1, p.months() / 3);
        for (Map.Entry<String, List<String>> e : byIssuer.entrySet()) {
            String unit = e.getKey();
            String suffix = unit.equals("38") ? "UBND" : unit.substring(3);
            int decisions = unit.equals("38") ? perIssuer * 3 : perIssuer;
            for (int i = 0; i < decisions; i++) {
                LocalDate signedOn = today.minusDays(rng.nextInt(windowDays));
                while (!cal.isWorkingDay(signedOn)) signedOn = signedOn.minusDays(1);
                LocalDate effective;
                if (Rand.chance(rng, LATE_SIGNING)) {
                    // late: fewer than 5 working days ahead, a third of them after the document already took effect
                    effective = Rand.chance(rng, 1.0 / 3) ? signedOn.minusDays(1 + rng.nextInt(20))
                            : cal.workingDayAfter(signedOn, rng.nextInt(5));
                } else {
                    effective = cal.workingDayAfter(signedOn, 6 + rng.nextInt(30));
                }
                List<String> codes = new ArrayList<>(e.getValue());
                Collections.shuffle(codes, new java.util.Random(rng.nextLong()));
                int n = 1 + rng.nextInt(Math.min(4, codes.size()));
                List<PublishingDecision.Entry> entries = new ArrayList<>();
                Instant last = hours.randomOn(signedOn, rng);
                if (last.isAfter(now)) last = now;
                for (String code : codes.subList(0, n)) {
                    double a = rng.nextDouble();
                    String action = a < 0.25 ? "NEW" : a < 0.92 ? "AMENDED" : "ABOLISHED";
                    int k = Rand.chance(rng, LATE_PUBLIC) ? 6 + rng.nextInt(15) : 1 + rng.nextInt(5);
                    Instant madePublic = hours.randomOn(cal.workingDayAfter(signedOn, k), rng);
                    if (madePublic.isAfter(now)) madePublic = null; // not yet: it happens after the demo's now
                    else if (madePublic.isAfter(last)) last = madePublic;
                    entries.add(new PublishingDecision.Entry(code, action, local(madePublic)));
                }
                out.add(new PublishingDecision(unit, (101 + i) + "/QĐ-" + suffix, signedOn, effective, entries,
                        local(last)));
            }
        }
        return List.copyOf(out);
    }

    private static OffsetDateTime local(Instant t) {
        return t == null ? null : t.atZone(DemoParams.ZONE).toOffsetDateTime();
    }
}
