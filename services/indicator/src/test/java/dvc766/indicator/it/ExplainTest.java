package dvc766.indicator.it;

import static dvc766.indicator.it.Feed.complaint;
import static dvc766.indicator.it.Feed.counts;
import static dvc766.indicator.it.Feed.dossier;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The explain endpoint: which objects cost the points, paged, scoped to the caller's subtree, problems for bad input. */
@QuarkusTest
class ExplainTest {

    @Test
    void listsTheDossiersAndPaknBehindLostPointsOfTheSubtree() {
        String x = Feed.prefix();
        String p = x + "-P", h1 = x + ".H1", h2 = x + ".H2";
        Feed.send(List.of(Feed.unit(x, "PROVINCE", null, 1), Feed.unit(h1, "DISTRICT", x, 1), Feed.unit(h2, "DISTRICT", x, 1),
                Feed.procedure(p, 5, "WORKING_DAYS", true, 1),
                // deadline 24:00 Monday 10 March: a on time, b and c late
                dossier(x + "-a", p, h1, "2025-03-03T09:00+07:00").finished("2025-03-07T10:00+07:00").sent(),
                dossier(x + "-b", p, h1, "2025-03-03T09:00+07:00").finished("2025-03-12T10:00+07:00").sent(),
                dossier(x + "-c", p, h2, "2025-03-03T09:00+07:00").finished("2025-03-13T10:00+07:00").sent(),
                complaint(x + "-k", h2, "2025-03-03T09:00+07:00").answered("2025-03-26T10:00+07:00").published("2025-03-26T11:00+07:00").sent()));
        await().atMost(Duration.ofSeconds(30)).until(() -> counts(x, "2025-03", "ON_TIME_PROCESSING").equals("1/3")
                && counts(x, "2025-03", "PETITION_ON_TIME").equals("0/1"));

        given().auth().oauth2(TestTokens.admin()).queryParam("period", "2025-03").queryParam("indicator", "ON_TIME_PROCESSING")
                .get("/api/v1/scores/{unit}/explain", x)
                .then().statusCode(200).body("items.key", containsInAnyOrder(x + "-b", x + "-c"))
                .body("items.find { it.key == '" + x + "-b' }.why", equalTo("finished after its deadline"))
                .body("items.find { it.key == '" + x + "-b' }.procedureCode", equalTo(p))
                .body("items.find { it.key == '" + x + "-b' }.deadline", equalTo("2025-03-10T17:00:00Z"));
        // paged: one per page, in key order
        given().auth().oauth2(TestTokens.admin()).queryParam("period", "2025-03").queryParam("indicator", "ON_TIME_PROCESSING")
                .queryParam("page", 1).queryParam("size", 1).get("/api/v1/scores/{unit}/explain", x)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].key", equalTo(x + "-c")).body("size", equalTo(1));
        given().auth().oauth2(TestTokens.admin()).queryParam("period", "2025-03").queryParam("indicator", "ON_TIME_PROCESSING")
                .queryParam("size", 5000).get("/api/v1/scores/{unit}/explain", x).then().statusCode(200).body("size", equalTo(200));
        given().auth().oauth2(TestTokens.admin()).queryParam("period", "2025-03").queryParam("indicator", "PETITION_ON_TIME")
                .get("/api/v1/scores/{unit}/explain", x)
                .then().statusCode(200).body("items[0].key", equalTo(x + "-k")).body("items[0].why", equalTo("answered late"));

        // an agency of H1 sees H1's late dossier only, and nothing of H2 or the province
        given().auth().oauth2(TestTokens.agency("agency-h1", h1)).queryParam("period", "2025-03").queryParam("indicator", "ON_TIME_PROCESSING")
                .get("/api/v1/scores/{unit}/explain", h1).then().statusCode(200).body("items.key", containsInAnyOrder(x + "-b"));
        given().auth().oauth2(TestTokens.agency("agency-h1", h1)).queryParam("period", "2025-03").queryParam("indicator", "ON_TIME_PROCESSING")
                .get("/api/v1/scores/{unit}/explain", x).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.withoutUnit("nobody")).queryParam("period", "2025-03").queryParam("indicator", "ON_TIME_PROCESSING")
                .get("/api/v1/scores/{unit}/explain", h1).then().statusCode(403);
        given().queryParam("period", "2025-03").queryParam("indicator", "ON_TIME_PROCESSING")
                .get("/api/v1/scores/{unit}/explain", h1).then().statusCode(401);

        // bad input: every bad field named
        List<String> fields = given().auth().oauth2(TestTokens.admin()).queryParam("period", "2025-13").queryParam("indicator", "NOPE")
                .queryParam("page", -1).get("/api/v1/scores/{unit}/explain", x)
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath().getList("errors.field");
        assertThat(fields).containsExactlyInAnyOrder("period", "indicator", "page");
    }
}
