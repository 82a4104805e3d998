package dvc766.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dvc766.contracts.events.ScoreData;
import dvc766.contracts.events.Topics;
import dvc766.testsupport.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScorecardTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource ds;

    @Test
    void aScoreEventBecomesTheUnitsPublicScorecard() {
        String unit = Events.uniquePrefix() + ".SXD";
        Events.sendUnit(unit, "Sở Xây dựng", "DEPARTMENT", "38", 1);
        Events.sendScore(unit, "2026-11", 1, "87.25", "TOT");

        JsonNode card = awaitScorecard(unit, "2026-11", c -> "Sở Xây dựng".equals(c.path("name").asText()));

        assertThat(card.get("unitCode").asText()).isEqualTo(unit);
        assertThat(card.get("level").asText()).isEqualTo("DEPARTMENT");
        assertThat(card.get("period").asText()).isEqualTo("2026-11");
        assertThat(card.get("ruleSet").asText()).isEqualTo("dvcqg-2026");
        assertThat(card.get("asOf").asText()).isNotBlank();
        assertThat(java.time.OffsetDateTime.parse(card.get("asOf").asText()).toInstant())
                .isEqualTo(Events.AS_OF.plusMinutes(1).toInstant());
        assertThat(java.time.OffsetDateTime.parse(card.get("evaluatedAt").asText()).toInstant())
                .isEqualTo(Events.AS_OF.plusMinutes(1).minusSeconds(5).toInstant());
        assertThat(Api.decimal(card.get("total"))).isEqualByComparingTo("87.25");
        assertThat(Api.decimal(card.get("max"))).isEqualByComparingTo("100");
        assertThat(card.get("band").asText()).isEqualTo("TOT");
        assertThat(card.get("groups")).hasSize(2);
        assertThat(card.get("groups").get(0).get("code").asText()).isEqualTo("TDGQ");
        assertThat(Api.decimal(card.get("groups").get(0).get("points"))).isEqualByComparingTo("18.50");
        assertThat(Api.decimal(card.get("groups").get(0).get("max"))).isEqualByComparingTo("20");

        JsonNode onTime = card.get("indicators").get(0);
        assertThat(onTime.get("code").asText()).isEqualTo("ON_TIME_PROCESSING");
        assertThat(onTime.get("group").asText()).isEqualTo("TDGQ");
        assertThat(Api.decimal(onTime.get("numerator"))).isEqualByComparingTo("37");
        assertThat(Api.decimal(onTime.get("denominator"))).isEqualByComparingTo("40");
        assertThat(Api.decimal(onTime.get("ratio"))).isEqualByComparingTo("0.925");
        assertThat(Api.decimal(onTime.get("points"))).isEqualByComparingTo("9.25");
        assertThat(onTime.get("applicable").asBoolean()).isTrue();

        JsonNode empty = card.get("indicators").get(1);
        assertThat(empty.has("ratio")).isTrue();
        assertThat(empty.get("ratio").isNull()).as("ratio over a zero denominator is null").isTrue();
        assertThat(card.get("indicators").get(2).get("applicable").asBoolean()).isFalse();
    }

    @Test
    void anOlderVersionAfterANewerOneChangesNothing() throws SQLException {
        String unit = Events.uniquePrefix();
        Events.sendScore(unit, "2026-11", 2, "70", "KHA");
        awaitScorecard(unit, "2026-11", c -> Api.decimal(c.get("total")).compareTo(new BigDecimal("70")) == 0);

        // same key, one partition, in this order: the stale v1 is consumed before v3
        KafkaProbe.send(Topics.SCORES, List.of(
                record(Events.scoreData(unit, "2026-11", 1, "50", "TRUNG_BINH")),
                record(Events.scoreData(unit, "2026-11", 3, "80", "TOT"))));
        awaitScorecard(unit, "2026-11", c -> Api.decimal(c.get("total")).compareTo(new BigDecimal("80")) == 0);

        assertThat(historyVersions(unit)).containsExactly(2L, 3L);
    }

    @Test
    void theSameEventTwiceLeavesOneHistoryRow() throws SQLException {
        String unit = Events.uniquePrefix();
        ScoreData v1 = Events.scoreData(unit, "2026-11", 1, "60", "TRUNG_BINH");
        String event = Events.score(v1);
        ProducerRecord<String, String> once = new ProducerRecord<>(Topics.SCORES, Events.key(v1), event);
        KafkaProbe.send(Topics.SCORES, List.of(once, once, record(Events.scoreData(unit, "2026-11", 2, "65", "TRUNG_BINH"))));
        awaitScorecard(unit, "2026-11", c -> Api.decimal(c.get("total")).compareTo(new BigDecimal("65")) == 0);
        KafkaProbe.send(Topics.SCORES, Events.key(v1), event); // redelivered after a newer version: still nothing
        KafkaProbe.send(Topics.SCORES, List.of(record(Events.scoreData(unit, "2026-11", 3, "66", "TRUNG_BINH"))));
        awaitScorecard(unit, "2026-11", c -> Api.decimal(c.get("total")).compareTo(new BigDecimal("66")) == 0);

        assertThat(historyVersions(unit)).containsExactly(1L, 2L, 3L);
        assertThat(count("SELECT count(*) FROM kit_processed_event WHERE event_id = ?",
                dvc766.kit.events.EventJson.read(event, ScoreData.class).id()))
                .isEqualTo(1);
    }

    @Test
    void unusableEventsAreKeptAsRejectedAndTheStreamGoesOn() throws SQLException {
        String p = Events.uniquePrefix();
        ScoreData badPeriod = Events.scoreData(p + "A", "2026-13", 1, "50", "YEU");
        // a NUL in a text breaks a database rule: found only when applied, the rest of the batch still applies
        ScoreData nul = Events.scoreData(p + "B", "2026-11", 1, "50", "Y\u0000u");
        ScoreData control = Events.scoreData(p + "D\u0007", "2026-11", 1, "50", "YEU");
        KafkaProbe.send(Topics.SCORES, List.of(
                new ProducerRecord<>(Topics.SCORES, p + "/garbage", "{not json"),
                new ProducerRecord<>(Topics.SCORES, p + "/unit", Events.unit(p + "U", "Xã Lạ", "COMMUNE", null, 1)),
                new ProducerRecord<>(Topics.SCORES, Events.key(badPeriod), Events.score(badPeriod)),
                new ProducerRecord<>(Topics.SCORES, p + "/nul", Events.score(nul)),
                new ProducerRecord<>(Topics.SCORES, p + "/control", Events.score(control)),
                record(Events.scoreData(p + "C", "2026-11", 1, "55", "TRUNG_BINH"))));

        awaitScorecard(p + "C", "2026-11", c -> true);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(count("SELECT count(*) FROM kit_rejected_event WHERE event_key LIKE ?", p + "%")).isEqualTo(5));
        assertThat(Api.scorecard(p + "A", "2026-11").statusCode()).isEqualTo(404);
        assertThat(Api.scorecard(p + "B", "2026-11").statusCode()).isEqualTo(404);
    }

    @Test
    void aChangeIsVisibleWithinTwoSecondsOfItsEvent() {
        String unit = Events.uniquePrefix();
        Events.sendScore(unit, "2026-11", 1, "40", "YEU");
        awaitScorecard(unit, "2026-11", c -> true); // warm: consumers have joined

        long start = System.nanoTime();
        Events.sendScore(unit, "2026-11", 2, "41", "YEU");
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).until(() -> {
            Response r = Api.scorecard(unit, "2026-11");
            return r.statusCode() == 200 && Api.decimal(Api.json(r).get("total")).compareTo(new BigDecimal("41")) == 0;
        });
        System.out.printf("score event to public scorecard: %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    private static ProducerRecord<String, String> record(ScoreData data) {
        return Events.valid(data);
    }

    static JsonNode awaitScorecard(String unit, String period, java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(WAIT).until(() -> {
            Response r = Api.scorecard(unit, period);
            if (r.statusCode() != 200) return false;
            found[0] = Api.json(r);
            return ready.test(found[0]);
        });
        return found[0];
    }

    private List<Long> historyVersions(String unit) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT version FROM score_history WHERE unit_code = ? ORDER BY id")) {
            ps.setString(1, unit);
            try (ResultSet rs = ps.executeQuery()) {
                List<Long> out = new ArrayList<>();
                while (rs.next()) out.add(rs.getLong(1));
                return out;
            }
        }
    }

    private long count(String sql, String arg) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
