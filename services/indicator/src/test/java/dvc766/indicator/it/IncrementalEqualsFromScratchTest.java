package dvc766.indicator.it;

import static dvc766.indicator.it.Feed.dossier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.common.period.Period;
import dvc766.contracts.events.PublishingDecisionData;
import dvc766.indicator.domain.Counts;
import dvc766.indicator.domain.DecisionContributions;
import dvc766.indicator.domain.DecisionDeadlines;
import dvc766.indicator.domain.DecisionFacts;
import dvc766.indicator.domain.DeadlineProfile;
import dvc766.indicator.config.RuleSetCatalog;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dvc766.indicator.domain.DossierContributions;
import dvc766.indicator.domain.PetitionDeadlines;
import dvc766.indicator.domain.PetitionFacts;
import dvc766.indicator.domain.PetitionTiming;
import dvc766.indicator.domain.ProcedureCatalog;
import dvc766.indicator.store.CatalogStore;
import dvc766.indicator.store.DecisionStore;
import dvc766.indicator.store.PetitionStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.LocalDate;
import dvc766.indicator.domain.DossierFacts;
import dvc766.indicator.domain.DossierTiming;
import dvc766.indicator.domain.FromScratch;
import dvc766.indicator.domain.ProcedureFacts;
import dvc766.indicator.messaging.DueCheckScheduler;
import dvc766.indicator.store.CounterKey;
import dvc766.indicator.store.CounterStore;
import dvc766.indicator.store.FactStore;
import dvc766.indicator.store.UnitStore;
import dvc766.indicator.store.UnitEdges;
import dvc766.indicator.domain.UnitTree;
import dvc766.indicator.messaging.IndicatorEngine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The incremental counters, built event by event in whatever order Kafka delivers (duplicates, older states after
 * newer ones, dossiers before their procedure, a subtree moving to another parent, moves dated in the past and in the
 * future, a district abolished), must equal a recomputation from the stored facts alone with the same contribution
 * function, each period pooled under the tree as it stood on its day.
 */
@QuarkusTest
class IncrementalEqualsFromScratchTest {

    static final String[] KINDS = {"PROCESSED", "RESULT_RETURNED", "REFUSED", "STOPPED", "WITHDRAWN"};

    @Inject
    FactStore facts;
    @Inject
    UnitStore units;
    @Inject
    CounterStore counters;
    @Inject
    WorkingDayCalendar calendar;
    @Inject
    DueCheckScheduler checks;
    @Inject
    DataSource ds;
    @Inject
    PetitionStore petitions;
    @Inject
    DecisionStore decisions;
    @Inject
    CatalogStore catalog;
    @Inject
    RuleSetCatalog ruleSets;
    @Inject
    UnitEdges edges;
    @Inject
    IndicatorEngine engine;

    final Map<String, FromScratch.UnitFacts> levels = new HashMap<>();

