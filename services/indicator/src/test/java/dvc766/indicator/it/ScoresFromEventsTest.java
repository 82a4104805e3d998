package dvc766.indicator.it;

import static dvc766.indicator.it.Feed.counts;
import static dvc766.indicator.it.Feed.dossier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dvc766.common.period.Period;
import dvc766.contracts.events.DossierData;
import dvc766.contracts.events.Topics;
import dvc766.indicator.messaging.IndicatorEngine;
import dvc766.indicator.store.UnitStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import dvc766.kit.events.EventJson;
import dvc766.testsupport.Contracts;
import dvc766.testsupport.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The whole path through real Kafka and PostgreSQL: fact events in, counters, scores out on {@code dvc.scores.v1} and
 * through the read API. Counts are worked out by hand in each test.
 */
@QuarkusTest
class ScoresFromEventsTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource ds;

    @Inject
    IndicatorEngine engine;

    @Inject
    UnitStore units;

    /**
     * Procedure of 5 working days; dossiers received Monday 2025-03-03 09:00, deadline 24:00 Monday 2025-03-10.
     * District 1: one on time, one late (1/2). District 2: one on time, one on time thanks to a supplement, one late
     * after two supplement requests (2/3). The province pools the counts: 3/5, 12 of 20 points.
     */
    static List<Feed.Sent> twoDistricts(String x) {
        String p = x + "-P";
        String d1 = x + ".D1", d2 = x + ".D2";
        List<Feed.Sent> dossiers = List.of(
                dossier(x + "-a", p, d1, "2025-03-03T09:00+07:00").finished("2025-03-07T10:00+07:00").sent(),
                dossier(x + "-b", p, d1, "2025-03-03T09:00+07:00").finished("2025-03-12T10:00+07:00").sent(),
                dossier(x + "-c", p, d2, "2025-03-03T09:00+07:00").finished("2025-03-10T16:00+07:00").sent(),
                dossier(x + "-d", p, d2, "2025-03-03T09:00+07:00").supplement("2025-03-05T10:00+07:00", "2025-03-07T10:00+07:00")
                        .finished("2025-03-12T15:00+07:00").sent(),
                dossier(x + "-e", p, d2, "2025-03-03T09:00+07:00").supplement("2025-03-04T10:00+07:00", "2025-03-04T12:00+07:00")
                        .supplement("2025-03-05T10:00+07:00", "2025-03-05T11:00+07:00").finished("2025-03-06T09:00+07:00").sent());
        List<Feed.Sent> all = new ArrayList<>();
        all.add(Feed.unit(x, "PROVINCE", null, 1));
        all.add(Feed.unit(d1, "DISTRICT", x, 1));
        all.add(Feed.unit(d2, "DISTRICT", x, 1));
        all.add(Feed.procedure(p, 5, "WORKING_DAYS", true, 1));
        all.addAll(dossiers);
        return all;
    }

    @Test
    void poolsTheCountsOfTwoDistrictsIntoTheProvinceAndPublishesValidScoreEvents() {
        String x = Feed.prefix();
        Feed.send(twoDistricts(x));

        await().atMost(WAIT).untilAsserted(() -> assertThat(counts(x, "2025-03", "ON_TIME_PROCESSING")).isEqualTo("3/5"));
        assertThat(counts(x + ".D1", "2025-03", "ON_TIME_PROCESSING")).isEqualTo("1/2");
        assertThat(counts(x + ".D2", "2025-03", "ON_TIME_PROCESSING")).isEqualTo("2/3");
        assertThat(counts(x, "2025-Q1", "ON_TIME_PROCESSING")).isEqualTo("3/5");
        assertThat(counts(x, "2025", "ON_TIME_PROCESSING")).isEqualTo("3/5");
        assertThat(counts(x, "2025-04", "ON_TIME_PROCESSING")).isEqualTo("none");

        JsonPath province = Feed.score(x, "2025-03");
        assertThat(province.getString("unitCode")).isEqualTo(x);
        assertThat(province.getString("period")).isEqualTo("2025-03");
        assertThat(province.getString("ruleSet")).isEqualTo(Feed.RULE_SET);
        assertThat(Feed.decimal(province, "indicators.find { it.code == 'ON_TIME_PROCESSING' }.points")).isEqualTo(new BigDecimal("12"));
        assertThat(Feed.decimal(province, "indicators.find { it.code == 'ON_TIME_PROCESSING' }.ratio")).isEqualTo(new BigDecimal("0.6"));
        assertThat(Feed.decimal(Feed.score(x + ".D2", "2025-03"), "indicators.find { it.code == 'ON_TIME_PROCESSING' }.points"))
                .isEqualTo(new BigDecimal("13.33333333333333333333333333333333"));
        // the one early dossier (finished Friday 7th), a province-only indicator, and the mean time of the finished ones
        assertThat(counts(x, "2025-03", "EARLY_PROCESSING")).isEqualTo("1/5");
        assertThat(province.getBoolean("indicators.find { it.code == 'CITIZEN_DATA_DOSSIER' }.applicable")).isTrue();
        assertThat(Feed.score(x + ".D1", "2025-03").getBoolean("indicators.find { it.code == 'CITIZEN_DATA_DOSSIER' }.applicable")).isFalse();

        // the same figures went out as events, each valid against the contract, versions counting up per key
        String key = x + "/2025-03/" + Feed.RULE_SET;
        List<ConsumerRecord<String, String>> events = KafkaProbe.await(Topics.SCORES,
                r -> r.key().equals(key) && onTime(r.value()).equals("3/5"), 1, WAIT);
        assertThat(events).isNotEmpty();
        List<ConsumerRecord<String, String>> all = KafkaProbe.await(Topics.SCORES, r -> r.key().startsWith(x + "/") || r.key().startsWith(x + ".D"),
                Integer.MAX_VALUE, Duration.ofSeconds(3));
        assertThat(all).isNotEmpty();
        all.forEach(r -> Contracts.assertEventMatchesSchema(r.value()));
        List<Long> versions = all.stream().filter(r -> r.key().equals(key)).map(r -> data(r.value()).path("version").asLong()).toList();
        assertThat(versions).isSorted().doesNotHaveDuplicates().startsWith(1L);
        assertThat(Feed.score(x, "2025-03").getLong("version")).isEqualTo(versions.get(versions.size() - 1));
    }

    @Test
    void eventsThatArriveBeforeTheirUnitsAndProcedureAreNotLost() {
        String x = Feed.prefix();
        List<Feed.Sent> natural = twoDistricts(x);
        // dossiers first, then the procedure, then the districts before the province
        List<Feed.Sent> reversed = new ArrayList<>(natural.subList(4, natural.size()));
        reversed.add(natural.get(3));
        reversed.add(natural.get(2));
        reversed.add(natural.get(1));
        reversed.add(natural.get(0));
        Feed.send(reversed);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(counts(x, "2025-03", "ON_TIME_PROCESSING")).isEqualTo("3/5");
            assertThat(counts(x + ".D1", "2025-03", "ON_TIME_PROCESSING")).isEqualTo("1/2");
            assertThat(counts(x + ".D2", "2025-03", "ON_TIME_PROCESSING")).isEqualTo("2/3");
        });
    }

    @Test
    void dossiersAndTheirProceduresArrivingTogetherOnTwoTopicsAreNeverLost() {
        String x = Feed.prefix();
        Feed.send(Feed.unit(x, "PROVINCE", null, 1));
        List<Feed.Sent> interleaved = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String p = x + "-P" + i;
            Feed.Sent dossier = dossier(x + "-d" + i, p, x, "2025-03-03T09:00+07:00").finished("2025-03-05T10:00+07:00").sent();
            Feed.Sent procedure = Feed.procedure(p, 5, "WORKING_DAYS", false, 1);
            interleaved.add(i % 2 == 0 ? dossier : procedure);
            interleaved.add(i % 2 == 0 ? procedure : dossier);
        }
        Feed.send(interleaved);
        await().atMost(WAIT).untilAsserted(() -> assertThat(counts(x, "2025-03", "ON_TIME_PROCESSING")).isEqualTo("40/40"));
    }

    @Test
    void theSameEventTwiceAndAnOlderStateAfterANewerOneChangeNothing() {
        String x = Feed.prefix();
        String p = x + "-P";
        Feed.send(Feed.unit(x, "PROVINCE", null, 1), Feed.procedure(p, 5, "WORKING_DAYS", false, 1));
        Feed.Dossier open = dossier(x + "-a", p, x, "2025-03-03T09:00+07:00").revision(1);
        Feed.Sent newer = dossier(x + "-a", p, x, "2025-03-03T09:00+07:00").finished("2025-03-12T10:00+07:00").revision(2).sent();
        Feed.send(newer);
        await().atMost(WAIT).untilAsserted(() -> assertThat(counts(x, "2025-03", "ON_TIME_PROCESSING")).isEqualTo("0/1"));
        long version = Feed.score(x, "2025-03").getLong("version");
        String before = Feed.indicatorsJson(Feed.score(x, "2025-03"));

        Feed.Sent older = open.sent();
        Feed.send(newer, older);
        // same key, same partition: once the older one is recorded, the duplicate before it was consumed too
        await().atMost(WAIT).until(() -> processed(older.id()));
        assertThat(Feed.score(x, "2025-03").getLong("version")).isEqualTo(version);
        assertThat(Feed.indicatorsJson(Feed.score(x, "2025-03"))).isEqualTo(before);
        assertThat(counts(x, "2025-03", "ON_TIME_PROCESSING")).isEqualTo("0/1");
    }

    @Test
    void aWithdrawnDossierLeavesEveryDenominator() {
        String x = Feed.prefix();
        String p = x + "-P";
        Feed.send(Feed.unit(x, "PROVINCE", null, 1), Feed.procedure(p, 5, "WORKING_DAYS", false, 1),
                dossier(x + "-a", p, x, "2025-03-03T09:00+07:00").finished("2025-03-05T10:00+07:00").revision(1).sent());
        await().atMost(WAIT).untilAsserted(() -> assertThat(counts(x, "2025-03", "ON_TIME_PROCESSING")).isEqualTo("1/1"));
        Feed.send(dossier(x + "-a", p, x, "2025-03-03T09:00+07:00").withdrawn("2025-03-04T10:00+07:00").revision(2).sent());
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(counts(x, "2025-03", "ON_TIME_PROCESSING")).isEqualTo("0/0");
            assertThat(counts(x, "2025-03", "DOSSIER_SYNC")).isEqualTo("0/0");
        });
        JsonPath s = Feed.score(x, "2025-03");
        assertThat((Object) s.get("indicators.find { it.code == 'ON_TIME_PROCESSING' }.ratio")).isNull();
        assertThat(Feed.decimal(s, "indicators.find { it.code == 'ON_TIME_PROCESSING' }.points")).isEqualTo(new BigDecimal("20"));
    }

    @Test
    void anUnfinishedDossierTurnsOverdueByItselfWithinSeconds() {
        String x = Feed.prefix();
        String p = x + "-P";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        OffsetDateTime deadline = now.plusSeconds(4);
        String month = Period.containing(now.toInstant(), Period.Kind.MONTH).key();
        Feed.send(Feed.unit(x, "PROVINCE", null, 1), Feed.procedure(p, 40, "HOURS", false, 1),
                dossier(x + "-a", p, x, now.minusMinutes(1).toString()).due(deadline).sent());

        String key = x + "/" + month + "/" + Feed.RULE_SET;
        List<ConsumerRecord<String, String>> onTime = KafkaProbe.await(Topics.SCORES, r -> r.key().equals(key) && onTime(r.value()).equals("1/1"),
                1, WAIT);
        assertThat(onTime).as("first score: on time").hasSize(1);
        // no more events are sent: the deadline passing alone must reach the published score
        List<ConsumerRecord<String, String>> overdue = KafkaProbe.await(Topics.SCORES,
                r -> r.key().equals(key) && onTime(r.value()).equals("0/1"), 1, WAIT);
        assertThat(overdue).as("score after the deadline: overdue").hasSize(1);
        Contracts.assertEventMatchesSchema(overdue.get(0).value());
        Instant publishedAt = Instant.parse(data(overdue.get(0).value()).path("asOf").asText());
        assertThat(Duration.between(deadline.toInstant(), publishedAt)).as("from deadline to published score")
                .isPositive().isLessThan(Duration.ofSeconds(3));
        assertThat(counts(x, month, "ON_TIME_PROCESSING")).isEqualTo("0/1");
    }

    @Test
    void malformedEventsAreKeptAsideAndTheStreamGoesOn() throws Exception {
        String x = Feed.prefix();
        String p = x + "-P";
        KafkaProbe.send(Topics.DOSSIERS, x + "-bad", "{not json");
        KafkaProbe.send(Topics.DOSSIERS, x + "-nounit", Feed.event(dvc766.contracts.events.EventType.DOSSIER_UPSERTED, x + "-nounit",
                dossier(x + "-nounit", p, null, "2025-03-03T09:00+07:00").build()).json());
        Feed.send(Feed.unit(x, "PROVINCE", null, 1), Feed.procedure(p, 5, "WORKING_DAYS", false, 1),
                dossier(x + "-a", p, x, "2025-03-03T09:00+07:00").finished("2025-03-05T10:00+07:00").sent());
        await().atMost(WAIT).untilAsserted(() -> assertThat(counts(x, "2025-03", "ON_TIME_PROCESSING")).isEqualTo("1/1"));
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT event_key, reason FROM kit_rejected_event WHERE event_key LIKE ? ORDER BY event_key")) {
            ps.setString(1, x + "-%");
            List<String> rejected = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rejected.add(rs.getString(1) + ": " + rs.getString(2));
            }
            assertThat(rejected).hasSize(2);
            assertThat(rejected.get(0)).startsWith(x + "-bad: malformed event");
            assertThat(rejected.get(1)).startsWith(x + "-nounit: data.unitCode: required");
        }
    }

    @Test
    void dossiersStillOpenAtAPeriodsEndAreCarriedIntoTheNextPeriodsEvenAfterADowntime() throws Exception {
        String x = Feed.prefix();
        String p = x + "-P";
        Feed.Sent unit = Feed.unit(x, "PROVINCE", null, 1);
        Feed.Sent procedure = Feed.procedure(p, 5, "WORKING_DAYS", false, 1);
        Feed.send(unit, procedure);
        await().atMost(WAIT).until(() -> processed(unit.id()) && processed(procedure.id()));
        // received 2025-12-10, deadline 24:00 on the 17th, still open; evaluated as the service saw it on the 20th,
        // after which the service "stopped": its next check (the new month) is long past
        DossierData open = dossier(x + "-a", p, x, "2025-12-10T09:00+07:00").build();
        QuarkusTransaction.requiringNew().run(() -> engine.applyDossiers(List.of(open), Instant.parse("2025-12-20T03:00:00Z")));
        String month = Period.containing(Instant.now(), Period.Kind.MONTH).key();
        // nothing else is sent: the checks catch up and carry it into January, 2026-Q1, 2026 and every month since
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(counts(x, "2026-01", "ON_TIME_PROCESSING")).isEqualTo("0/1");
            assertThat(counts(x, "2026-Q1", "ON_TIME_PROCESSING")).isEqualTo("0/1");
            assertThat(counts(x, "2026", "ON_TIME_PROCESSING")).isEqualTo("0/1");
            assertThat(counts(x, month, "ON_TIME_PROCESSING")).isEqualTo("0/1");
        });
        assertThat(counts(x, "2025-12", "ON_TIME_PROCESSING")).isEqualTo("0/1");
        assertThat(counts(x, "2025-12", "DOSSIER_SYNC")).isEqualTo("0/1");
        assertThat(counts(x, "2026-01", "DOSSIER_SYNC")).isEqualTo("0/0");
    }

    @Test
    void aDossierEventReachesThePublishedScoreWithinSeconds() throws Exception {
        String x = Feed.prefix();
        String p = x + "-P";
        Feed.Sent unit = Feed.unit(x, "PROVINCE", null, 1);
        Feed.Sent procedure = Feed.procedure(p, 40, "HOURS", false, 1);
        Feed.send(unit, procedure);
        await().atMost(WAIT).until(() -> processed(unit.id()) && processed(procedure.id()));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String key = x + "/" + Period.containing(now.toInstant(), Period.Kind.MONTH).key() + "/" + Feed.RULE_SET;
        long sentAt = System.currentTimeMillis();
        Feed.send(dossier(x + "-a", p, x, now.minusMinutes(30).toString()).finishedAt(now.minusMinutes(1), "RESULT_RETURNED").sent());
        List<ConsumerRecord<String, String>> published = KafkaProbe.await(Topics.SCORES, r -> r.key().equals(key), 1, WAIT);
        assertThat(published).hasSize(1);
        long latency = published.get(0).timestamp() - sentAt;
        System.out.printf("fact event sent → score event on %s: %d ms%n", Topics.SCORES, latency);
        assertThat(latency).as("fact event → published score, ms").isLessThan(3000);
    }

    @Test
    void aUnitEventThatWouldMakeTheTreeACycleIsKeptAsideAndChangesNothing() throws Exception {
        String x = Feed.prefix();
        String d = x + ".D";
        Feed.Sent province = Feed.unit(x, "PROVINCE", null, 1);
        Feed.Sent district = Feed.unit(d, "DISTRICT", x, 1);
        Feed.send(province, district);
        await().atMost(WAIT).until(() -> processed(province.id()) && processed(district.id()));
        Feed.send(Feed.unit(x, "PROVINCE", d, 2));
        await().atMost(WAIT).until(() -> rejectedReason(x) != null);
        assertThat(rejectedReason(x)).contains("cycle");
        assertThat(units.ancestors(d)).containsExactly(x);
        assertThat(units.ancestors(x)).isEmpty();
    }

    String rejectedReason(String key) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT reason FROM kit_rejected_event WHERE event_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    boolean processed(String eventId) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM kit_processed_event WHERE consumer = 'indicator' AND event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static JsonNode data(String eventJson) {
        try {
            return EventJson.mapper().readTree(eventJson).path("data");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** ON_TIME_PROCESSING numerator/denominator of a score event. */
    static String onTime(String eventJson) {
        for (JsonNode i : data(eventJson).path("indicators")) {
            if (i.path("code").asText().equals("ON_TIME_PROCESSING")) {
                return i.path("numerator").decimalValue().stripTrailingZeros().toPlainString() + "/"
                        + i.path("denominator").decimalValue().stripTrailingZeros().toPlainString();
            }
        }
        return "?";
    }
}
