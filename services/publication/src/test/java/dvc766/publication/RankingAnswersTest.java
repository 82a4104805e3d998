package dvc766.publication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dvc766.publication.messaging.EventMapper;
import dvc766.publication.messaging.ScoreChangeListener;
import dvc766.publication.store.ScorecardStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ranking pages are kept serialised between changes: every change of a ranked unit's score or of the tree must be
 * shown by the very next read, whether this instance applied it or another replica did (heard through NOTIFY).
 */
@QuarkusTest
class RankingAnswersTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ScorecardStore scorecards;

    @Inject
    ScoreChangeListener listener;

    @Test
    void aRankingReadRightAfterANewScoreShowsIt() {
        String p = Events.uniquePrefix();
        Events.sendUnit(p + ".01", "Hoằng Hóa", "DISTRICT", p, 1);
        Events.sendUnit(p + ".02", "Nga Sơn", "DISTRICT", p, 1);
        Events.sendScore(p + ".01", "2026-11", 1, "70", "KHA");
        Events.sendScore(p + ".02", "2026-11", 1, "60", "TRUNG_BINH");
        await().atMost(WAIT).until(() -> ranking(p).size() == 2);
        List<String> before = List.of("1 " + p + ".01 Hoằng Hóa 70 null", "2 " + p + ".02 Nga Sơn 60 null");
        assertThat(ranking(p)).isEqualTo(before);
        assertThat(ranking(p)).as("the kept answer").isEqualTo(before);

        Events.sendScore(p + ".02", "2026-11", 2, "75.5", "KHA");
        // the scorecard is read from the database every time: once it shows the score, the score is committed
        await().atMost(WAIT).until(() -> total(p + ".02").compareTo(new BigDecimal("75.5")) == 0);
        assertThat(ranking(p)).containsExactly("1 " + p + ".02 Nga Sơn 75.5 null", "2 " + p + ".01 Hoằng Hóa 70 null");

        // a new unit under the parent shows in noData, a renamed one under its new name
        Events.sendUnit(p + ".03", "Hà Trung", "DISTRICT", p, 1);
        Events.sendUnit(p + ".01", "Thị xã Hoằng Hóa", "DISTRICT", p, 2);
        await().atMost(WAIT).until(() -> given().get("/public/v1/units").asString().contains("Thị xã Hoằng Hóa"));
        Response r = Api.ranking("2026-11", "DISTRICT", p);
        assertThat(Api.rows(Api.json(r))).containsExactly("1 " + p + ".02 Nga Sơn 75.5 null",
                "2 " + p + ".01 Thị xã Hoằng Hóa 70 null");
        assertThat(Api.json(r).get("noData").get(0).get("unitCode").asText()).isEqualTo(p + ".03");
    }

    @Test
    void aChangeCommittedByAnotherReplicaReachesTheKeptAnswer() {
        await().atMost(WAIT).until(listener::listening);
        String p = Events.uniquePrefix();
        Events.sendUnit(p + ".01", "Tĩnh Gia", "DISTRICT", p, 1);
        Events.sendScore(p + ".01", "2026-11", 1, "50", "TRUNG_BINH");
        await().atMost(WAIT).until(() -> ranking(p).equals(List.of("1 " + p + ".01 Tĩnh Gia 50 null")));
        String etag = Api.ranking("2026-11", "DISTRICT", p).header("ETag");
        assertThat(given().header("If-None-Match", etag).queryParam("period", "2026-11").queryParam("level", "DISTRICT")
                .queryParam("parent", p).get("/public/v1/rankings").statusCode()).isEqualTo(304);

        // written straight to the read model, as a replica consuming the partition would: only its NOTIFY tells us
        var score = EventMapper.placedScore(Events.score(p + ".01", "2026-11", 2, "88", "TOT"));
        QuarkusTransaction.requiringNew().run(() -> scorecards.apply(score.value(), score.eventId()));
        await().atMost(WAIT).until(() -> ranking(p).equals(List.of("1 " + p + ".01 Tĩnh Gia 88 null")));
        assertThat(given().header("If-None-Match", etag).queryParam("period", "2026-11").queryParam("level", "DISTRICT")
                .queryParam("parent", p).get("/public/v1/rankings").statusCode()).isEqualTo(200);
    }

    @Test
    void eachPageIsKeptApart() {
        String p = Events.uniquePrefix();
        for (int i = 1; i <= 3; i++) {
            Events.sendUnit(p + ".0" + i, "Huyện " + i, "DISTRICT", p, 1);
            Events.sendScore(p + ".0" + i, "2026-11", 1, Integer.toString(60 + i), "KHA");
        }
        await().atMost(WAIT).until(() -> ranking(p).size() == 3);
        for (int round = 0; round < 2; round++) {
            assertThat(Api.rows(Api.json(page(p, 1, 0)))).containsExactly("1 " + p + ".03 Huyện 3 63 null");
            assertThat(Api.rows(Api.json(page(p, 2, 1)))).containsExactly("2 " + p + ".02 Huyện 2 62 null",
                    "3 " + p + ".01 Huyện 1 61 null");
            assertThat(Api.json(page(p, 5000, 0)).get("limit").asInt()).isEqualTo(1000);
        }
    }

    private static Response page(String parent, int limit, int offset) {
        return given().queryParam("period", "2026-11").queryParam("level", "DISTRICT").queryParam("parent", parent)
                .queryParam("limit", limit).queryParam("offset", offset).get("/public/v1/rankings");
    }

    private static List<String> ranking(String parent) {
        return Api.rows(Api.json(Api.ranking("2026-11", "DISTRICT", parent)));
    }

    private static BigDecimal total(String unit) {
        Response r = Api.scorecard(unit, "2026-11");
        return r.statusCode() == 200 ? Api.decimal(Api.json(r).get("total")) : BigDecimal.ZERO;
    }
}
