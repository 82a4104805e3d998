package dvc766.datagen;

import dvc766.common.calendar.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * PAKN (phản ánh, kiến nghị) over the history window, about one in a hundred dossiers, spread over units like the
 * dossiers. Realistic shares: some first reach the province and are transferred, some need more information, a few are
 * refused or withdrawn, about one answer in five is late and some answers are published late; a share of the answers
 * is rated, more often DISSATISFIED when late. Everything after {@code now} has not happened yet.
 */
final class ComplaintGenerator {

    static final double TRANSFERRED = 0.15;
    static final double INFO_REQUESTED = 0.10;
    static final double REFUSED = 0.06;
    static final double WITHDRAWN = 0.02;
    static final double LATE_ANSWER = 0.2;
    static final double LATE_PUBLISHING = 0.12;
    static final double RATED = 0.5;

    private ComplaintGenerator() {}

    static long count(DemoParams p) {
        return Math.max(10, (long) p.dossiersPerMonth() * p.months() / 100);
    }

    static List<Complaint> generate(DemoStructure s) {
        DemoParams p = s.params();
        WorkingDayCalendar cal = DossierGenerator.CALENDAR;
        OfficeHours hours = new OfficeHours(cal);
        Instant now = p.now().toInstant();
        LocalDate today = p.now().toLocalDate();
        int windowDays = Math.max(1, (int) (today.toEpochDay() - today.minusMonths(p.months()).toEpochDay()));
        double total = s.cumulative[s.cumulative.length - 1];
        long n = count(p);
        List<Complaint> out = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) {
            SplittableRandom rng = Rand.forItem(p.seed() ^ 0x5A4B4EL, i);
            int pair = Arrays.binarySearch(s.cumulative, rng.nextDouble() * total);
            pair = Math.min(pair < 0 ? -pair - 1 : pair, s.cumulative.length - 1);
            String unit = s.pairUnit[pair].code();
            boolean aboutProcedures = Rand.chance(rng, 0.7);
            String procedure = aboutProcedures && Rand.chance(rng, 0.6) ? s.pairProcedure[pair].code() : null;
            double c = rng.nextDouble();
            String channel = c < 0.4 ? "NATIONAL_PAKN" : c < 0.75 ? "PROVINCIAL_PORTAL" : c < 0.95 ? "HOTLINE" : "OTHER";

            LocalDate day = today.minusDays(rng.nextInt(windowDays));
            while (!cal.isWorkingDay(day)) day = day.minusDays(1);
            Instant received = hours.randomOn(day, rng);
            if (received.isAfter(now)) received = now.minusSeconds(3600 + rng.nextInt(3600));

            // the competent unit's clock starts at receipt, or at the transfer from the province
            Instant start = received;
            List<Complaint.Transfer> transfers = new ArrayList<>();
            if (!unit.equals("38") && Rand.chance(rng, TRANSFERRED)) {
                Instant at = later(received, 1 + rng.nextInt(2), cal, hours, rng);
                if (!at.isAfter(now)) {
                    transfers.add(new Complaint.Transfer(local(at), "38", unit));
                    start = at;
                }
            }
            List<Complaint.InfoRequest> infoRequests = new ArrayList<>();
            Instant clock = start;
            boolean waiting = false;
            if (Rand.chance(rng, INFO_REQUESTED)) {
                Instant asked = later(start, Rand.chance(rng, 0.2) ? 6 + rng.nextInt(4) : 1 + rng.nextInt(5), cal, hours, rng);
                if (!asked.isAfter(now)) {
                    Instant back = Rand.chance(rng, 0.85) ? hours.forward(asked.plusSeconds(3600L * (2 + rng.nextInt(160)))) : null;
                    if (back != null && back.isAfter(now)) back = null;
                    infoRequests.add(new Complaint.InfoRequest(local(asked), local(back)));
                    if (back == null) waiting = true;
                    else clock = back;
                }
            }
            Instant refused = null;
            Instant answered = null;
            Instant published = null;
            Instant withdrawn = null;
            String rating = null;
            boolean raisedAgain = false;
            double outcome = rng.nextDouble();
            if (outcome < WITHDRAWN) {
                withdrawn = cut(later(start, 1 + rng.nextInt(10), cal, hours, rng), now);
            } else if (outcome < WITHDRAWN + REFUSED) {
                refused = cut(later(start, Rand.chance(rng, 0.3) ? 3 + rng.nextInt(4) : 1 + rng.nextInt(2), cal, hours, rng), now);
            } else if (!waiting) {
                boolean late = Rand.chance(rng, LATE_ANSWER);
                answered = cut(later(clock, late ? 16 + rng.nextInt(15) : 3 + rng.nextInt(13), cal, hours, rng), now);
                if (answered != null) {
                    published = cut(Rand.chance(rng, LATE_PUBLISHING) ? later(answered, 3 + rng.nextInt(6), cal, hours, rng)
                            : hours.forward(answered.plusSeconds(3600L * (1 + rng.nextInt(40)))), now);
                    if (published != null && Rand.chance(rng, RATED)) {
                        rating = Rand.chance(rng, late ? 0.5 : 0.15) ? "DISSATISFIED" : "SATISFIED";
                        raisedAgain = Rand.chance(rng, "DISSATISFIED".equals(rating) ? 0.3 : 0.02);
                    }
                }
            }
            Instant updated = received;
            for (Instant t : new Instant[] {start, clock, refused, answered, published, withdrawn}) {
                if (t != null && t.isAfter(updated)) updated = t;
            }
            for (Complaint.InfoRequest r : infoRequests) {
                if (r.requestedAt().toInstant().isAfter(updated)) updated = r.requestedAt().toInstant();
            }
            out.add(new Complaint(String.format("PAKN-%06d", i), channel, unit,
                    aboutProcedures ? "TTHC_REGULATION" : "OFFICIAL_CONDUCT", procedure, null, local(received),
                    transfers, infoRequests, local(refused), local(answered), local(published), local(withdrawn), rating,
                    raisedAgain, local(updated)));
        }
        return List.copyOf(out);
    }

    /** An office instant on the {@code k}-th working day after {@code t}'s date. */
    private static Instant later(Instant t, int k, WorkingDayCalendar cal, OfficeHours hours, SplittableRandom rng) {
        LocalDate d = t.atZone(DemoParams.ZONE).toLocalDate();
        Instant at = hours.randomOn(cal.workingDayAfter(d, k), rng);
        return at.isAfter(t) ? at : t.plusSeconds(60);
    }

    private static Instant cut(Instant t, Instant now) {
        return t.isAfter(now) ? null : t;
    }

    private static OffsetDateTime local(Instant t) {
        return t == null ? null : t.atZone(DemoParams.ZONE).toOffsetDateTime();
    }
}
