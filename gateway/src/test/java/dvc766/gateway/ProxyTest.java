package dvc766.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy itself: headers, streaming both ways, backend failures, body limit, paths, rate limit. */
@QuarkusTest
class ProxyTest {

    static final String AGENCY = TestTokens.agency("demo-agency", "38");
    static final int LIMIT = 4 * 1024 * 1024;

    @Inject
    Vertx vertx;

    HttpClient raw;

    @BeforeEach
    void client() {
        raw = vertx.createHttpClient();
    }

    @AfterEach
    void close() {
        raw.close();
    }

    record Raw(int status, MultiMap headers, String body) {
        JsonObject json() { return new JsonObject(body); }
    }

    /** A request exactly as written (no URI normalisation, any header), to the gateway or a backend. */
    Raw send(String baseUrl, HttpMethod method, String uri, MultiMap headers) throws Exception {
        URI base = URI.create(baseUrl);
        return raw.request(new RequestOptions().setMethod(method).setHost(base.getHost()).setPort(base.getPort()).setURI(uri))
                .compose(req -> {
                    req.headers().addAll(headers);
                    return req.send().compose(resp -> resp.body().map(b -> new Raw(resp.statusCode(), resp.headers(), b.toString())));
                })
                .toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    }

    static String gateway() {
        return "http://localhost:" + RestAssured.port;
    }

    @Test
    void forwardingHeadersAreSetAndHopByHopHeadersDropped() throws Exception {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Connection", "keep-alive, X-Hop-Secret")
                .add("X-Hop-Secret", "1")
                .add("Keep-Alive", "timeout=5")
                .add("Proxy-Authorization", "Basic Zm9vOmJhcg==")
                .add("TE", "trailers")
                .add("X-Forwarded-For", "6.6.6.6")
                .add("X-Forwarded-Host", "evil.example")
                .add("Forwarded", "for=6.6.6.6")
                .add("X-Custom", "kept")
                .add("Authorization", "Bearer " + AGENCY);
        // control: sent straight to the service, these headers do arrive, so the gateway is what removes them
        JsonObject direct = send(Backends.url("ingestion"), HttpMethod.GET, "/api/v1/submissions/s1", headers).json();
        assertThat(direct.getJsonObject("headers").containsKey("x-hop-secret")).isTrue();
        assertThat(direct.getJsonObject("headers").containsKey("proxy-authorization")).isTrue();

        Raw viaGateway = send(gateway(), HttpMethod.GET, "/api/v1/submissions/s1?x=1", headers);
        assertThat(viaGateway.status()).isEqualTo(200);
        JsonObject seen = viaGateway.json().getJsonObject("headers");
        assertThat(seen.getJsonArray("x-forwarded-for").getList()).containsExactly("127.0.0.1");
        assertThat(seen.getJsonArray("x-forwarded-proto").getList()).containsExactly("http");
        assertThat(seen.getJsonArray("x-forwarded-host").getList()).containsExactly("localhost:" + RestAssured.port);
        assertThat(seen.getJsonArray("x-custom").getList()).containsExactly("kept");
        assertThat(seen.getJsonArray("authorization").getList()).containsExactly("Bearer " + AGENCY);
        assertThat(seen.fieldNames()).doesNotContain("x-hop-secret", "keep-alive", "proxy-authorization", "te", "forwarded");
        assertThat(seen.getJsonArray("host").getList()).containsExactly(URI.create(Backends.url("ingestion")).getAuthority());
    }

    @Test
    void requestIdIsKeptOrMadeAndSharedWithTheService() throws Exception {
        Raw kept = send(gateway(), HttpMethod.GET, "/public/v1/units",
                MultiMap.caseInsensitiveMultiMap().add("X-Request-Id", "agency-batch-0001"));
        assertThat(kept.headers().get("X-Request-Id")).isEqualTo("agency-batch-0001");
        assertThat(kept.json().getJsonObject("headers").getJsonArray("x-request-id").getList()).containsExactly("agency-batch-0001");

        Raw made = send(gateway(), HttpMethod.GET, "/public/v1/units",
                MultiMap.caseInsensitiveMultiMap().add("X-Request-Id", "no spaces allowed here"));
        String id = made.headers().get("X-Request-Id");
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(made.json().getJsonObject("headers").getJsonArray("x-request-id").getList()).containsExactly(id);
        assertThat(send(gateway(), HttpMethod.GET, "/nowhere", MultiMap.caseInsensitiveMultiMap())
                .headers().get("X-Request-Id")).isNotBlank();
    }

