package dvc766.publication;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ValidationTest {

    @Test
    void aRankingNeedsAPeriod() {
        given().get("/public/v1/rankings").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dvc766:problem:validation"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("period"))
                .body("errors[0].rule", equalTo("required"));
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        given().queryParam("period", "2026-13").queryParam("level", "TOWN").queryParam("ruleSet", "no spaces!")
                .get("/public/v1/rankings").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("period", "level", "ruleSet"))
                .body("errors.find { it.field == 'level' }.rule", equalTo("enum"))
                .body("errors.find { it.field == 'level' }.message", containsString("COMMUNE"))
                .body("errors.find { it.field == 'period' }.rule", equalTo("format"));
    }

    @Test
    void aScorecardNeedsAValidPeriod() {
        given().queryParam("period", "november").get("/public/v1/units/38/scorecard").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("period"))
                .body("errors[0].rule", equalTo("format"));
        given().get("/public/v1/units/38/scorecard").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("period"))
                .body("errors[0].rule", equalTo("required"));
    }

    @Test
    void aLevelInAnotherCaseIsAccepted() {
        given().queryParam("period", "2026-11").queryParam("level", " commune ").get("/public/v1/rankings").then()
                .statusCode(200)
                .body("level", equalTo("COMMUNE"));
    }

    @Test
    void noScoreIsNotFound() {
        String unit = Events.uniquePrefix();
        given().queryParam("period", "2026-11").get("/public/v1/units/{code}/scorecard", unit).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dvc766:problem:not-found"))
                .body("detail", containsString(unit));
    }

    @Test
    void aKnownUnitWithoutAScoreForThePeriodIsNotFound() {
        String unit = Events.uniquePrefix();
        Events.sendScore(unit, "2026-10", 1, "50", "TRUNG_BINH");
        ScorecardTest.awaitScorecard(unit, "2026-10", c -> true);
        given().queryParam("period", "2026-11").get("/public/v1/units/{code}/scorecard", unit).then().statusCode(404);
        given().queryParam("period", "2026-10").queryParam("ruleSet", "other-2027")
                .get("/public/v1/units/{code}/scorecard", unit).then().statusCode(404);
    }
}
