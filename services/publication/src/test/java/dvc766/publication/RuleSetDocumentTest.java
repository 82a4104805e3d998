package dvc766.publication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dvc766.contracts.events.CloudEvent;
import dvc766.contracts.events.EventType;
import dvc766.contracts.events.RuleSetData;
import dvc766.contracts.events.ScoreData;
import dvc766.contracts.events.Topics;
import dvc766.kit.events.EventJson;
import dvc766.testsupport.Contracts;
import dvc766.testsupport.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Rule set documents from dvc.rulesets.v1 on the public rule-set endpoints: thresholds, rules, bands, deadlines; newest version wins. */
@QuarkusTest
class RuleSetDocumentTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource ds;

    /** A small rule set in the indicator's format: DOSSIER_SATISFACTION scored against a threshold. */
    static Map<String, Object> document(String id, int version, double threshold) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", id);
        d.put("version", version);
        d.put("name", "Bộ chỉ số thử nghiệm");
        d.put("max", 24);
        d.put("levels", List.of("PROVINCE", "COMMUNE"));
        d.put("whenEmpty", "FULL");
        d.put("notApplicable", "EXCLUDE");
        d.put("groups", List.of(Map.of("code", "TDGQ", "name", "Tiến độ giải quyết", "max", 20),
                Map.of("code", "MDHL", "name", "Mức độ hài lòng", "max", 4)));
        d.put("indicators", List.of(
                Map.of("code", "ON_TIME_PROCESSING", "group", "TDGQ", "name", "Hồ sơ giải quyết trước hạn, đúng hạn", "max", 20, "rule", "LINEAR"),
                Map.of("code", "DOSSIER_SATISFACTION", "group", "MDHL", "name", "Mức độ hài lòng về tiếp nhận, giải quyết hồ sơ",
                        "max", 4, "rule", "THRESHOLD", "threshold", threshold, "levels", List.of("PROVINCE"))));
        d.put("bands", List.of(band("XUAT_SAC", "Xuất sắc", 90), band("TOT", "Tốt", 80), band("KHA", "Khá", 70),
                band("TRUNG_BINH", "Trung bình", 50), band("YEU", "Yếu", 0)));
        d.put("deadlines", Map.of("publishWorkingDaysBeforeEffective", Map.of("PROVINCE", 5, "MINISTRY", 20),
                "publicUpdateWorkingDaysAfterSigning", Map.of("PROVINCE", 5, "MINISTRY", 10), "petitionAnswerWorkingDays", 15,
                "petitionRefusalWorkingDays", 2, "petitionInfoRequestWorkingDays", 5, "petitionPublishAnswerWorkingDays", 2));
        return d;
    }

    static Map<String, Object> band(String code, String name, int minPercent) {
        return Map.of("code", code, "name", name, "minPercent", minPercent);
    }

    static String event(String id, int version, double threshold) {
        RuleSetData data = new RuleSetData(id, version, document(id, version, threshold),
                OffsetDateTime.of(2026, 11, 29, 3, version, 0, 0, ZoneOffset.UTC));
        String event = EventJson.write(CloudEvent.of(UUID.randomUUID().toString(), EventType.RULE_SET_STORED, "/dvc766/indicator",
                OffsetDateTime.now(ZoneOffset.UTC), id, data));
        Contracts.assertEventMatchesSchema(event);
        return event;
    }

    static JsonNode ruleSet(String id) {
        for (JsonNode r : Api.json(given().get("/public/v1/rulesets").then().statusCode(200).extract().response())) {
            if (id.equals(r.get("id").asText())) return r;
        }
        return null;
    }

    static JsonNode indicator(String ruleSet, String code) {
        for (JsonNode i : Api.json(given().queryParam("ruleSet", ruleSet).get("/public/v1/indicators"))) {
            if (code.equals(i.get("code").asText())) return i;
        }
        return null;
    }

    @Test
    void aStoredRuleSetReachesThePublicEndpointsWithItsThresholdsBandsAndDeadlines() {
        String id = "doc-" + Events.uniquePrefix().toLowerCase();
        // a score first: the definitions it carries are served until the document arrives
        ScoreData d = Events.scoreData(Events.uniquePrefix(), "2026-11", 1, "50", "TRUNG_BINH");
        KafkaProbe.send(Topics.SCORES, List.of(Events.valid(new ScoreData(d.unitCode(), d.period(), id, d.asOf(), d.evaluatedAt(),
                d.version(), d.total(), d.max(), d.band(), d.groups(), d.indicators()))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(indicator(id, "PETITION_ON_TIME")).isNotNull());
        assertThat(indicator(id, "PETITION_ON_TIME").get("rule").isNull()).isTrue();

        KafkaProbe.send(Topics.RULE_SETS, id, event(id, 1, 0.90));

        JsonNode sat = await().atMost(WAIT).until(() -> indicator(id, "DOSSIER_SATISFACTION"), i -> i != null);
        assertThat(sat.get("rule").asText()).isEqualTo("THRESHOLD");
        assertThat(Api.decimal(sat.get("threshold"))).isEqualByComparingTo("0.90");
        assertThat(sat.get("levels").toString()).isEqualTo("[\"PROVINCE\"]");
        assertThat(sat.get("group").asText()).isEqualTo("MDHL");
        assertThat(sat.get("name").asText()).isEqualTo("Mức độ hài lòng về tiếp nhận, giải quyết hồ sơ");
        // the document replaces what the scores carried: its two indicators, by group then code
        List<String> codes = new ArrayList<>();
        Api.json(given().queryParam("ruleSet", id).get("/public/v1/indicators")).forEach(i -> codes.add(i.get("code").asText()));
        assertThat(codes).containsExactly("DOSSIER_SATISFACTION", "ON_TIME_PROCESSING");
        assertThat(indicator(id, "ON_TIME_PROCESSING").get("rule").asText()).isEqualTo("LINEAR");
        assertThat(indicator(id, "ON_TIME_PROCESSING").get("threshold").isNull()).isTrue();

        JsonNode rs = ruleSet(id);
        assertThat(rs.get("version").asInt()).isEqualTo(1);
        assertThat(rs.get("name").asText()).isEqualTo("Bộ chỉ số thử nghiệm");
        assertThat(rs.get("whenEmpty").asText()).isEqualTo("FULL");
        assertThat(rs.get("notApplicable").asText()).isEqualTo("EXCLUDE");
        assertThat(rs.get("levels").toString()).isEqualTo("[\"PROVINCE\",\"COMMUNE\"]");
        assertThat(rs.get("indicatorCount").asInt()).isEqualTo(2);
        assertThat(Api.decimal(rs.get("max"))).isEqualByComparingTo("24");
        List<String> bands = new ArrayList<>();
        rs.get("bands").forEach(b -> bands.add(b.get("code").asText() + " " + b.get("name").asText() + " "
                + Api.decimal(b.get("minPercent")).toPlainString()));
        assertThat(bands).containsExactly("XUAT_SAC Xuất sắc 90", "TOT Tốt 80", "KHA Khá 70", "TRUNG_BINH Trung bình 50", "YEU Yếu 0");
        List<String> groups = new ArrayList<>();
        rs.get("groups").forEach(g -> groups.add(g.get("code").asText() + " " + Api.decimal(g.get("max")).toPlainString()));
        assertThat(groups).containsExactly("TDGQ 20", "MDHL 4");
        assertThat(rs.get("deadlines").get("petitionAnswerWorkingDays").asInt()).isEqualTo(15);
        assertThat(rs.get("deadlines").get("publishWorkingDaysBeforeEffective").get("MINISTRY").asInt()).isEqualTo(20);
    }

    @Test
    void aRedeliveredOrOlderVersionDoesNotOverrideANewerOne() throws SQLException {
        String id = "doc-" + Events.uniquePrefix().toLowerCase();
        String v2 = event(id, 2, 0.85);
        KafkaProbe.send(Topics.RULE_SETS, List.of(new ProducerRecord<>(Topics.RULE_SETS, id, event(id, 1, 0.90)),
                new ProducerRecord<>(Topics.RULE_SETS, id, v2)));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode sat = indicator(id, "DOSSIER_SATISFACTION");
            assertThat(sat).isNotNull();
            assertThat(Api.decimal(sat.get("threshold"))).isEqualByComparingTo("0.85");
        });

        // then the older version arrives late, and version 2 is redelivered with the same event id
        String late = event(id, 1, 0.50);
        KafkaProbe.send(Topics.RULE_SETS, List.of(new ProducerRecord<>(Topics.RULE_SETS, id, late),
                new ProducerRecord<>(Topics.RULE_SETS, id, v2)));
        String lateId = EventJson.read(late, RuleSetData.class).id();
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(count("SELECT count(*) FROM kit_processed_event WHERE event_id = ?", lateId)).isEqualTo(1));

        assertThat(Api.decimal(indicator(id, "DOSSIER_SATISFACTION").get("threshold"))).isEqualByComparingTo("0.85");
        assertThat(ruleSet(id).get("version").asInt()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM rule_set_document WHERE id = ? AND event_id = ?",
                id, EventJson.read(v2, RuleSetData.class).id())).isEqualTo(1);
    }

    @Test
    void anEventBreakingTheContractIsRejected() throws SQLException {
        String id = "doc-" + Events.uniquePrefix().toLowerCase();
        // data.version says 3, the document says 1: a consumer cannot tell which one is true
        RuleSetData data = new RuleSetData(id, 3, document(id, 1, 0.9), OffsetDateTime.now(ZoneOffset.UTC));
        KafkaProbe.send(Topics.RULE_SETS, id, EventJson.write(CloudEvent.of(UUID.randomUUID().toString(), EventType.RULE_SET_STORED,
                "/dvc766/indicator", OffsetDateTime.now(ZoneOffset.UTC), id, data)));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(count("SELECT count(*) FROM kit_rejected_event WHERE event_key = ? AND reason LIKE ?", id,
                        "%data.document.version%")).isEqualTo(1));
        assertThat(ruleSet(id)).isNull();
    }

    private long count(String sql, Object... args) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
