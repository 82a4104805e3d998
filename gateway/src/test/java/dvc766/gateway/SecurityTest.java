package dvc766.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who passes the gateway; a refused request never reaches a service. */
@QuarkusTest
class SecurityTest {

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                Arguments.of("no token", null),
                Arguments.of("expired", "Bearer " + TestTokens.expired("38")),
                Arguments.of("other issuer", "Bearer " + TestTokens.otherIssuer("38")),
                Arguments.of("other audience", "Bearer " + TestTokens.otherAudience("38")),
                Arguments.of("tampered", "Bearer " + TestTokens.tampered("38.SNV", "38")),
                Arguments.of("foreign key", "Bearer " + TestTokens.foreignKey("38")),
                Arguments.of("not a JWT", "Bearer not-a-token"),
                Arguments.of("basic credentials", "Basic ZGVtby1hZ2VuY3k6ZGVtby1hZ2VuY3ktc2VjcmV0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void apiRefusesWithoutAValidToken(String why, String authorization) {
        String marker = Backends.newMarker();
        var spec = given().header("X-Test-Marker", marker).contentType("application/json").body("{\"unitCode\":\"38\"}");
        if (authorization != null) {
            spec = spec.header("Authorization", authorization);
        }
        Response r = spec.put("/api/v1/dossiers/D-401");
        r.then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:dvc766:problem:unauthorized"))
                .body("status", equalTo(401));
        assertThat(Backends.seenAnywhere(marker)).as("a refused request reached a service").isZero();
    }

    @Test
    void validTokenPassesAndControlRequestReachesTheService() {
        // the same request as above with a good token does reach ingestion: the marker check can fail
        String marker = Backends.newMarker();
        given().header("X-Test-Marker", marker).auth().oauth2(TestTokens.agency("demo-agency", "38"))
                .contentType("application/json").body("{}").put("/api/v1/dossiers/D-200")
                .then().statusCode(200).body("service", equalTo("ingestion"));
        assertThat(Backends.seen("ingestion", marker)).isEqualTo(1);
    }

    @Test
    void tokenWithoutUnitIsForbidden() {
        String marker = Backends.newMarker();
        given().header("X-Test-Marker", marker).auth().oauth2(TestTokens.withoutUnit("stray-client"))
                .contentType("application/json").body("{}").put("/api/v1/dossiers/D-403")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dvc766:problem:forbidden"));
        given().header("X-Test-Marker", marker).auth().oauth2(TestTokens.withoutUnit("stray-client"))
                .get("/api/v1/submissions/x").then().statusCode(403);
        assertThat(Backends.seenAnywhere(marker)).isZero();
    }

    @Test
    void adminRoutesNeedRoleAdmin() {
        String marker = Backends.newMarker();
        for (String path : new String[] {"/api/v1/admin/units/38", "/api/v1/admin/rulesets/dvcqg-2026",
                "/api/v1/admin/holidays/2026", "/api/v1/admin/recompute"}) {
            given().header("X-Test-Marker", marker).auth().oauth2(TestTokens.agency("demo-agency", "38"))
                    .contentType("application/json").body("{}").put(path)
                    .then().statusCode(403).contentType("application/problem+json");
            given().header("X-Test-Marker", marker).auth().oauth2(TestTokens.official("monitor", "38", "monitor"))
                    .contentType("application/json").body("{}").put(path)
                    .then().statusCode(403);
        }
        assertThat(Backends.seenAnywhere(marker)).isZero();
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body("{}")
                .put("/api/v1/admin/units/38").then().statusCode(200).body("service", equalTo("ingestion"));
    }

    @Test
    void adminWithoutUnitMayUseTheAgencyApi() {
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/submissions/6f1c1a52")
                .then().statusCode(200).body("service", equalTo("ingestion"));
    }

    @Test
    void authorizationIsRelayedUnchanged() {
        String token = TestTokens.agency("demo-agency-snv", "38.SNV");
        given().auth().oauth2(token).get("/api/v1/submissions/abc")
                .then().statusCode(200)
                .body("headers.authorization[0]", equalTo("Bearer " + token));
    }

    @Test
    void publicPathIsAnonymousEvenWithABadToken() {
        given().get("/public/v1/units").then().statusCode(200).body("service", equalTo("publication"));
        // the public path does not judge tokens; the one sent is relayed as it came
        given().header("Authorization", "Bearer " + TestTokens.expired("38")).get("/public/v1/units")
                .then().statusCode(200).body("service", equalTo("publication"));
        given().contentType("application/json").body("{\"content\":\"Đường hỏng\"}").post("/public/v1/complaints")
                .then().statusCode(200).body("service", equalTo("complaint"));
    }
}
