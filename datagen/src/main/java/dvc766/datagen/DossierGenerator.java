package dvc766.datagen;

import dvc766.common.calendar.WorkingDayCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Generates the dossiers of a {@link DemoStructure}: {@code months} slices of one month each, counted back from
 * {@code now}, each with {@code dossiersPerMonth} dossiers and its own random stream. Each dossier lives a plausible
 * life (received in office hours, maybe asked to supplement, processed early, on time or late per its unit's
 * profile) and is cut at {@code now}: what would happen later has not happened yet, so recent dossiers are
 * unfinished. The newest slice also holds a few dossiers that fall due within the next three hours, so that live
 * overdue transitions happen during a demo.
 */
final class DossierGenerator {

    /** Vietnam's official calendar (holidays, compensating days off, make-up Saturdays), as the services use. */
    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.vietnam();
    static final Duration LIVE_WINDOW = Duration.ofHours(3);

    private final DemoStructure s;
    private final DemoParams params;
    private final Instant now;
    private final OfficeHours office = new OfficeHours(CALENDAR);
    private final List<Integer> hourPairs;

    DossierGenerator(DemoStructure s) {
        this.s = s;
        this.params = s.params();
        this.now = params.now().toInstant();
        this.hourPairs = s.hourPairs();
    }

    /** How many dossiers of the newest slice fall due during the next {@link #LIVE_WINDOW}. */
    static int liveCount(DemoParams p) {
        if (p.dossiersPerMonth() == 0) return 0;
        return Math.min(p.dossiersPerMonth(), Math.max(3, Math.min(50, p.dossiersPerMonth() / 300)));
    }

    Stream<Dossier> stream() {
        if (s.cumulative.length == 0 || params.dossiersPerMonth() == 0) return Stream.empty();
        Iterator<Dossier> it = new Iterator<>() {
            int slice = -1;
            int index;
            int live;
            Instant start;
            Instant end;
            List<LocalDate> days;

            @Override
            public boolean hasNext() {
                return slice < params.months() - 1 || index < params.dossiersPerMonth();
            }

            @Override
            public Dossier next() {
                if (!hasNext()) throw new NoSuchElementException();
                if (slice < 0 || index >= params.dossiersPerMonth()) openSlice(slice + 1);
                long seq = (long) slice * params.dossiersPerMonth() + index;
                boolean newest = slice == params.months() - 1;
                int liveFrom = params.dossiersPerMonth() - (hourPairs.isEmpty() ? 0 : live);
                // each dossier has its own stream, its pair drawn first: dossier n keeps its code (unit + n) when the
                // province is generated again at another "now", so reloading updates dossiers instead of adding some
                SplittableRandom rng = Rand.forItem(params.seed(), seq);
                Dossier d;
                if (newest && index >= liveFrom) {
                    d = liveDossier(seq, hourPairs.get(rng.nextInt(hourPairs.size())), index - liveFrom, live, rng);
                } else {
                    int pair = s.drawPair(rng);
                    d = dossier(seq, pair, receivedAt(rng), rng);
                }
                index++;
                return d;
            }

            private void openSlice(int k) {
                slice = k;
                index = 0;
                OffsetDateTime n = params.now();
                start = n.minusMonths(params.months() - k).toInstant();
                end = n.minusMonths(params.months() - k - 1L).toInstant();
                live = k == params.months() - 1 ? liveCount(params) : 0;
                days = new ArrayList<>();
                LocalDate last = end.atZone(DemoParams.ZONE).toLocalDate();
                for (LocalDate d = start.atZone(DemoParams.ZONE).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
                    if (office.isWorkingDay(d)) days.add(d);
                }
            }

            private Instant receivedAt(SplittableRandom r) {
                Instant t = start;
                for (int i = 0; i < 50 && !days.isEmpty(); i++) {
                    // a position in the window, not an index drawn with the window's size as bound: generated at
                    // a later "now", the dossier then keeps its place in the window and just moves later
                    t = office.randomOn(days.get((int) (r.nextDouble() * days.size())), r);
                    if (!t.isBefore(start) && t.isBefore(end)) return t;
                }
                return start; // only for a slice without office time, which a month always has
            }
        };
        return StreamSupport.stream(Spliterators.spliterator(it, params.totalDossiers(),
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.SIZED), false);
    }