    @Test
    void countersEqualARecomputationFromTheFactsWhateverTheOrderOfEvents() throws Exception {
        long seed = System.nanoTime();
        Random rnd = new Random(seed);
        String x = Feed.prefix();
        String h1 = x + ".H1", h2 = x + ".H2", s1 = x + ".S1", c11 = h1 + ".X1", c12 = h1 + ".X2", c21 = h2 + ".X1";
        List<String> unitCodes = List.of(x, s1, h1, h2, c11, c12, c21);
        List<Feed.Sent> tree = List.of(Feed.unit(x, "PROVINCE", null, 1), Feed.unit(s1, "DEPARTMENT", x, 1), Feed.unit(h1, "DISTRICT", x, 1),
                Feed.unit(h2, "DISTRICT", x, 1), Feed.unit(c11, "COMMUNE", h1, 1, LocalDate.of(2024, 6, 1)), Feed.unit(c12, "COMMUNE", h1, 1),
                Feed.unit(c21, "COMMUNE", h2, 1, LocalDate.of(2025, 2, 1)));
        levels.clear();
        levels.put(x, new FromScratch.UnitFacts("PROVINCE", null));
        levels.put(s1, new FromScratch.UnitFacts("DEPARTMENT", null));
        levels.put(h1, new FromScratch.UnitFacts("DISTRICT", null));
        levels.put(h2, new FromScratch.UnitFacts("DISTRICT", null));
        levels.put(c11, new FromScratch.UnitFacts("COMMUNE", LocalDate.of(2024, 6, 1)));
        levels.put(c12, new FromScratch.UnitFacts("COMMUNE", null));
        levels.put(c21, new FromScratch.UnitFacts("COMMUNE", LocalDate.of(2025, 2, 1)));
        String[] procedures = {x + "-P1", x + "-P2", x + "-P3", x + "-P4", x + "-P5"};
        Feed.Sent late = Feed.procedure(procedures[2], 1, "MONTHS", true, 1);
        List<Feed.Sent> events = new ArrayList<>(tree);
        events.add(Feed.procedure(procedures[0], 5, "WORKING_DAYS", true, 1));
        events.add(Feed.procedure(procedures[1], 40, "HOURS", false, 1));
        // catalogue facts: two states each, newer and older in random order, units anywhere in the tree
        String[] levelsOnline = {"FULL", "PARTIAL", "NONE"};
        for (String code : List.of(procedures[3], procedures[4], procedures[0])) {
            for (long rev = 2; rev <= 3; rev++) {
                List<String> assigned = new ArrayList<>(new TreeSet<>(List.of(unitCodes.get(rnd.nextInt(unitCodes.size())), unitCodes.get(rnd.nextInt(unitCodes.size())))));
                events.add(Feed.procedure(code, assigned, levelsOnline[rnd.nextInt(3)], rnd.nextBoolean(), rnd.nextBoolean(),
                        rnd.nextBoolean() ? List.of("CITIZEN") : List.of("ORGANIZATION"), rnd.nextBoolean() ? Feed.t("2025-01-01T00:00+07:00") : null,
                        rnd.nextBoolean() ? List.copyOf(ProcedureCatalog.REQUIRED_PARTS) : List.of("NAME"), rev));
            }
        }
        // publishing decisions naming the procedures, some twice
        for (int i = 0; i < 12; i++) {
            LocalDate signed = LocalDate.of(2025, 1, 1).plusDays(rnd.nextInt(600));
            List<PublishingDecisionData.Procedure> items = new ArrayList<>();
            for (String code : procedures) {
                if (rnd.nextInt(3) == 0) continue;
                OffsetDateTime madePublic = rnd.nextInt(4) == 0 ? null : signed.atStartOfDay(Period.ZONE).toOffsetDateTime().plusDays(rnd.nextInt(12));
                items.add(new PublishingDecisionData.Procedure(code, "NEW", madePublic));
            }
            String unit = unitCodes.get(rnd.nextInt(unitCodes.size()));
            events.add(Feed.decision(unit, "QD-" + i, signed, signed.plusDays(rnd.nextInt(20)), items, 1));
            if (rnd.nextBoolean()) events.add(Feed.decision(unit, "QD-" + i, signed.plusDays(3), signed.plusDays(rnd.nextInt(30)), items, 2));
        }

        Instant from = OffsetDateTime.parse("2025-01-01T00:00+07:00").toInstant();
        Instant to = OffsetDateTime.parse("2026-09-30T00:00+07:00").toInstant();
        List<Feed.Sent> dossierEvents = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            String code = x + "-d" + i;
            String unit = unitCodes.get(rnd.nextInt(unitCodes.size()));
            String procedure = procedures[rnd.nextInt(procedures.length)];
            OffsetDateTime received = at(from.plusSeconds((long) (rnd.nextDouble() * (to.getEpochSecond() - from.getEpochSecond()))));
            Feed.Sent first = dossier(code, procedure, unit, received.toString()).revision(1).sent();
            Feed.Dossier last = dossier(code, procedure, unit, received.toString()).revision(2);
            if (rnd.nextInt(10) < 3) last.due(received.plusHours(rnd.nextInt(20 * 24)));
            OffsetDateTime finished = rnd.nextInt(10) < 7 ? received.plusMinutes(rnd.nextInt(30 * 24 * 60)) : null;
            int supplements = rnd.nextInt(10) < 6 ? 0 : rnd.nextInt(10) < 7 ? 1 : 2;
            OffsetDateTime cursor = received;
            for (int s = 0; s < supplements; s++) {
                OffsetDateTime requested = cursor.plusMinutes(1 + rnd.nextInt(5 * 24 * 60));
                OffsetDateTime returned = rnd.nextInt(4) == 0 && finished == null ? null : requested.plusMinutes(1 + rnd.nextInt(3 * 24 * 60));
                last.supplement(requested, returned);
                if (returned == null) break;
                cursor = returned;
            }
            if (finished != null) last.finishedAt(finished.isBefore(cursor) ? cursor.plusHours(1) : finished, KINDS[rnd.nextInt(KINDS.length)]);
            if (rnd.nextBoolean()) last.online();
            if (rnd.nextBoolean()) last.synced(received.plusHours(rnd.nextInt(48)));
            if (rnd.nextBoolean()) last.digitized(true);
            if (rnd.nextBoolean()) last.eResult(true);
            if (rnd.nextInt(3) == 0) last.fee(50_000, rnd.nextBoolean() ? received.plusHours(1) : null);
            if (rnd.nextInt(4) == 0) last.rating("DISSATISFIED");
            if (rnd.nextBoolean()) last.population(true);
            if (rnd.nextInt(10) == 0) last.unit(unitCodes.get(rnd.nextInt(unitCodes.size()))); // reassigned to another unit
            Feed.Sent second = last.sent();
            // newer first or older first, sometimes twice
            if (rnd.nextBoolean()) {
                dossierEvents.add(first);
                dossierEvents.add(second);
            } else {
                dossierEvents.add(second);
                dossierEvents.add(first);
            }
            if (rnd.nextInt(5) == 0) dossierEvents.add(second);
        }
        // PAKN at any unit, some naming dossiers (sent before or after them), with transfers, information requests and steps
        for (int i = 0; i < 40; i++) {
            OffsetDateTime received = at(from.plusSeconds((long) (rnd.nextDouble() * (to.getEpochSecond() - from.getEpochSecond()))));
            Feed.Complaint c = Feed.complaint(x + "-k" + i, unitCodes.get(rnd.nextInt(unitCodes.size())), received.toString());
            if (rnd.nextBoolean()) c.dossier(x + "-d" + rnd.nextInt(80));
            if (rnd.nextInt(3) == 0) c.conduct();
            Feed.Sent first = c.revision(1).sent();
            if (rnd.nextInt(4) == 0) c.transfer(received.plusDays(1 + rnd.nextInt(3)).toString(), unitCodes.get(rnd.nextInt(unitCodes.size())));
            if (rnd.nextInt(4) == 0) c.info(received.plusDays(2 + rnd.nextInt(6)), rnd.nextBoolean() ? received.plusDays(9) : null);
            if (rnd.nextInt(10) < 7) {
                c.answered(received.plusDays(5 + rnd.nextInt(25)));
                if (rnd.nextBoolean()) c.published(c.answered.plusDays(rnd.nextInt(5)));
            }
            if (rnd.nextInt(4) == 0) c.rating("DISSATISFIED");
            Feed.Sent second = c.revision(2).sent();
            events.add(rnd.nextBoolean() ? first : second);
            dossierEvents.add(rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(dossierEvents.size()), first == events.get(events.size() - 1) ? second : first);
        }
        Collections.shuffle(events, rnd);
        events.addAll(dossierEvents);
        events.add(late);
        // half the events, then a rule set with other PAKN and decision deadlines (a second deadline profile, built from
        // the stored facts when it is stored), then the rest, evaluated under both profiles as they arrive
        int half = events.size() / 2;
        Feed.send(events.subList(0, half));
        awaitProcessed(events.subList(0, half));
        ObjectNode other = RuleSetAdminTest.bundled();
        other.put("id", "profiles-" + x.toLowerCase());
        ((ObjectNode) other.get("deadlines")).put("petitionAnswerWorkingDays", 8).put("petitionPublishAnswerWorkingDays", 1);
        ((ObjectNode) other.get("deadlines").get("publishWorkingDaysBeforeEffective")).put("PROVINCE", 7);
        ((ObjectNode) other.get("deadlines").get("publicUpdateWorkingDaysAfterSigning")).put("PROVINCE", 2);
        RuleSetAdminTest.put("profiles-" + x.toLowerCase(), other).then().statusCode(201);
        Feed.send(events.subList(half, events.size()));
        awaitProcessed(events);
        assertCountersEqualRecomputation(x, unitCodes, "seed " + seed);
        assertThat(counters.allPooled().keySet()).as("the second profile is counted")
                .anyMatch(k -> k.unit().equals(x) && k.indicator().equals("PETITION_ON_TIME@P8-2-5-1"))
                .anyMatch(k -> k.unit().equals(x) && k.indicator().equals("PUBLISH_ON_TIME@D7-2"));

