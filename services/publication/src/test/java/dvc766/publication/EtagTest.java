package dvc766.publication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EtagTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aScorecardIsNotSentAgainUntilItChanges() {
        String unit = Events.uniquePrefix();
        Events.sendScore(unit, "2026-11", 1, "70", "KHA");
        ScorecardTest.awaitScorecard(unit, "2026-11", c -> true);

        Response first = Api.scorecard(unit, "2026-11");
        String etag = first.header("ETag");
        assertThat(etag).startsWith("W/\"");
        assertThat(first.header("Cache-Control")).contains("no-cache");

        Response again = given().header("If-None-Match", etag).queryParam("period", "2026-11")
                .get("/public/v1/units/{code}/scorecard", unit);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.asString()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
        // one of several tags, and the strong form of the same tag, match too (weak comparison)
        assertThat(given().header("If-None-Match", "W/\"other\", " + etag).queryParam("period", "2026-11")
                .get("/public/v1/units/{code}/scorecard", unit).statusCode()).isEqualTo(304);
        assertThat(given().header("If-None-Match", etag.substring(2)).queryParam("period", "2026-11")
                .get("/public/v1/units/{code}/scorecard", unit).statusCode()).isEqualTo(304);

        Events.sendScore(unit, "2026-11", 2, "71", "KHA");
        await().atMost(WAIT).until(() -> given().header("If-None-Match", etag).queryParam("period", "2026-11")
                .get("/public/v1/units/{code}/scorecard", unit).statusCode() == 200);
        Response changed = Api.scorecard(unit, "2026-11");
        assertThat(Api.decimal(Api.json(changed).get("total"))).isEqualByComparingTo(new BigDecimal("71"));
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void aRankingIsNotSentAgainUntilOneOfItsUnitsChanges() {
        String p = Events.uniquePrefix();
        Events.sendUnit(p + ".01", "Quảng Xương", "DISTRICT", p, 1);
        Events.sendScore(p + ".01", "2026-11", 1, "70", "KHA");
        await().atMost(WAIT).until(() -> Api.rows(Api.json(Api.ranking("2026-11", "DISTRICT", p)))
                .equals(List.of("1 " + p + ".01 Quảng Xương 70 null")));
        String etag = Api.ranking("2026-11", "DISTRICT", p).header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(ranking(p, etag).statusCode()).isEqualTo(304);

        // the previous period's total changes the answer (change), so it changes the tag
        Events.sendScore(p + ".01", "2026-10", 1, "60", "TRUNG_BINH");
        await().atMost(WAIT).until(() -> ranking(p, etag).statusCode() == 200);
        Response r = Api.ranking("2026-11", "DISTRICT", p);
        assertThat(Api.rows(Api.json(r))).containsExactly("1 " + p + ".01 Quảng Xương 70 10");
        String etag2 = r.header("ETag");
        assertThat(ranking(p, etag2).statusCode()).isEqualTo(304);

        // so does a new name of a ranked unit
        Events.sendUnit(p + ".01", "Thị xã Quảng Xương", "DISTRICT", p, 2);
        await().atMost(WAIT).until(() -> ranking(p, etag2).statusCode() == 200);
        assertThat(Api.rows(Api.json(Api.ranking("2026-11", "DISTRICT", p))))
                .containsExactly("1 " + p + ".01 Thị xã Quảng Xương 70 10");
    }

    @Test
    void theUnitListIsNotSentAgainUntilAUnitChanges() {
        String p = Events.uniquePrefix();
        Events.sendUnit(p, "Tỉnh Kiểm Thử", "PROVINCE", null, 1);
        await().atMost(WAIT).until(() -> given().get("/public/v1/units").asString().contains(p));
        String etag = given().get("/public/v1/units").header("ETag");
        assertThat(given().header("If-None-Match", etag).get("/public/v1/units").statusCode()).isEqualTo(304);
        Events.sendUnit(p + ".01", "Xã Mới", "COMMUNE", p, 1);
        await().atMost(WAIT).until(() -> given().header("If-None-Match", etag).get("/public/v1/units").statusCode() == 200);
    }

    private static Response ranking(String parent, String etag) {
        return given().header("If-None-Match", etag).queryParam("period", "2026-11").queryParam("level", "DISTRICT")
                .queryParam("parent", parent).get("/public/v1/rankings");
    }
}