    /** One dossier received at {@code r} for pair {@code pair}, as it stands at {@code now}. */
    private Dossier dossier(long seq, int pair, Instant r, SplittableRandom rng) {
        Unit unit = s.pairUnit[pair];
        Procedure p = s.pairProcedure[pair];
        ProcedureCatalog.Template t = s.pairTemplate[pair];
        UnitProfile prof = s.profiles().get(unit.code());

        Channel channel = channel(p, prof, rng);
        Instant due = CALENDAR.add(r, t.amount(), t.unit());
        Duration budget = Duration.between(r, due);

        // a few applicants withdraw early on
        if (Rand.chance(rng, 0.01)) {
            Instant w = office.forward(Rand.plusFraction(r, budget, Rand.uniform(rng, 0.05, 0.5)));
            if (!w.isAfter(now)) {
                return assemble(seq, unit, p, t, prof, channel, r, due, List.of(), w, FinishKind.WITHDRAWN, rng);
            }
        }

        boolean refuse = Rand.chance(rng, 0.03);
        boolean onTime = refuse || Rand.chance(rng, prof.onTime());
        double active; // processing time as a fraction of the legal time, waiting for the applicant excluded
        if (refuse) active = Rand.uniform(rng, 0.1, 0.5);
        else if (onTime && Rand.chance(rng, prof.early())) active = Rand.uniform(rng, 0.15, 0.6);
        else if (onTime) active = Rand.uniform(rng, 0.6, 0.97);
        else active = Rand.uniform(rng, 1.03, 1.6);
        long activeLeft = (long) (budget.getSeconds() * active);
        if (!onTime) activeLeft += rng.nextLong(24 * 3600L); // late by up to one more day

        // requests to supplement happen during processing; the applicant's waiting time comes on top
        List<Instant[]> supplements = new ArrayList<>();
        Instant cursor = r;
        if (!refuse && Rand.chance(rng, prof.supplementRate())) {
            int requests = Rand.chance(rng, 0.12) ? 2 : 1;
            for (int i = 0; i < requests; i++) {
                long step = (long) (activeLeft * Rand.uniform(rng, 0.15, 0.5));
                Instant req = office.forward(cursor.plusSeconds(step));
                activeLeft = Math.max(0, activeLeft - Duration.between(cursor, req).getSeconds());
                Instant ret = Rand.plus(rng, req, Duration.ofHours(2), Duration.ofDays(i == 0 ? 6 : 4));
                supplements.add(new Instant[] {req, ret});
                cursor = ret;
            }
        }
        Instant finish = cursor.plusSeconds(Math.max(activeLeft, 1800));
        Instant floor = cursor.plusSeconds(600);
        finish = onTime ? office.backward(finish, floor) : office.forward(finish);

        FinishKind kind = null;
        if (!finish.isAfter(now)) {
            if (refuse) kind = FinishKind.REFUSED;
            else {
                boolean old = Duration.between(finish, now).toDays() >= 2;
                kind = Rand.chance(rng, old ? 0.9 : 0.5) ? FinishKind.RESULT_RETURNED : FinishKind.PROCESSED;
            }
        }
        // 2% of agency systems send no appointment date: the deadline then follows from the legal time
        Instant dueAt = Rand.chance(rng, 0.02) ? null : due;
        return assemble(seq, unit, p, t, prof, channel, r, dueAt, supplements, kind == null ? null : finish, kind,
                rng);
    }

    /**
     * The {@code j}-th of {@code n} dossiers that fall due between 2 minutes and 3 hours from now, still being
     * processed: a procedure with a legal time in hours, received that many hours before its due time.
     */
    private Dossier liveDossier(long seq, int pair, int j, int n, SplittableRandom rng) {
        long spanMinutes = LIVE_WINDOW.toMinutes() - 2;
        long offset = 120 + (n > 1 ? j * spanMinutes * 60 / (n - 1) : 0) + rng.nextInt(50);
        Instant due = now.plusSeconds(Math.min(offset, LIVE_WINDOW.getSeconds() - 1));
        ProcedureCatalog.Template t = s.pairTemplate[pair];
        Instant r = due.minus(t.amount(), ChronoUnit.HOURS);
        Unit unit = s.pairUnit[pair];
        UnitProfile prof = s.profiles().get(unit.code());
        Procedure p = s.pairProcedure[pair];
        // outside office hours it can only have come in online, as applicants submit online at any hour
        Channel channel = office.isOpen(r) || p.onlineLevel() == OnlineLevel.NONE ? channel(p, prof, rng) : Channel.ONLINE;
        return assemble(seq, unit, p, t, prof, channel, r, due, List.of(), null, null, rng);
    }

    private static Channel channel(Procedure p, UnitProfile prof, SplittableRandom rng) {
        double online = switch (p.onlineLevel()) {
            case FULL -> Math.min(0.97, prof.onlineShare() * 1.15);
            case PARTIAL -> prof.onlineShare() * 0.7;
            case NONE -> 0;
        };
        if (Rand.chance(rng, online)) return Channel.ONLINE;
        return Rand.chance(rng, 0.06) ? Channel.POSTAL : Channel.DIRECT;
    }