        // a commune moves to the other district: its counts leave H1 and join H2
        Feed.Sent move = Feed.unit(c12, "COMMUNE", h2, 2, LocalDate.of(2025, 5, 1));
        levels.put(c12, new FromScratch.UnitFacts("COMMUNE", LocalDate.of(2025, 5, 1)));
        Feed.send(move);
        awaitProcessed(List.of(move));
        assertCountersEqualRecomputation(x, unitCodes, "seed " + seed + ", after the move");
        assertThat(units.ancestors(c12)).containsExactly(h2, x);
        // a district with its communes moves under the department
        Feed.Sent move2 = Feed.unit(h1, "DISTRICT", s1, 2);
        Feed.send(move2);
        awaitProcessed(List.of(move2));
        assertCountersEqualRecomputation(x, unitCodes, "seed " + seed + ", after the district's move");
        assertThat(units.ancestors(c11)).containsExactly(h1, s1, x);

        // dated moves: the commune returns to H1 but only until 2025-07-01, then belongs to H2 (past-dated)
        Feed.Sent dated = Feed.unit(c12, "COMMUNE", 3, List.of(Feed.edge(h1, null, "2025-07-01"), Feed.edge(h2, "2025-07-01", null)));
        // H1 is abolished on 2025-10-01: its communes go to the province from that day (the district stays for before)
        Feed.Sent abolished = Feed.unit(c11, "COMMUNE", 3, List.of(Feed.edge(h1, null, "2025-10-01"), Feed.edge(x, "2025-10-01", null)));
        // these states carry no eCertifiedCopySince: the communes stop counting as offering it
        levels.put(c12, new FromScratch.UnitFacts("COMMUNE", null));
        levels.put(c11, new FromScratch.UnitFacts("COMMUNE", null));
        Feed.send(dated, abolished);
        awaitProcessed(List.of(dated, abolished));
        assertCountersEqualRecomputation(x, unitCodes, "seed " + seed + ", after the dated moves");
        assertThat(units.ancestors(c11)).containsExactly(x);

