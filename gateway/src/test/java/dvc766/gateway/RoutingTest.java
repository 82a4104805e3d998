package dvc766.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each path reaches the service that owns it, with path and query unchanged. */
@QuarkusTest
class RoutingTest {

    static final String AGENCY = TestTokens.agency("demo-agency", "38");
    static final String ADMIN = TestTokens.admin();
    static final String MONITOR = TestTokens.official("monitor", "38", "monitor");

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("GET", "/api/v1/admin/rulesets/dvcqg-2026?view=full", ADMIN, "indicator"),
                Arguments.of("PUT", "/api/v1/admin/holidays/2026", ADMIN, "indicator"),
                Arguments.of("POST", "/api/v1/admin/recompute?period=2026-11", ADMIN, "indicator"),
                Arguments.of("GET", "/api/v1/scores/38?period=2026-11&ruleSet=dvcqg-2026", AGENCY, "indicator"),
                Arguments.of("GET", "/api/v1/complaints?status=OPEN&page=2", MONITOR, "complaint"),
                Arguments.of("POST", "/api/v1/complaints/PAKN-1/answer", MONITOR, "complaint"),
                Arguments.of("POST", "/public/v1/complaints", null, "complaint"),
                Arguments.of("GET", "/public/v1/complaints/TRK-77", null, "complaint"),
                Arguments.of("GET", "/api/v1/watch/deadlines?unit=38", MONITOR, "publication"),
                Arguments.of("PUT", "/api/v1/admin/units/38.SNV", ADMIN, "ingestion"),
                Arguments.of("PUT", "/api/v1/dossiers/000.00.38.H56-240101-0001", AGENCY, "ingestion"),
                Arguments.of("POST", "/api/v1/dossiers:batch", AGENCY, "ingestion"),
                Arguments.of("PUT", "/api/v1/procedures/1.001234", AGENCY, "ingestion"),
                Arguments.of("POST", "/api/v1/procedures:batch", AGENCY, "ingestion"),
                Arguments.of("POST", "/api/v1/publishing-decisions", AGENCY, "ingestion"),
                Arguments.of("GET", "/api/v1/submissions/6f1c1a52-8a39-4c63-9d7e-6e1c3b1d2a10", AGENCY, "ingestion"),
                Arguments.of("GET", "/public/v1/units", null, "publication"),
                Arguments.of("GET", "/public/v1/rankings?period=2026-11&level=DISTRICT&parent=38&ruleSet=dvcqg-2026", null, "publication"),
                Arguments.of("GET", "/public/v1/units/38/scorecard?period=2026-Q4&asOf=2026-11-29T10:00:00%2B07:00", null, "publication"),
                Arguments.of("GET", "/", null, "publication"),
                Arguments.of("GET", "/assets/portal.js", null, "publication"),
                Arguments.of("GET", "/favicon.ico", null, "publication"));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @MethodSource("routes")
    void routesToTheOwningServiceWithPathAndQuery(String method, String uri, String token, String service) {
        RequestSpecification spec = given().urlEncodingEnabled(false);
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        if (!method.equals("GET")) {
            spec = spec.contentType("application/json").body("{\"x\":1}");
        }
        spec.request(method, uri)
                .then().statusCode(200)
                .header("X-Backend", service)
                .body("service", equalTo(service))
                .body("method", equalTo(method))
                .body("uri", equalTo(uri));
    }

    @Test
    void theMostSpecificPrefixWins() {
        // /api/v1/admin/units goes to ingestion although indicator owns other /api/v1/admin/* routes
        given().auth().oauth2(ADMIN).get("/api/v1/admin/units/38").then().statusCode(200).body("service", equalTo("ingestion"));
        given().auth().oauth2(ADMIN).get("/api/v1/admin/rulesets").then().statusCode(200).body("service", equalTo("indicator"));
        // /public/v1/complaints beats /public/
        given().get("/public/v1/complaints/X").then().statusCode(200).body("service", equalTo("complaint"));
    }

    @Test
    void unknownPathsAre404Problems() {
        given().get("/nothing-here").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dvc766:problem:not-found"))
                .body("status", equalTo(404));
        given().auth().oauth2(AGENCY).get("/api/v2/dossiers/D1").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(AGENCY).get("/api/v1/unknown").then().statusCode(404)
                .contentType("application/problem+json");
        // a prefix matches whole segments only
        given().auth().oauth2(AGENCY).get("/api/v1/dossiersX").then().statusCode(404);
        given().get("/index.html.bak").then().statusCode(404);
    }
}
