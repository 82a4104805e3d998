package dvc766.publication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dvc766.contracts.events.ScoreData;
import dvc766.contracts.events.Topics;
import dvc766.testsupport.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule sets and indicators, rankings with group points and "no data", pages, as-of scorecards and history series. */
@QuarkusTest
class PortalApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void ruleSetsAndIndicatorsAreWhatThePublishedScoresCarry() {
        String rs = "t-" + Events.uniquePrefix().toLowerCase();
        ScoreData d = Events.scoreData(Events.uniquePrefix(), "2026-11", 1, "50", "TRUNG_BINH");
        ScoreData data = new ScoreData(d.unitCode(), d.period(), rs, d.asOf(), d.evaluatedAt(), d.version(), d.total(), d.max(),
                d.band(), d.groups(), d.indicators());
        KafkaProbe.send(Topics.SCORES, List.of(Events.valid(data)));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode list = Api.json(given().get("/public/v1/rulesets").then().statusCode(200).extract().response());
            JsonNode mine = null;
            for (JsonNode r : list) if (rs.equals(r.get("id").asText())) mine = r;
            assertThat(mine).as("rule set %s listed in %s", rs, list).isNotNull();
            assertThat(mine.get("defaultRuleSet").asBoolean()).isFalse();
            assertThat(mine.get("indicatorCount").asInt()).isEqualTo(3);
            List<String> groups = new ArrayList<>();
            for (JsonNode g : mine.get("groups")) {
                groups.add(g.get("code").asText() + " " + g.get("name").asText() + " " + Api.decimal(g.get("max")).toPlainString());
            }
            assertThat(groups).containsExactly("MDHL Mức độ hài lòng 18", "TDGQ Tiến độ giải quyết 20");
            assertThat(mine.get("bands").get(0).get("code").asText()).isEqualTo("XUAT_SAC");
            assertThat(mine.get("bands").get(0).get("name").asText()).isEqualTo("Xuất sắc");
        });
        JsonNode indicators = Api.json(given().queryParam("ruleSet", rs).get("/public/v1/indicators"));
        List<String> rows = new ArrayList<>();
        for (JsonNode i : indicators) {
            rows.add(i.get("group").asText() + " " + i.get("code").asText() + " " + Api.decimal(i.get("max")).toPlainString()
                    + " " + i.get("name").asText());
        }
        assertThat(rows).containsExactly(
                "CKMB PUBLIC_CONTENT_FULL 2 TTHC được công khai đầy đủ các bộ phận",
                "MDHL PETITION_ON_TIME 6 PAKN được xử lý đúng hạn",
                "TDGQ ON_TIME_PROCESSING 10 Hồ sơ giải quyết trước hạn, đúng hạn");
        assertThat(Api.json(given().queryParam("ruleSet", "no-such-" + rs).get("/public/v1/indicators"))).isEmpty();
        Response bad = given().queryParam("ruleSet", "bad rule set!").get("/public/v1/indicators");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("ruleSet");
    }

    @Test
    void aRankingShowsGroupPointsPagesAndUnitsWithoutData() {
        String p = Events.uniquePrefix();
        Events.sendUnit(p, "Tỉnh Thử", "PROVINCE", null, 1);
        Events.sendUnit(p + ".01", "Hà Trung", "DISTRICT", p, 1);
        Events.sendUnit(p + ".02", "Đông Sơn", "DISTRICT", p, 1);
        Events.sendUnit(p + ".03", "Thường Xuân", "DISTRICT", p, 1);
        Events.sendUnit(p + ".04", "Bá Thước", "DISTRICT", p, 1);
        Events.sendScore(p + ".01", "2026-11", 1, "80", "TOT");
        Events.sendScore(p + ".02", "2026-11", 1, "0", "YEU"); // zero is a score, not "no data"
        Events.sendScore(p + ".03", "2026-11", 1, "90", "XUAT_SAC");

        JsonNode ranking = await().atMost(WAIT).until(() -> Api.json(Api.ranking("2026-11", "DISTRICT", p)),
                r -> r.get("items").size() == 3 && r.get("noData").size() == 1);
        assertThat(ranking.get("count").asInt()).isEqualTo(3);
        assertThat(ranking.get("offset").asInt()).isZero();
        assertThat(ranking.get("limit").asInt()).isEqualTo(1000);
        assertThat(Api.rows(ranking)).containsExactly(
                "1 " + p + ".03 Thường Xuân 90 null", "2 " + p + ".01 Hà Trung 80 null", "3 " + p + ".02 Đông Sơn 0 null");
        assertThat(ranking.get("noData").get(0).get("unitCode").asText()).isEqualTo(p + ".04");
        assertThat(ranking.get("noData").get(0).get("name").asText()).isEqualTo("Bá Thước");
        JsonNode groups = ranking.get("items").get(0).get("groups");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).get("code").asText()).isEqualTo("TDGQ");
        assertThat(Api.decimal(groups.get(0).get("points"))).isEqualByComparingTo("18.50");
        assertThat(Api.decimal(groups.get(0).get("max"))).isEqualByComparingTo("20");

        // a page: ranks stay those of the whole ranking; a limit above the maximum is clamped
        JsonNode page = Api.json(given().queryParam("period", "2026-11").queryParam("level", "DISTRICT").queryParam("parent", p)
                .queryParam("limit", 1).queryParam("offset", 1).get("/public/v1/rankings"));
        assertThat(Api.rows(page)).containsExactly("2 " + p + ".01 Hà Trung 80 null");
        assertThat(page.get("count").asInt()).isEqualTo(3);
        JsonNode clamped = Api.json(given().queryParam("period", "2026-11").queryParam("parent", p)
                .queryParam("limit", 1_000_000).get("/public/v1/rankings"));
        assertThat(clamped.get("limit").asInt()).isEqualTo(1000);
        JsonNode beyond = Api.json(given().queryParam("period", "2026-11").queryParam("parent", p)
                .queryParam("offset", 50).get("/public/v1/rankings"));
        assertThat(beyond.get("items")).isEmpty();
        Response bad = given().queryParam("period", "2026-11").queryParam("limit", 0).queryParam("offset", "x")
                .get("/public/v1/rankings");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("\"limit\"").contains("\"offset\"");

        // the unit without data gets a score: it leaves noData and enters the ranking (and the ETag changes)
        String etag = Api.ranking("2026-11", "DISTRICT", p).header("ETag");
        Events.sendScore(p + ".04", "2026-11", 1, "70.5", "KHA");
        await().atMost(WAIT).until(() -> given().header("If-None-Match", etag).queryParam("period", "2026-11")
                .queryParam("level", "DISTRICT").queryParam("parent", p).get("/public/v1/rankings").statusCode() == 200);
        JsonNode after = Api.json(Api.ranking("2026-11", "DISTRICT", p));
        assertThat(after.get("noData")).isEmpty();
        assertThat(after.get("count").asInt()).isEqualTo(4);
    }

    @Test
    void asOfAnswersTheScorecardAsPublishedAtThatInstant() {
        String unit = Events.uniquePrefix();
        Events.sendUnit(unit, "Huyện Đông Sơn", "DISTRICT", "38", 1);
        // asOf of version v is AS_OF + v minutes
        Events.sendScore(unit, "2026-11", 1, "60", "TRUNG_BINH");
        Events.sendScore(unit, "2026-11", 2, "65.5", "TRUNG_BINH");
        Events.sendScore(unit, "2026-11", 3, "72", "KHA");
        ScorecardTest.awaitScorecard(unit, "2026-11", c -> Api.decimal(c.get("total")).compareTo(new BigDecimal("72")) == 0);

        assertThat(totalAsOf(unit, Events.AS_OF.plusMinutes(2).plusSeconds(30).toString())).isEqualByComparingTo("65.5");
        assertThat(totalAsOf(unit, Events.AS_OF.plusMinutes(2).toString())).as("at the instant itself").isEqualByComparingTo("65.5");
        assertThat(totalAsOf(unit, Events.AS_OF.plusMinutes(1).withOffsetSameInstant(java.time.ZoneOffset.ofHours(7)).toString()))
                .isEqualByComparingTo("60");
        assertThat(totalAsOf(unit, "2030-01-01T00:00:00Z")).isEqualByComparingTo("72");
        Response past = given().queryParam("period", "2026-11").queryParam("asOf", Events.AS_OF.plusMinutes(2).toString())
                .get("/public/v1/units/{code}/scorecard", unit);
        JsonNode card = Api.json(past);
        assertThat(card.get("name").asText()).isEqualTo("Huyện Đông Sơn");
        assertThat(card.get("band").asText()).isEqualTo("TRUNG_BINH");
        assertThat(java.time.OffsetDateTime.parse(card.get("asOf").asText()).toInstant())
                .isEqualTo(Events.AS_OF.plusMinutes(2).toInstant());
        // a past answer never changes: its tag holds
        assertThat(given().header("If-None-Match", past.header("ETag")).queryParam("period", "2026-11")
                .queryParam("asOf", Events.AS_OF.plusMinutes(2).toString()).get("/public/v1/units/{code}/scorecard", unit)
                .statusCode()).isEqualTo(304);

        Response before = given().queryParam("period", "2026-11").queryParam("asOf", Events.AS_OF.toString())
                .get("/public/v1/units/{code}/scorecard", unit);
        assertThat(before.statusCode()).isEqualTo(404);
        assertThat(before.contentType()).startsWith("application/problem+json");
        Response bad = given().queryParam("period", "2026-11").queryParam("asOf", "yesterday")
                .get("/public/v1/units/{code}/scorecard", unit);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("\"asOf\"");
    }

    @Test
    void historyListsEveryPeriodWithNoDataApartFromZero() {
        String unit = Events.uniquePrefix();
        Events.sendUnit(unit, "Thị xã Nghi Sơn", "DISTRICT", "38", 1);
        Events.sendScore(unit, "2026-09", 1, "61", "TRUNG_BINH");
        Events.sendScore(unit, "2026-11", 1, "0", "YEU");
        Events.sendScore(unit, "2026-Q3", 1, "66", "TRUNG_BINH");
        ScorecardTest.awaitScorecard(unit, "2026-Q3", c -> true);
        ScorecardTest.awaitScorecard(unit, "2026-11", c -> true);
        ScorecardTest.awaitScorecard(unit, "2026-09", c -> true);

        JsonNode h = Api.json(given().queryParam("from", "2026-08").queryParam("to", "2026-11")
                .get("/public/v1/units/{code}/history", unit).then().statusCode(200).extract().response());
        assertThat(h.get("unitCode").asText()).isEqualTo(unit);
        assertThat(h.get("name").asText()).isEqualTo("Thị xã Nghi Sơn");
        assertThat(h.get("granularity").asText()).isEqualTo("month");
        assertThat(h.get("from").asText()).isEqualTo("2026-08");
        assertThat(h.get("to").asText()).isEqualTo("2026-11");
        assertThat(points(h)).containsExactly("2026-08 null", "2026-09 61", "2026-10 null", "2026-11 0");
        assertThat(h.get("points").get(1).get("groups")).hasSize(2);
        assertThat(h.get("points").get(1).get("band").asText()).isEqualTo("TRUNG_BINH");

        JsonNode quarters = Api.json(given().queryParam("from", "2026-07-15").queryParam("to", "2026")
                .queryParam("granularity", "quarter").get("/public/v1/units/{code}/history", unit));
        assertThat(points(quarters)).containsExactly("2026-Q3 66", "2026-Q4 null");

        Response bad = given().queryParam("from", "2026-12").queryParam("to", "2026-01").queryParam("granularity", "week")
                .get("/public/v1/units/{code}/history", unit);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("\"granularity\"");
        Response reversed = given().queryParam("from", "2026-12").queryParam("to", "2026-01")
                .get("/public/v1/units/{code}/history", unit);
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.asString()).contains("\"from\"").contains("order");
        Response tooLong = given().queryParam("from", "2000-01").queryParam("to", "2026-01")
                .get("/public/v1/units/{code}/history", unit);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.asString()).contains("range");
        // twelve months by default, up to the current one
        assertThat(Api.json(given().get("/public/v1/units/{code}/history", unit)).get("points")).hasSize(12);
    }

    private static BigDecimal totalAsOf(String unit, String asOf) {
        Response r = given().queryParam("period", "2026-11").queryParam("asOf", asOf).get("/public/v1/units/{code}/scorecard", unit);
        assertThat(r.statusCode()).as("as of %s: %s", asOf, r.asString()).isEqualTo(200);
        return Api.decimal(Api.json(r).get("total"));
    }

    private static List<String> points(JsonNode history) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : history.get("points")) {
            BigDecimal t = Api.decimal(p.get("total"));
            out.add(p.get("period").asText() + " " + (t == null ? "null" : t.stripTrailingZeros().toPlainString()));
        }
        return out;
    }
}