        // a move dated tomorrow changes nothing today, and takes effect by itself on its day
        LocalDate tomorrow = LocalDate.now(Period.ZONE).plusDays(1);
        Feed.Sent future = Feed.unit(c21, "COMMUNE", 3, List.of(Feed.edge(h2, null, tomorrow.toString()), Feed.edge(x, tomorrow.toString(), null)));
        levels.put(c21, new FromScratch.UnitFacts("COMMUNE", null));
        Feed.send(future);
        awaitProcessed(List.of(future));
        assertCountersEqualRecomputation(x, unitCodes, "seed " + seed + ", a move dated tomorrow");
        assertThat(units.ancestors(c21)).containsExactly(h2, x);
        treeNow = tomorrow.atTime(12, 0).atZone(Period.ZONE).toInstant();
        QuarkusTransaction.requiringNew().call(() -> engine.advanceTree(treeNow));
        assertCountersEqualRecomputation(x, unitCodes, "seed " + seed + ", the day of the move dated tomorrow");
        assertThat(units.ancestors(c21)).containsExactly(x);
    }

    /** The instant whose local date sets the live periods' tree day (the engine's days move forward only). */
    Instant treeNow;

    void awaitProcessed(List<Feed.Sent> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.id()));
        await().atMost(Duration.ofSeconds(60)).until(() -> processedCount(ids) == ids.size());
    }

    void assertCountersEqualRecomputation(String x, List<String> unitCodes, String what) {
        // the procedure that came last made its dossiers due: let the checks run to the end
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            checks.runNow();
            return dueCount(x) == 0;
        });
        assertThat(petitions.all().stream().filter(p -> p.id().startsWith(x + "-")).count()).as(what).isEqualTo(40);
        Instant now = Instant.now();
        List<DossierFacts> dossiers = new ArrayList<>();
        Map<String, ProcedureFacts> procedures = new HashMap<>();
        for (FactStore.LoadedDossier d : facts.all()) {
            if (!d.facts().code().startsWith(x + "-")) continue;
            dossiers.add(d.facts());
            if (d.procedure() != null) procedures.put(d.procedure().code(), d.procedure());
        }
        assertThat(dossiers).hasSize(80);
        List<PetitionFacts> paknList = petitions.all().stream().filter(p -> p.id().startsWith(x + "-")).toList();
        List<DecisionFacts> decisionList = decisions.all().stream().filter(d -> d.key().startsWith(x)).toList();
        List<String> codes = List.of(x + "-P1", x + "-P2", x + "-P3", x + "-P4", x + "-P5");
        Map<String, ProcedureCatalog> catalogue = QuarkusTransaction.requiringNew().call(() -> catalog.lock(codes));
        // one world per deadline profile of the stored rule sets (PAKN and decision parts paired up; the shared counts agree)
        List<PetitionDeadlines> paknProfiles = DeadlineProfile.petitionProfiles(ruleSets.active());
        List<DecisionDeadlines> decisionProfiles = DeadlineProfile.decisionProfiles(ruleSets.active());
        List<FromScratch.World> worlds = new ArrayList<>();
        for (int i = 0; i < Math.max(paknProfiles.size(), decisionProfiles.size()); i++) {
            worlds.add(new FromScratch.World(dossiers, procedures, paknList, paknProfiles.get(Math.min(i, paknProfiles.size() - 1)), decisionList,
                    decisionProfiles.get(Math.min(i, decisionProfiles.size() - 1)), catalogue, levels));
        }
        FromScratch.World w = worlds.get(0);
        Set<String> periods = new TreeSet<>();
        dossiers.forEach(d -> DossierTiming.periodsOf(d, now).forEach(p -> periods.add(p.key())));
        dossiers.forEach(d -> DossierContributions.usagePeriods(d, now).forEach(p -> periods.add(p.key())));
        paknList.forEach(p -> PetitionTiming.periodsOf(p, now).forEach(q -> periods.add(q.key())));
        decisionList.forEach(d -> DecisionContributions.periodsOf(d, now).forEach(q -> periods.add(q.key())));
        // each period pooled under the tree of its day (te's local date), the catalogue under today's tree
        UnitTree tree = edges.tree();
        Instant day = treeNow == null || treeNow.isBefore(now) ? now : treeNow;
        Map<CounterKey, Counts> expected = new TreeMap<>();
        for (String u : unitCodes) {
            Set<String> current = tree.subtreeOn(u, UnitTree.treeDay("*", day), unitCodes);
            assertThat(current).as(what + ": the current closure is today's tree").isEqualTo(new TreeSet<>(units.subtree(u)));
            for (String key : periods) {
                Set<String> subtree = tree.subtreeOn(u, UnitTree.treeDay(key, day), unitCodes);
                for (FromScratch.World world : worlds) {
                    FromScratch.pooled(world, subtree, current, Period.parse(key), now, calendar)
                            .forEach((indicator, c) -> expected.put(new CounterKey(u, key, indicator), c));
                }
            }
            FromScratch.current(w, current, now).forEach((indicator, c) -> expected.put(new CounterKey(u, "*", indicator), c));
        }
        Map<CounterKey, Counts> actual = new TreeMap<>();
        counters.allPooled().forEach((k, v) -> { if (unitCodes.contains(k.unit())) actual.put(k, v); });
        assertThat(expected).as(what + ": something to compare").hasSizeGreaterThan(100);
        List<String> differences = new ArrayList<>();
        Set<CounterKey> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (CounterKey k : keys) {
            Counts e = expected.getOrDefault(k, Counts.ZERO), a = actual.getOrDefault(k, Counts.ZERO);
            if (!e.equals(a)) differences.add(k + ": incremental " + a + ", from scratch " + e);
        }
        assertThat(differences).as(what).isEmpty();

        // and the published score of the province shows exactly those counts
        for (String key : periods) {
            for (String indicator : List.of("ON_TIME_PROCESSING", "DOSSIER_SYNC", "E_RESULT", "AVG_PROCESSING_TIME")) {
                Counts c = expected.getOrDefault(new CounterKey(x, key, indicator), Counts.ZERO);
                if (indicator.equals("AVG_PROCESSING_TIME")) continue; // shown in hours; its counts are checked above
                assertThat(Feed.counts(x, key, indicator)).as(what + ": " + indicator + " " + key)
                        .isEqualTo(c.numerator() + "/" + c.denominator());
            }
        }
    }

    long processedCount(Set<String> ids) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM kit_processed_event WHERE consumer = 'indicator' AND event_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    long dueCount(String x) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT (SELECT count(*) FROM dossier WHERE code LIKE ? AND next_check_at <= now())"
                        + " + (SELECT count(*) FROM petition WHERE id LIKE ? AND next_check_at <= now())"
                        + " + (SELECT count(*) FROM publishing_decision WHERE key LIKE ? AND next_check_at <= now())")) {
            ps.setString(1, x + "-%");
            ps.setString(2, x + "-%");
            ps.setString(3, x + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static OffsetDateTime at(Instant t) {
        return t.atOffset(ZoneOffset.ofHours(7));
    }

}