    @Test
    void responseStatusAndHeadersPassButNotHopByHopOnes() throws Exception {
        Raw direct = send(Backends.url("publication"), HttpMethod.GET, "/public/v1/test/status/418", MultiMap.caseInsensitiveMultiMap());
        assertThat(direct.headers().get("X-Hop-Secret")).isEqualTo("must-not-pass");

        Raw r = send(gateway(), HttpMethod.GET, "/public/v1/test/status/418", MultiMap.caseInsensitiveMultiMap());
        assertThat(r.status()).isEqualTo(418);
        assertThat(r.headers().get("X-Backend")).isEqualTo("publication");
        assertThat(r.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(r.headers().get("X-Hop-Secret")).isNull();
        assertThat(r.headers().get("Proxy-Authenticate")).isNull();
        assertThat(r.json().getString("service")).isEqualTo("publication");
    }

    @Test
    void requestBodyUpToTheLimitIsStreamedIntact() {
        byte[] body = new byte[LIMIT];
        new Random(42).nextBytes(body);
        given().auth().oauth2(AGENCY).contentType("application/json").body(body).post("/api/v1/dossiers:batch")
                .then().statusCode(200)
                .body("service", equalTo("ingestion"))
                .body("bodyLength", equalTo(LIMIT))
                .body("bodySha256", equalTo(FakeBackends.sha256(body)));
    }

    @Test
    void largeResponseIsStreamedIntact() {
        int n = 6_000_000;
        byte[] got = given().get("/public/v1/test/bytes?n=" + n).then().statusCode(200).extract().asByteArray();
        assertThat(got).hasSize(n);
        assertThat(FakeBackends.sha256(got)).isEqualTo(FakeBackends.sha256(FakeBackends.pattern(0, n)));
    }

    @Test
    void serverSentEventsArriveBeforeTheStreamEnds() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<InputStream> resp = Backends.HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create(gateway() + "/public/v1/test/sse?id=" + id))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(resp.headers().firstValue("content-type")).contains("text/event-stream");
        BufferedReader reader = new BufferedReader(new InputStreamReader(resp.body(), StandardCharsets.UTF_8));
        // the backend holds the stream open until released: a buffering proxy would deliver nothing here
        String first = CompletableFuture.supplyAsync(() -> readEvent(reader)).get(10, TimeUnit.SECONDS);
        assertThat(first).isEqualTo("event: score\ndata: first\n");
        assertThat(Backends.release(id)).isEqualTo(204);
        String second = CompletableFuture.supplyAsync(() -> readEvent(reader)).get(10, TimeUnit.SECONDS);
        assertThat(second).isEqualTo("event: score\ndata: second\n");
        assertThat(CompletableFuture.supplyAsync(() -> readEvent(reader)).get(10, TimeUnit.SECONDS)).isEmpty();
    }

    private static String readEvent(BufferedReader reader) {
        StringBuilder event = new StringBuilder();
        try {
            String line;
            while ((line = reader.readLine()) != null && !line.isEmpty()) {
                event.append(line).append('\n');
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return event.toString();
    }

    @Test
    void backendDownIs502Problem() {
        given().get("/public/v1/test/dead").then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dvc766:problem:bad-gateway"))
                .body("status", equalTo(502));
    }

    @Test
    void slowBackendIs504Problem() {
        long start = System.nanoTime();
        given().get("/public/v1/test/slow").then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dvc766:problem:gateway-timeout"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void declaredBodyOverTheLimitIs413AndNeverForwarded() {
        String marker = Backends.newMarker();
        given().auth().oauth2(AGENCY).header("X-Test-Marker", marker).contentType("application/json")
                .body(new byte[LIMIT + 1]).post("/api/v1/dossiers:batch")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dvc766:problem:payload-too-large"));
        assertThat(Backends.seenAnywhere(marker)).isZero();
    }

    @Test
    void streamedBodyOverTheLimitIs413() throws Exception {
        byte[] body = new byte[LIMIT + 512 * 1024];
        HttpResponse<String> resp = Backends.HTTP.send(HttpRequest.newBuilder(URI.create(gateway() + "/public/v1/complaints"))
                .header("Content-Type", "application/json")
                // no declared length: the gateway learns the size only while streaming
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(resp.statusCode()).isEqualTo(413);
        assertThat(resp.headers().firstValue("content-type")).contains("application/problem+json");
    }

    @Test
    void nonCanonicalPathsAreResolvedOrRefusedBeforeAnyCheck() throws Exception {
        String marker = Backends.newMarker();
        MultiMap agency = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer " + AGENCY).add("X-Test-Marker", marker);
        // dot segments are resolved first: this is an admin path, and the agency is not admin
        assertThat(send(gateway(), HttpMethod.GET, "/api/v1/scores/../admin/rulesets", agency).status()).isEqualTo(403);
        assertThat(send(gateway(), HttpMethod.GET, "/public/../api/v1/admin/units/38", MultiMap.caseInsensitiveMultiMap()
                .add("X-Test-Marker", marker)).status()).isEqualTo(401);
        assertThat(send(gateway(), HttpMethod.GET, "/api//v1/admin/rulesets", agency).status()).isEqualTo(403);
        assertThat(send(gateway(), HttpMethod.GET, "/api/v1/scores/%2e%2e/admin/rulesets", agency).status()).isIn(400, 403);
        // what a backend might read differently is refused
        for (String path : new String[] {"/api/v1/admin;x=1/rulesets", "/api/v1/scores/..%2Fadmin/rulesets",
                "/api/v1/dossiers/D1%3Bx=1", "/public/v1/units/%0Afake-log-line"}) {
            Raw r = send(gateway(), HttpMethod.GET, path, agency);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.headers().get("Content-Type")).as(path).isEqualTo("application/problem+json");
            assertThat(r.json().getString("type")).as(path).isEqualTo("urn:dvc766:problem:bad-path");
        }
        // a raw backslash does not even pass the HTTP parser (its 400 comes before any route)
        assertThat(send(gateway(), HttpMethod.GET, "/api/v1/scores\\..\\admin", agency).status()).isEqualTo(400);
        assertThat(Backends.seenAnywhere(marker)).isZero();
    }

    @Test
    void clientOverItsRateGets429WithRetryAfter() {
        String token = TestTokens.agency("rate-test", "38");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/submissions/r" + i).then().statusCode(200);
        }
        given().auth().oauth2(token).get("/api/v1/submissions/r4").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("urn:dvc766:problem:too-many-requests"));
        // other clients are not affected
        given().auth().oauth2(AGENCY).get("/api/v1/submissions/r5").then().statusCode(200);
    }
}
