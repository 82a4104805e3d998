package dvc766.indicator.it;

import static dvc766.indicator.it.Feed.dossier;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.common.period.Period;
import dvc766.contracts.events.PublishingDecisionData;
import dvc766.indicator.domain.Counts;
import dvc766.indicator.domain.DecisionContributions;
import dvc766.indicator.domain.DecisionDeadlines;
import dvc766.indicator.domain.DecisionFacts;
import dvc766.indicator.domain.DossierContributions;
import dvc766.indicator.domain.DossierFacts;
import dvc766.indicator.domain.DossierTiming;
import dvc766.indicator.config.RuleSetCatalog;
import dvc766.indicator.domain.DeadlineProfile;
import dvc766.indicator.domain.FromScratch;
import dvc766.indicator.domain.PetitionDeadlines;
import dvc766.indicator.domain.PetitionFacts;
import dvc766.indicator.domain.PetitionTiming;
import dvc766.indicator.domain.ProcedureCatalog;
import dvc766.indicator.domain.ProcedureFacts;
import dvc766.indicator.store.CatalogStore;
import dvc766.indicator.store.CounterKey;
import dvc766.indicator.store.CounterStore;
import dvc766.indicator.store.DecisionStore;
import dvc766.indicator.store.FactStore;
import dvc766.indicator.store.PetitionStore;
import dvc766.indicator.store.UnitStore;
import dvc766.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/admin/recompute with facts: true re-evaluates the stored objects and repairs counters that drifted;
 * on correct counters it changes nothing; GET reports what is pending.
 */
