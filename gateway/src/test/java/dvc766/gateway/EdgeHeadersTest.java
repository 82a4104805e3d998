package dvc766.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dvc766.gateway.api.EdgeHeaders;
import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Security headers on every answer, CORS for the configured portal origin only, RateLimit headers. */
@QuarkusTest
class EdgeHeadersTest {

    static final String PORTAL = "https://portal.example.vn";
    static final String AGENCY = TestTokens.agency("demo-agency", "38");

    static void hardened(Response r) {
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Content-Security-Policy")).isEqualTo(EdgeHeaders.CSP).contains("frame-ancestors 'none'");
        // plain HTTP here, and the caller is not a trusted proxy: its X-Forwarded-Proto cannot turn HSTS on
        assertThat(r.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void everyKindOfAnswerIsHardened() {
        Response proxied = given().header("X-Forwarded-Proto", "https").get("/public/v1/units");
        assertThat(proxied.statusCode()).isEqualTo(200);
        hardened(proxied);
        Response own = given().header("X-Forwarded-Proto", "https").get("/q/health/ready");
        assertThat(own.statusCode()).isEqualTo(200);
        hardened(own);
        Response notFound = given().get("/no/such/place");
        assertThat(notFound.statusCode()).isEqualTo(404);
        hardened(notFound);
        Response unauthorised = given().get("/api/v1/scores");
        assertThat(unauthorised.statusCode()).isEqualTo(401);
        hardened(unauthorised);
        assertThat(unauthorised.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void apiAnswersAreNotStoredButPublicOnesKeepTheirCaching() {
        Response api = given().auth().oauth2(AGENCY).get("/api/v1/submissions/s1");
        assertThat(api.statusCode()).isEqualTo(200);
        hardened(api);
        assertThat(api.header("Cache-Control")).isEqualTo("no-store");

        Response pub = given().get("/public/v1/test/status/200");
        assertThat(pub.statusCode()).isEqualTo(200);
        hardened(pub);
        assertThat(pub.header("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(pub.header("ETag")).isEqualTo("\"v1\"");
    }

    @Test
    void allowedOriginGetsCorsHeadersOthersNone() {
        Response allowed = given().header("Origin", PORTAL).get("/public/v1/test/status/200");
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(PORTAL);
        assertThat(allowed.headers().getValues("Vary")).anySatisfy(v -> assertThat(v).containsIgnoringCase("Origin"));
        assertThat(allowed.header("Access-Control-Expose-Headers")).contains("X-Request-Id", "Retry-After");

        // the service's own "Access-Control-Allow-Origin: *" never passes
        Response other = given().header("Origin", "https://evil.example").get("/public/v1/test/status/200");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.headers().asList()).noneMatch(h -> h.getName().toLowerCase().startsWith("access-control-"));
        Response none = given().get("/public/v1/test/status/200");
        assertThat(none.header("Access-Control-Allow-Origin")).isNull();

        // a refusal is readable by the portal too
        Response refused = given().header("Origin", PORTAL).get("/api/v1/scores");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo(PORTAL);
    }

    @Test
    void preflightIsAnsweredByTheGatewayWithoutTokenAndNeverForwarded() {
        String marker = Backends.newMarker();
        Response ok = given().header("Origin", PORTAL).header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
                .header("X-Test-Marker", marker)
                .options("/api/v1/dossiers/D1");
        assertThat(ok.statusCode()).isEqualTo(204);
        assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo(PORTAL);
        assertThat(ok.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST, PUT");
        assertThat(ok.header("Access-Control-Allow-Headers")).isEqualTo("Authorization, Content-Type, Idempotency-Key");
        assertThat(ok.header("Access-Control-Max-Age")).isEqualTo("600");
        hardened(ok);

        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "PUT")
                .header("X-Test-Marker", marker)
                .options("/api/v1/dossiers/D1")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", (String) null)
                .body("type", equalTo("urn:dvc766:problem:forbidden"));
        assertThat(Backends.seenAnywhere(marker)).isZero();

        // a plain OPTIONS (not a preflight) is an ordinary request: the API still wants a token
        given().header("X-Test-Marker", marker).options("/api/v1/dossiers/D1").then().statusCode(401);
        assertThat(Backends.seenAnywhere(marker)).isZero();
    }

    @Test
    void rateLimitHeadersCountDownAnd429CarriesRetryAfter() {
        String token = TestTokens.agency("rate-headers", "38");
        for (int remaining = 2; remaining >= 0; remaining--) {
            Response r = given().auth().oauth2(token).get("/api/v1/submissions/h" + remaining);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.header("RateLimit-Policy")).matches("\"per-ip\";q=300;w=3, \"per-client\";q=3;w=300");
            assertThat(r.header("RateLimit")).matches("\"per-ip\";r=\\d+;t=0, \"per-client\";r=" + remaining + ";t=" + (remaining > 0 ? "0" : "[1-9][0-9]*"));
        }
        Response limited = given().auth().oauth2(token).get("/api/v1/submissions/h-1");
        assertThat(limited.statusCode()).isEqualTo(429);
        String retryAfter = limited.header("Retry-After");
        assertThat(retryAfter).matches("[1-9][0-9]*");
        assertThat(limited.header("RateLimit")).endsWith("\"per-client\";r=0;t=" + retryAfter);
        hardened(limited);

        // anonymous requests meet only the address limit
        Response anonymous = given().get("/public/v1/units");
        assertThat(anonymous.header("RateLimit-Policy")).isEqualTo("\"per-ip\";q=300;w=3");
        assertThat(anonymous.header("RateLimit")).matches("\"per-ip\";r=\\d+;t=0");
    }
}
