package dvc766.publication.watch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvc766.publication.watch.store.DeliveryStore;
import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Subscriptions and webhook deliveries end to end: events on Kafka, alerts from the scheduler, POSTs to a real local
 * HTTP receiver that checks signatures, fails on purpose and counts deliveries.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookAlertsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DeliveryStore deliveries;

    private Receiver receiver;
    private String p;
    private String monitor;
    private boolean ready;

    @BeforeAll
    void start() throws Exception {
        receiver = new Receiver();
        p = WatchFixtures.uniquePrefix();
        monitor = TestTokens.official("monitor", p, "monitor");
        WatchFixtures.unit(p, "Tỉnh Thử", "PROVINCE", null);
        WatchFixtures.unit(p + ".A", "Huyện Đông Sơn", "DISTRICT", p);
        WatchFixtures.unit(p + ".B", "Huyện Thường Xuân", "DISTRICT", p);
    }

    /** The tree must be known before a district official's subscription can be checked against it. */
    @BeforeEach
    void treeKnown() {
        if (ready) return;
        await().atMost(WAIT).until(() -> given().get("/public/v1/units").asString().contains(p + ".B"));
        ready = true;
    }

    @AfterAll
    void stop() {
        receiver.close();
    }

    private JsonPath subscribe(String token, String path, List<String> kinds, String unit, String minFall) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(path), "kinds", kinds, "unitCode", unit == null ? "" : unit,
                        "minFall", minFall == null ? 1 : Double.parseDouble(minFall)))
                .post("/api/v1/watch/subscriptions").then().statusCode(201).header("Location", containsString("/api/v1/watch/subscriptions/"))
                .body("secret", notNullValue()).extract().jsonPath();
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }

    @Test
    void signedRetriedWithBackoffAndDeliveredExactlyOncePerAlert() throws Exception {
        String path = "/" + p + "/overdue";
        JsonPath sub = subscribe(monitor, path, List.of("OVERDUE", "DUE_SOON"), null, null);
        String secret = sub.getString("secret");
        assertThat(sub.getString("unitCode")).isEqualTo(p);
        assertThat(sub.getList("kinds")).containsExactly("OVERDUE", "DUE_SOON");
        // a district's subscription must not hear about the other district
        JsonPath other = subscribe(TestTokens.official("cvb", p + ".B", "official"), "/" + p + "/b", List.of("OVERDUE"), null, null);
        receiver.failFirstAttempts(2);

        OffsetDateTime now = WatchFixtures.now();
        WatchFixtures.send(WatchFixtures.dossier(p + "-LATE", p + ".PROC", p + ".A", now.minusDays(9), now.minusDays(2), "RECEIVED", 1));

        await().atMost(WAIT).until(() -> receiver.hits(path).stream().anyMatch(h -> h.answered() == 204));
        List<Receiver.Hit> hits = receiver.hits(path);
        assertThat(hits).hasSize(3);
        assertThat(hits.stream().map(Receiver.Hit::alertId).distinct()).hasSize(1);
        assertThat(hits.stream().map(Receiver.Hit::answered)).containsExactly(500, 500, 204);
        assertThat(hits.stream().map(Receiver.Hit::attempt)).containsExactly("1", "2", "3");
        // exponential backoff: 0.4 s, then 0.8 s (the test profile's base), give or take a scheduler tick
        Duration first = Duration.between(hits.get(0).at(), hits.get(1).at());
        Duration second = Duration.between(hits.get(1).at(), hits.get(2).at());
        assertThat(first).isGreaterThanOrEqualTo(Duration.ofMillis(380));
        assertThat(second).isGreaterThanOrEqualTo(Duration.ofMillis(780));
        for (Receiver.Hit h : hits) {
            assertThat(h.signature()).isEqualTo(hmac(secret, h.body()));
            assertThat(h.body()).isEqualTo(hits.get(0).body());
        }
        JsonNode alert = json(hits.get(0).body());
        assertThat(alert.get("id").asText()).isEqualTo(hits.get(0).alertId());
        assertThat(alert.get("kind").asText()).isEqualTo("OVERDUE");
        assertThat(alert.get("unitCode").asText()).isEqualTo(p + ".A");
        assertThat(alert.get("unitName").asText()).isEqualTo("Huyện Đông Sơn");
        assertThat(alert.at("/dossier/code").asText()).isEqualTo(p + "-LATE");
        assertThat(alert.at("/dossier/overdueReason").asText()).isEqualTo("DEADLINE_PASSED");
        assertThat(hmac("another secret", hits.get(0).body())).isNotEqualTo(hits.get(0).signature());

        DeliveryStore.State state = deliveries.ofSubscription(UUID.fromString(sub.getString("id"))).get(0);
        assertThat(state.attempts()).isEqualTo(3);
        assertThat(state.deliveredAt()).isNotNull();
        assertThat(state.lastStatus()).isEqualTo(204);

        // the same dossier again (a newer revision, same deadline) is the same alert: not sent again. A dossier due in
        // four seconds is due soon at once, then turns overdue by itself, with no event; all delivered once each.
        receiver.failFirstAttempts(0);
        WatchFixtures.send(WatchFixtures.dossier(p + "-LATE", p + ".PROC", p + ".A", now.minusDays(9), now.minusDays(2), "IN_PROGRESS", 2));
        WatchFixtures.send(WatchFixtures.dossier(p + "-SOON", p + ".PROC", p + ".A", now.minusDays(1), WatchFixtures.now().plusSeconds(4), "IN_PROGRESS", 1));
        await().atMost(WAIT).until(() -> kindsOf(receiver.hits(path)).contains("OVERDUE/" + p + "-SOON"));
        Map<String, Long> deliveredPerAlert = receiver.hits(path).stream().filter(h -> h.answered() == 204)
                .collect(Collectors.groupingBy(Receiver.Hit::alertId, Collectors.counting()));
        assertThat(deliveredPerAlert).hasSize(3).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(kindsOf(receiver.hits(path))).containsExactlyInAnyOrder(
                "OVERDUE/" + p + "-LATE", "DUE_SOON/" + p + "-SOON", "OVERDUE/" + p + "-SOON");
        assertThat(receiver.hits("/" + p + "/b")).isEmpty();
        assertThat(deliveries.ofSubscription(UUID.fromString(other.getString("id")))).isEmpty();
    }

    /** "KIND/dossier" of each distinct alert received. */
    private static List<String> kindsOf(List<Receiver.Hit> hits) {
        return hits.stream().collect(Collectors.toMap(Receiver.Hit::alertId, h -> h, (a, b) -> a)).values().stream().map(h -> {
            try {
                JsonNode n = json(h.body());
                return n.get("kind").asText() + "/" + n.at("/dossier/code").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void aScoreFallingByTheThresholdIsAlerted() throws Exception {
        String path = "/" + p + "/scores";
        String a = p + ".A";
        JsonPath sub = subscribe(monitor, path, List.of("SCORE_FALL"), a, "2");
        assertThat(sub.getString("minFall")).isEqualTo("2.0");
        WatchFixtures.score(a, "2026-11", 1, "80");
        WatchFixtures.score(a, "2026-11", 2, "79"); // fell 1: under the threshold
        WatchFixtures.score(a, "2026-11", 3, "76.5"); // fell 2.5
        WatchFixtures.score(a, "2026-11", 4, "90"); // rose
        await().atMost(WAIT).until(() -> !receiver.hits(path).isEmpty());
        JsonNode alert = json(receiver.hits(path).get(0).body());
        assertThat(alert.get("kind").asText()).isEqualTo("SCORE_FALL");
        assertThat(alert.get("unitCode").asText()).isEqualTo(a);
        assertThat(alert.at("/score/version").asLong()).isEqualTo(3);
        assertThat(alert.at("/score/previousVersion").asLong()).isEqualTo(2);
        assertThat(alert.at("/score/change").decimalValue()).isEqualByComparingTo("-2.5");
        assertThat(alert.at("/score/period").asText()).isEqualTo("2026-11");
        assertThat(receiver.hits(path).get(0).signature()).isEqualTo(hmac(sub.getString("secret"), receiver.hits(path).get(0).body()));
        // v4 (a rise) is examined after v3: once it is, no other alert came
        WatchFixtures.score(a, "2026-11", 5, "85"); // fell 5
        await().atMost(WAIT).until(() -> receiver.hits(path).size() >= 2);
        assertThat(receiver.hits(path).stream().map(h -> {
            try {
                return json(h.body()).at("/score/version").asLong();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).containsExactly(3L, 5L);
    }

    @Test
    void subscriptionsAreValidatedScopedListedAndDeleted() {
        given().auth().oauth2(monitor).contentType(ContentType.JSON)
                .body(Map.of("url", "http://hooks.example.vn/x", "kinds", List.of("OVERDUE", "LATE"), "minFall", -1))
                .post("/api/v1/watch/subscriptions").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", hasItems("url", "kinds[1]", "minFall"));
        given().auth().oauth2(monitor).contentType(ContentType.JSON).body(Map.of("url", "https://hooks.example.vn/x"))
                .post("/api/v1/watch/subscriptions").then().statusCode(400).body("errors[0].field", equalTo("kinds"));
        given().auth().oauth2(monitor).contentType(ContentType.JSON).body("{\"url\": 5, \"kinds\": ")
                .post("/api/v1/watch/subscriptions").then().statusCode(400);

        String officialA = TestTokens.official("cva", p + ".A", "official");
        given().auth().oauth2(officialA).contentType(ContentType.JSON)
                .body(Map.of("url", "https://hooks.example.vn/x", "kinds", List.of("OVERDUE"), "unitCode", p + ".B"))
                .post("/api/v1/watch/subscriptions").then().statusCode(403);
        given().auth().oauth2(TestTokens.agency("demo-agency", p)).contentType(ContentType.JSON)
                .body(Map.of("url", "https://hooks.example.vn/x", "kinds", List.of("OVERDUE")))
                .post("/api/v1/watch/subscriptions").then().statusCode(403);

        String id = given().auth().oauth2(monitor).contentType(ContentType.JSON)
                .body(Map.of("url", "https://hooks.example.vn/tinh", "kinds", List.of("due_soon")))
                .post("/api/v1/watch/subscriptions").then().statusCode(201).extract().path("id");
        String idA = given().auth().oauth2(officialA).contentType(ContentType.JSON)
                .body(Map.of("url", "https://hooks.example.vn/a", "kinds", List.of("OVERDUE")))
                .post("/api/v1/watch/subscriptions").then().statusCode(201).body("unitCode", equalTo(p + ".A"))
                .extract().path("id");

        JsonPath mine = given().auth().oauth2(monitor).get("/api/v1/watch/subscriptions").then().statusCode(200).extract().jsonPath();
        assertThat(mine.getList("items.id")).contains(id, idA);
        assertThat(mine.getList("items.secret")).containsOnlyNulls();
        JsonPath theirs = given().auth().oauth2(officialA).get("/api/v1/watch/subscriptions").then().statusCode(200).extract().jsonPath();
        assertThat(theirs.getList("items.id")).contains(idA).doesNotContain(id);

        given().auth().oauth2(officialA).delete("/api/v1/watch/subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(officialA).delete("/api/v1/watch/subscriptions/not-a-uuid").then().statusCode(404);
        given().auth().oauth2(monitor).delete("/api/v1/watch/subscriptions/" + id).then().statusCode(204);
        given().auth().oauth2(monitor).delete("/api/v1/watch/subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(officialA).delete("/api/v1/watch/subscriptions/" + idA).then().statusCode(204);
        assertThat(given().auth().oauth2(monitor).get("/api/v1/watch/subscriptions").then().extract().jsonPath()
                .getList("items.id")).doesNotContain(id, idA);
    }
}