@QuarkusTest
class RecomputeFromFactsTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    RuleSetCatalog ruleSets;
    @Inject
    DataSource ds;
    @Inject
    CounterStore counters;
    @Inject
    FactStore facts;
    @Inject
    PetitionStore petitions;
    @Inject
    DecisionStore decisions;
    @Inject
    CatalogStore catalog;
    @Inject
    UnitStore units;
    @Inject
    WorkingDayCalendar calendar;

    @Test
    void recomputingFromFactsRepairsDriftedCountersAndChangesNothingOnCorrectOnes() throws Exception {
        String x = Feed.prefix();
        String h = x + ".H1", p = x + "-P";
        List<String> unitCodes = List.of(x, h);
        // the district: a on time (online, paid online), b late; the province: c on time. A PAKN names a; a decision
        // publishes the procedure on time. Everything is in March 2025: nothing changes with time any more.
        Feed.send(Feed.unit(x, "PROVINCE", null, 1), Feed.unit(h, "DISTRICT", x, 1),
                Feed.procedure(p, List.of(h), "FULL", true, true, List.of("CITIZEN"), Feed.t("2025-01-02T00:00+07:00"), List.of(), 1),
                dossier(x + "-a", p, h, "2025-03-03T09:00+07:00").finished("2025-03-05T10:00+07:00").online()
                        .synced(Feed.t("2025-03-03T10:00+07:00")).fee(50000, Feed.t("2025-03-03T09:30+07:00")).sent(),
                dossier(x + "-b", p, h, "2025-03-03T09:00+07:00").finished("2025-03-20T10:00+07:00").sent(),
                dossier(x + "-c", p, x, "2025-03-04T09:00+07:00").finished("2025-03-06T10:00+07:00").sent(),
                Feed.complaint(x + "-K1", h, "2025-03-10T09:00+07:00").dossier(x + "-a").answered("2025-03-12T09:00+07:00")
                        .published("2025-03-13T09:00+07:00").sent(),
                Feed.decision(h, "QD-1", LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 20),
                        List.of(new PublishingDecisionData.Procedure(p, "NEW", Feed.t("2025-03-04T09:00+07:00"))), 1));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(Feed.counts(x, "2025-03", "ON_TIME_PROCESSING")).isEqualTo("2/3");
            assertThat(Feed.counts(x, "2025-03", "DOSSIER_SATISFACTION")).isEqualTo("1/3");
            assertThat(Feed.counts(x, "2025-03", "PETITION_ON_TIME")).isEqualTo("1/1");
            assertThat(Feed.counts(x, "2025-03", "PUBLISH_ON_TIME")).isEqualTo("1/1");
            assertThat(Feed.counts(x, "2025-03", "ONLINE_SERVICE_USAGE")).isEqualTo("1/1");
        });
        awaitIdle();
        assertThat(differencesFromScratch(x, unitCodes)).as("the engine's counters before anything").isEmpty();

        // on correct counters an order from facts changes nothing: the same counters, no score published
        Map<CounterKey, Counts> before = pooled(unitCodes);
        long history = historyRows(x);
        order("{\"facts\": true, \"units\": [\"" + x + "\"]}").then().statusCode(202).contentType("application/json")
                .body("objects.DOSSIER", equalTo(3)).body("objects.PETITION", equalTo(1)).body("objects.DECISION", equalTo(1));
        awaitIdle();
        assertThat(pooled(unitCodes)).isEqualTo(before);
        assertThat(historyRows(x)).isEqualTo(history);

        // counters corrupted by hand: pooled and own counters, an item reference and a pooled item counter, and a
        // dossier's and a PAKN's stored contributions (so their re-evaluation writes new minus a wrong old)
        sql("UPDATE pooled_counter SET num = num + 7 WHERE unit_code = ? AND period = '2025-03' AND indicator = 'ON_TIME_PROCESSING'", x);
        sql("UPDATE unit_counter SET den = den + 3 WHERE unit_code = ? AND period = '2025-Q1' AND indicator = 'DOSSIER_SYNC'", h);
        sql("UPDATE pooled_counter SET num = num - 1 WHERE unit_code = ? AND period = '2025-03' AND indicator = 'PUBLISH_ON_TIME'", h);
        sql("UPDATE item_ref SET fails = fails + 2 WHERE ancestor = ? AND period = '2025-03' AND indicator = 'PUBLIC_UPDATE_ON_TIME'", x);
        sql("DELETE FROM contribution WHERE kind = 'DOSSIER' AND object_key = ? AND period = '2025'", x + "-a");
        sql("DELETE FROM contribution WHERE kind = 'PETITION' AND object_key = ? AND period = '2025-03'", x + "-K1");
        assertThat(differencesFromScratch(x, unitCodes)).as("the corruption shows").isNotEmpty();

        order("{\"facts\": true, \"units\": [\"" + x + "\"], \"periods\": [\"2025-03\", \"2025-Q1\", \"2025\"]}").then().statusCode(202)
                .body("objects.DOSSIER", equalTo(3));
        awaitIdle();
        assertThat(differencesFromScratch(x, unitCodes)).as("after the recompute from facts").isEmpty();
        assertThat(pooled(unitCodes)).isEqualTo(before);
        assertThat(itemRefsDrift(x)).as("item references = the sums of the item contributions").isZero();
        assertThat(Feed.counts(x, "2025-03", "ON_TIME_PROCESSING")).isEqualTo("2/3");
        assertThat(Feed.counts(h, "2025-03", "PUBLISH_ON_TIME")).isEqualTo("1/1");
        JsonPath status = given().auth().oauth2(TestTokens.admin()).get("/api/v1/admin/recompute").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        assertThat(status.getBoolean("pending")).isFalse();
        assertThat(status.getLong("objects.DOSSIER") + status.getLong("objects.PETITION") + status.getLong("objects.DECISION")).isZero();
        assertThat(status.getLong("reconciling")).isZero();
        assertThat(status.getLong("scores")).isZero();
        assertThat(OffsetDateTime.parse(status.getString("lastFinishedAt"))).isAfterOrEqualTo(OffsetDateTime.parse(status.getString("lastOrderedAt")));
    }

    @Test
    void onlyAnAdministratorOrdersOrReadsARecompute() {
        String body = "{\"facts\": true}";
        given().contentType("application/json").body(body).post("/api/v1/admin/recompute").then().statusCode(401);
        given().get("/api/v1/admin/recompute").then().statusCode(401);
        given().auth().oauth2(TestTokens.official("m", "38", "monitor")).contentType("application/json").body(body)
                .post("/api/v1/admin/recompute").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.official("m", "38", "monitor")).get("/api/v1/admin/recompute").then().statusCode(403);
        given().auth().oauth2(TestTokens.agency("demo-agency", "38")).get("/api/v1/admin/recompute").then().statusCode(403);
    }

    @Test
    void anOrderFromFactsIsValidated() {
        order("{\"facts\": true, \"ruleSet\": \"nope\", \"periods\": [\"2025-13\", \"2025-01-01..2025-01-31\"], \"units\": [\"\", \"NO-SUCH-UNIT\"]}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("ruleSet", "periods[0]", "periods[1]", "units[0]", "units[1]"))
                .body("errors.rule", hasItems("known", "format", "standard", "required"));
        // without facts a rule set is required
        order("{\"periods\": [\"2025-03\"]}").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("ruleSet")).body("errors.rule", hasItems("required"));
    }

    static io.restassured.response.Response order(String body) {
        return given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(body).post("/api/v1/admin/recompute");
    }

    static void awaitIdle() {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> given().auth().oauth2(TestTokens.admin())
                .get("/api/v1/admin/recompute").then().statusCode(200).body("pending", equalTo(false)));
    }

    Map<CounterKey, Counts> pooled(List<String> unitCodes) {
        Map<CounterKey, Counts> out = new TreeMap<>();
        counters.allPooled().forEach((k, v) -> { if (unitCodes.contains(k.unit())) out.put(k, v); });
        return out;
    }

    /** Every pooled counter of the units against FromScratch over the stored facts, as IncrementalEqualsFromScratchTest does. */
    List<String> differencesFromScratch(String x, List<String> unitCodes) {
        Instant now = Instant.now();
        List<DossierFacts> dossiers = new ArrayList<>();
        Map<String, ProcedureFacts> procedures = new HashMap<>();
        for (FactStore.LoadedDossier d : facts.all()) {
            if (!d.facts().code().startsWith(x + "-")) continue;
            dossiers.add(d.facts());
            if (d.procedure() != null) procedures.put(d.procedure().code(), d.procedure());
        }
        List<PetitionFacts> paknList = petitions.all().stream().filter(k -> k.id().startsWith(x + "-")).toList();
        List<DecisionFacts> decisionList = decisions.all().stream().filter(d -> d.key().startsWith(x)).toList();
        Map<String, ProcedureCatalog> catalogue = QuarkusTransaction.requiringNew().call(() -> catalog.lock(List.of(x + "-P")));
        Map<String, FromScratch.UnitFacts> levels = Map.of(x, new FromScratch.UnitFacts("PROVINCE", null),
                x + ".H1", new FromScratch.UnitFacts("DISTRICT", null));
        // one world per deadline profile of the stored rule sets (other test classes store some; the shared counts agree)
        List<PetitionDeadlines> paknProfiles = DeadlineProfile.petitionProfiles(ruleSets.active());
        List<DecisionDeadlines> decisionProfiles = DeadlineProfile.decisionProfiles(ruleSets.active());
        List<FromScratch.World> worlds = new ArrayList<>();
        for (int i = 0; i < Math.max(paknProfiles.size(), decisionProfiles.size()); i++) {
            worlds.add(new FromScratch.World(dossiers, procedures, paknList, paknProfiles.get(Math.min(i, paknProfiles.size() - 1)), decisionList,
                    decisionProfiles.get(Math.min(i, decisionProfiles.size() - 1)), catalogue, levels));
        }
        FromScratch.World w = worlds.get(0);
        Set<String> periods = new TreeSet<>();
        dossiers.forEach(d -> DossierTiming.periodsOf(d, now).forEach(q -> periods.add(q.key())));
        dossiers.forEach(d -> DossierContributions.usagePeriods(d, now).forEach(q -> periods.add(q.key())));
        paknList.forEach(k -> PetitionTiming.periodsOf(k, now).forEach(q -> periods.add(q.key())));
        decisionList.forEach(d -> DecisionContributions.periodsOf(d, now).forEach(q -> periods.add(q.key())));
        Map<String, List<String>> closure = units.closure();
        Map<CounterKey, Counts> expected = new TreeMap<>();
        for (String u : unitCodes) {
            Set<String> subtree = new HashSet<>(closure.get(u));
            for (String key : periods) {
                for (FromScratch.World world : worlds) {
                    FromScratch.pooled(world, subtree, Period.parse(key), now, calendar).forEach((i, c) -> expected.put(new CounterKey(u, key, i), c));
                }
            }
            FromScratch.current(w, subtree, now).forEach((i, c) -> expected.put(new CounterKey(u, "*", i), c));
        }
        assertThat(expected).hasSizeGreaterThan(30);
        Map<CounterKey, Counts> actual = pooled(unitCodes);
        List<String> differences = new ArrayList<>();
        Set<CounterKey> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (CounterKey k : keys) {
            Counts e = expected.getOrDefault(k, Counts.ZERO), a = actual.getOrDefault(k, Counts.ZERO);
            if (!e.equals(a)) differences.add(k + ": held " + a + ", from scratch " + e);
        }
        // the own counters are the sums of the stored contributions
        differences.addAll(ownDrift(unitCodes));
        return differences;
    }

    List<String> ownDrift(List<String> unitCodes) {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT coalesce(e.unit_code, h.unit_code), coalesce(e.period, h.period), coalesce(e.indicator, h.indicator)
                FROM (SELECT unit_code, period, indicator, sum(num) AS num, sum(den) AS den FROM contribution
                      WHERE unit_code = ANY(?) GROUP BY 1, 2, 3) e
                FULL JOIN (SELECT * FROM unit_counter WHERE unit_code = ANY(?) AND period <> '*') h
                  ON h.unit_code = e.unit_code AND h.period = e.period AND h.indicator = e.indicator
                WHERE coalesce(e.num, 0) <> coalesce(h.num, 0) OR coalesce(e.den, 0) <> coalesce(h.den, 0)""")) {
            ps.setArray(1, c.createArrayOf("text", unitCodes.toArray()));
            ps.setArray(2, c.createArrayOf("text", unitCodes.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add("own " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return out;
    }

    long itemRefsDrift(String x) {
        return count("""
                SELECT count(*) FROM (SELECT cl.ancestor, c.period, c.indicator, c.item, sum(c.refs) AS r, sum(c.fails) AS f
                      FROM item_contribution c JOIN unit_closure cl ON cl.descendant = c.unit_code WHERE cl.ancestor LIKE ? || '%'
                      GROUP BY 1, 2, 3, 4) e
                FULL JOIN (SELECT * FROM item_ref WHERE ancestor LIKE ? || '%') h
                  ON h.ancestor = e.ancestor AND h.period = e.period AND h.indicator = e.indicator AND h.item = e.item
                WHERE coalesce(e.r, 0) <> coalesce(h.refs, 0) OR coalesce(e.f, 0) <> coalesce(h.fails, 0)""", x, x);
    }

    long historyRows(String x) {
        return count("SELECT count(*) FROM score_history WHERE unit_code LIKE ? || '%'", x);
    }

    long count(String sql, String... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    void sql(String sql, String arg) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            assertThat(ps.executeUpdate()).as(sql).isGreaterThan(0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
