package dvc766.indicator.it;

import static dvc766.indicator.it.Feed.dossier;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dvc766.contracts.events.Topics;
import dvc766.testsupport.Contracts;
import dvc766.testsupport.KafkaProbe;
import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Rule sets stored by an administrator: validation, storage, the history recomputed under them, side by side with the default. */
@QuarkusTest
class RuleSetAdminTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource ds;

    static ObjectNode bundled() throws Exception {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("rulesets/dvcqg-2026.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    static ObjectNode indicator(ObjectNode rs, String code) {
        for (JsonNode i : rs.withArray("indicators")) if (i.path("code").asText().equals(code)) return (ObjectNode) i;
        throw new AssertionError(code);
    }

    static Response put(String id, Object body) {
        return given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(body.toString()).put("/api/v1/admin/rulesets/{id}", id);
    }

    static JsonPath score(String unit, String period, String ruleSet) {
        Response r = given().auth().oauth2(TestTokens.admin()).queryParam("period", period).queryParam("ruleSet", ruleSet)
                .get("/api/v1/scores/{unit}", unit);
        if (r.statusCode() == 404) return null;
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return r.jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static BigDecimal onTimePoints(JsonPath s) {
        return Feed.decimal(s, "indicators.find { it.code == 'ON_TIME_PROCESSING' }.points");
    }

    @Test
    void theBundledRuleSetIsSeededIntoTheDatabase() throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT bundled, version, document->>'name' FROM rule_set WHERE id = 'dvcqg-2026'"); ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
            assertThat(rs.getInt(2)).isEqualTo(1);
            assertThat(rs.getString(3)).isEqualTo("Bộ chỉ số 766 như Cổng DVCQG công bố (2026)");
        }
    }

    @Test
    void theSeededRuleSetIsAnnouncedWithItsWholeDocument() throws Exception {
        List<ConsumerRecord<String, String>> events = KafkaProbe.await(Topics.RULE_SETS, r -> r.key().equals("dvcqg-2026"), 1, WAIT);
        Contracts.assertEventMatchesSchema(events.get(0).value());
        JsonNode data = JSON.readTree(events.get(0).value()).path("data");
        assertThat(data.path("version").asInt()).isEqualTo(1);
        assertThat(data.path("document")).isEqualTo(JSON.readTree(JSON.writeValueAsString(bundled())));
    }

    @Test
    void aNewRuleSetRecomputesTheHistoryAndIsReadSideBySideWithTheDefault() throws Exception {
        String x = Feed.prefix();
        String p = x + "-P";
        // one on time, one late: ON_TIME_PROCESSING 1/2, 10 of 20 points under the default (linear)
        Feed.send(Feed.unit(x, "PROVINCE", null, 1), Feed.procedure(p, 5, "WORKING_DAYS", false, 1),
                dossier(x + "-a", p, x, "2025-03-03T09:00+07:00").finished("2025-03-05T10:00+07:00").sent(),
                dossier(x + "-b", p, x, "2025-03-03T09:00+07:00").finished("2025-03-20T10:00+07:00").sent());
        await().atMost(WAIT).untilAsserted(() -> assertThat(Feed.counts(x, "2025-03", "ON_TIME_PROCESSING")).isEqualTo("1/2"));

        // the same index with ON_TIME_PROCESSING scored by a 0.5 threshold: 1/2 is worth all 20 points
        String id = "alt-" + x.toLowerCase();
        ObjectNode alt = bundled();
        alt.put("id", id).put("name", "Thử nghiệm: ngưỡng 50% cho hồ sơ đúng hạn");
        indicator(alt, "ON_TIME_PROCESSING").put("rule", "THRESHOLD").put("threshold", 0.5);
        put(id, alt).then().statusCode(201).contentType("application/json")
                .body("id", equalTo(id)).body("effect", equalTo("CREATED")).body("recomputeQueued", greaterThanOrEqualTo(1));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath s = score(x, "2025-03", id);
            assertThat(s).isNotNull();
            assertThat(s.getString("ruleSet")).isEqualTo(id);
            assertThat(onTimePoints(s)).isEqualByComparingTo("20");
        });
        assertThat(score(x, "2025-Q1", id)).isNotNull();
        assertThat(score(x, "2025", id)).isNotNull();
        // side by side: the default's score is untouched
        assertThat(onTimePoints(score(x, "2025-03", Feed.RULE_SET))).isEqualByComparingTo("10");
        // published like the default's, each event naming its rule set
        List<ConsumerRecord<String, String>> events = KafkaProbe.await(Topics.SCORES, r -> r.key().equals(x + "/2025-03/" + id), 1, WAIT);
        assertThat(events).hasSize(1);
        Contracts.assertEventMatchesSchema(events.get(0).value());
        assertThat(JSON.readTree(events.get(0).value()).path("data").path("ruleSet").asText()).isEqualTo(id);

        // new data is scored under both from now on
        Feed.send(dossier(x + "-c", p, x, "2025-03-04T09:00+07:00").finished("2025-03-25T10:00+07:00").sent());
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(Feed.counts(x, "2025-03", "ON_TIME_PROCESSING")).isEqualTo("1/3");
            // 1/3 against a 0.5 threshold: 20 × (1/3) / 0.5 = 13.33…
            assertThat(onTimePoints(score(x, "2025-03", id))).isEqualByComparingTo("13.33333333333333333333333333333333");
        });

        // the same document again changes nothing; a changed document needs a higher version
        put(id, alt).then().statusCode(200).body("effect", equalTo("UNCHANGED")).body("recomputeQueued", equalTo(0));
        indicator(alt, "ON_TIME_PROCESSING").put("threshold", 0.25);
        put(id, alt).then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItems("version"));
        alt.put("version", 2);
        put(id, alt).then().statusCode(200).body("effect", equalTo("UPDATED")).body("version", equalTo(2));
        // each stored version is announced once (the unchanged and the refused PUT announce nothing), document and all
        List<ConsumerRecord<String, String>> stored = KafkaProbe.await(Topics.RULE_SETS, r -> r.key().equals(id), 2, WAIT);
        assertThat(stored).hasSize(2);
        stored.forEach(r -> Contracts.assertEventMatchesSchema(r.value()));
        JsonNode v2 = JSON.readTree(stored.get(1).value()).path("data");
        assertThat(v2.path("version").asInt()).isEqualTo(2);
        JsonNode onTime = null;
        for (JsonNode i : v2.path("document").path("indicators")) if (i.path("code").asText().equals("ON_TIME_PROCESSING")) onTime = i;
        assertThat(onTime.path("rule").asText()).isEqualTo("THRESHOLD");
        assertThat(onTime.path("threshold").decimalValue()).isEqualByComparingTo("0.25");
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/rulesets/{id}", id).then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void aBrokenRuleSetIsRefusedWithEveryProblemNamed() throws Exception {
        ObjectNode rs = bundled();
        rs.put("id", "other-id").put("max", 90);
        indicator(rs, "DIGITIZATION").put("threshold", 1.5);
        indicator(rs, "PUBLIC_CONTENT_FULL").set("levels", JSON.createArrayNode().add("PROVINCE").add("HAMLET"));
        ((ArrayNode) rs.withArray("indicators")).add(JSON.createObjectNode().put("code", "QUEUE_LENGTH").put("group", "TDGQ").put("name", "x")
                .put("max", 0).put("rule", "SHOWN"));
        put("broken-one", rs).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:dvc766:problem:validation"))
                .body("errors.field", hasItems("id", "max", "indicators[14].threshold", "indicators[2].levels[1]", "indicators[24].code"))
                .body("errors.rule", hasItems("matches-path", "sum", "range", "known-level", "known-indicator"));
        // unreadable JSON and unknown properties name the place
        put("broken-one", "{\"id\": ").then().statusCode(400).contentType("application/problem+json");
        put("broken-one", "{\"id\": \"broken-one\", \"colour\": \"red\"}").then().statusCode(400).body("errors.field", hasItems("colour"));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/rulesets/broken-one").then().statusCode(404);
    }

    @Test
    void otherDeadlinesAreAcceptedAndOnlyMissingOrOutOfRangeOnesRefused() throws Exception {
        String x = Feed.prefix();
        // answered on the 13th working day: on time in 15 working days (the default), late in 12
        Feed.send(Feed.unit(x, "PROVINCE", null, 1),
                Feed.complaint(x + "-k", x, "2025-03-03T09:00+07:00").answered("2025-03-20T10:00+07:00").published("2025-03-20T11:00+07:00").sent());
        await().atMost(WAIT).untilAsserted(() -> assertThat(Feed.counts(x, "2025-03", "PETITION_ON_TIME")).isEqualTo("1/1"));
        String id = "twelve-days-for-pakn-" + x.toLowerCase();
        ObjectNode rs = bundled();
        rs.put("id", id);
        ((ObjectNode) rs.get("deadlines")).put("petitionAnswerWorkingDays", 12);
        put(id, rs).then().statusCode(201).body("effect", equalTo("CREATED"));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/rulesets/{id}", id).then().statusCode(200)
                .body("deadlines.petitionAnswerWorkingDays", equalTo(12));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Feed.counts(x, "2025-03", "PETITION_ON_TIME", id)).isEqualTo("0/1"));
        assertThat(Feed.counts(x, "2025-03", "PETITION_ON_TIME")).isEqualTo("1/1");

        // missing or out-of-range parameters are still refused, each named
        ObjectNode bad = bundled();
        bad.put("id", "broken-deadlines");
        ((ObjectNode) bad.get("deadlines")).put("petitionAnswerWorkingDays", 0);
        ((ObjectNode) bad.get("deadlines")).remove("publishWorkingDaysBeforeEffective");
        put("broken-deadlines", bad).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("deadlines.petitionAnswerWorkingDays", "deadlines.publishWorkingDaysBeforeEffective"));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/rulesets/broken-deadlines").then().statusCode(404);
    }

    @Test
    void onlyAnAdministratorStoresOrRecomputes() throws Exception {
        given().auth().oauth2(TestTokens.official("m", "38", "monitor")).contentType("application/json").body(bundled().toString())
                .put("/api/v1/admin/rulesets/dvcqg-2026").then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/json").body("{\"ruleSet\":\"dvcqg-2026\"}").post("/api/v1/admin/recompute").then().statusCode(401);
        given().auth().oauth2(TestTokens.agency("demo-agency", "38")).contentType("application/json").body("{\"ruleSet\":\"dvcqg-2026\"}")
                .post("/api/v1/admin/recompute").then().statusCode(403);
    }

    @Test
    void aRecomputeOrderIsValidatedAndQueued() {
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("{\"ruleSet\":\"nope\",\"periods\":[\"2025-13\",\"2025-01-01..2025-01-31\"],\"units\":[\"\"]}")
                .post("/api/v1/admin/recompute").then().statusCode(400)
                .body("errors.field", hasItems("ruleSet", "periods[0]", "periods[1]", "units[0]"));
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("{\"ruleSet\":\"dvcqg-2026\",\"periods\":[\"2025-03\"],\"units\":[\"NO-SUCH-UNIT\"]}")
                .post("/api/v1/admin/recompute").then().statusCode(202).body("ruleSet", equalTo("dvcqg-2026")).body("queued", equalTo(0));
    }
}