    /**
     * The dossier's state at {@code now}, from its life: {@code finishedAt}/{@code kind} are set only if it finished
     * by now; supplements after now are dropped, a return after now is not yet there.
     */
    private Dossier assemble(long seq, Unit unit, Procedure p, ProcedureCatalog.Template t, UnitProfile prof,
                             Channel channel, Instant r, Instant dueAt, List<Instant[]> supplementTimes,
                             Instant finishedAt, FinishKind kind, SplittableRandom rng) {
        boolean online = channel == Channel.ONLINE;
        Instant last = r;

        List<Dossier.Supplement> supplements = new ArrayList<>();
        for (Instant[] st : supplementTimes) {
            if (st[0].isAfter(now)) break;
            Instant ret = st[1].isAfter(now) ? null : st[1];
            supplements.add(new Dossier.Supplement(odt(st[0]), odt(ret)));
            last = max(last, ret == null ? st[0] : ret);
        }
        boolean awaiting = !supplements.isEmpty() && supplements.get(supplements.size() - 1).returnedAt() == null;

        DossierStatus status;
        if (kind != null) {
            status = DossierStatus.valueOf(kind.name());
            last = max(last, finishedAt);
        } else if (awaiting) {
            status = DossierStatus.AWAITING_SUPPLEMENT;
        } else if (Duration.between(r, now).toHours() < 2) {
            status = DossierStatus.RECEIVED;
        } else {
            status = DossierStatus.IN_PROGRESS;
            // the last handling step (assignment, review) somewhere between the last event and now
            last = max(last, Rand.plusFraction(last, Duration.between(last, now), rng.nextDouble() * 0.5));
        }

        Instant synced = null;
        if (Rand.chance(rng, prof.syncRate())) {
            synced = Rand.chance(rng, 0.9) ? Rand.plus(rng, r, Duration.ofMinutes(1), Duration.ofHours(4))
                    : Rand.plus(rng, r, Duration.ofDays(1), Duration.ofDays(10));
            if (synced.isAfter(now)) synced = null;
        }
        long fee = t.fee() > 0 && !Rand.chance(rng, 0.07) ? t.fee() : 0; // some applicants are exempt
        Instant paid = null;
        if (fee > 0 && p.paymentIntegrated() && Rand.chance(rng, online ? prof.payOnline() : prof.payOnline() * 0.1)) {
            paid = Rand.plus(rng, r, Duration.ofMinutes(1), Duration.ofHours(2));
            if (paid.isAfter(now)) paid = null;
        }
        boolean digitized = Rand.chance(rng, online ? Math.min(0.99, prof.digitization() + 0.15) : prof.digitization());
        boolean processed = kind == FinishKind.PROCESSED || kind == FinishKind.RESULT_RETURNED;
        boolean eResult = processed && Rand.chance(rng, prof.eResult());
        boolean reused = Rand.chance(rng, prof.reuse() * (online ? 1.1 : 0.8));
        boolean personal = Rand.chance(rng, online ? prof.personalStore() : prof.personalStore() * 0.15);
        boolean citizen = p.applicantTypes().contains(ApplicantType.CITIZEN);
        boolean population = citizen && Rand.chance(rng, Math.min(0.99, prof.populationData() * (online ? 1.15 : 0.6)));

        Rating rating = null;
        if (kind != null && kind != FinishKind.WITHDRAWN && Rand.chance(rng, 0.35)) {
            Instant ratedAt = Rand.plus(rng, finishedAt, Duration.ofMinutes(10), Duration.ofDays(3));
            if (!ratedAt.isAfter(now)) {
                boolean late = dueAt != null && finishedAt.isAfter(dueAt.plus(waiting(supplementTimes)))
                        || supplementTimes.size() > 1;
                double dis = late ? 0.3 : prof.dissatisfied();
                double u = rng.nextDouble();
                rating = u < dis ? Rating.DISSATISFIED : u < dis + 0.12 ? Rating.NEUTRAL : Rating.SATISFIED;
                last = max(last, ratedAt);
            }
        }
        last = max(last, synced);
        last = max(last, paid);
        if (last.isAfter(now)) last = now;

        String code = unit.code() + "-" + String.format("%06d", seq);
        return new Dossier(code, p.code(), unit.code(), channel, odt(r), odt(dueAt), status, odt(finishedAt), kind,
                supplements, odt(synced), eResult, digitized, reused, personal, population, fee, odt(paid), rating,
                odt(last));
    }

    private static Duration waiting(List<Instant[]> supplements) {
        Duration d = Duration.ZERO;
        for (Instant[] s : supplements) d = d.plus(Duration.between(s[0], s[1]));
        return d;
    }

    private static Instant max(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    /** Whole seconds at +07:00; flooring keeps every "not after" relation between the times. */
    private static OffsetDateTime odt(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).atZone(DemoParams.ZONE).toOffsetDateTime();
    }
}
