package dvc766.indicator.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import dvc766.testsupport.Contracts;
import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The HTTP surface: platform endpoints, the OpenAPI contract, security and validation of the read endpoints. */
@QuarkusTest
class ApiTest {

    @Test
    void readyWithDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void servedOpenApiMatchesTheContract() {
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        Contracts.assertOpenApiMatches("indicator", served);
    }

    @Test
    void scoresNeedAToken() {
        given().queryParam("period", "2025-03").get("/api/v1/scores/38").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void scoresNeedMonitorAdminOrAgency() {
        given().auth().oauth2(TestTokens.official("an-official", "38", "official")).queryParam("period", "2025-03")
                .get("/api/v1/scores/38").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.otherAudience("38")).queryParam("period", "2025-03")
                .get("/api/v1/scores/38").then().statusCode(401);
    }

    @Test
    void everyBadParameterIsNamed() {
        given().auth().oauth2(TestTokens.official("m", "38", "monitor")).queryParam("period", "2025-13").queryParam("ruleSet", "nope")
                .get("/api/v1/scores/38").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:dvc766:problem:validation"))
                .body("errors.field", hasItems("period", "ruleSet"));
        given().auth().oauth2(TestTokens.agency("demo-agency", "38"))
                .get("/api/v1/scores/38").then().statusCode(400)
                .body("errors.field", hasItems("period"));
    }

    @Test
    void noScoreIsA404Problem() {
        given().auth().oauth2(TestTokens.agency("demo-agency", "38")).queryParam("period", "2025-03")
                .get("/api/v1/scores/NO-SUCH-UNIT").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:dvc766:problem:not-found"));
    }

    @Test
    void theActiveRuleSetIsReadable() {
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/rulesets/dvcqg-2026").then().statusCode(200)
                .body("id", equalTo("dvcqg-2026"))
                .body("indicators", hasSize(24))
                .body("groups.code", hasItems("CKMB", "TDGQ", "CLGQ", "TTTT", "MDSH", "MDHL"))
                .body("bands.name", hasItems("Xuất sắc", "Yếu"))
                .body("computedIndicators", hasItems("ON_TIME_PROCESSING", "DOSSIER_SYNC"));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/rulesets/nope").then().statusCode(404);
    }
}
