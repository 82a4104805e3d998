package dvc766.publication;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void readyWithDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesPrometheusMetricsWithTheEventLag() {
        Events.sendScore(Events.uniquePrefix(), "2026-11", 1, "50", "TRUNG_BINH");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                given().get("/q/metrics").asString().contains("dvc_publication_event_lag_seconds_count"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void thePlaceholderPortalIsVietnameseAndLinksToTheApi() {
        given().get("/").then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Chỉ số phục vụ người dân, doanh nghiệp"))
                .body(containsString("Quyết định 766/QĐ-TTg"))
                .body(containsString("href=\"/public/v1/units\""))
                .body(containsString("href=\"/assets/portal.css\""))
                .body(org.hamcrest.Matchers.not(containsString("<style")));
        given().get("/assets/portal.css").then().statusCode(200).contentType(containsString("text/css"))
                .body(containsString("font-family"));
    }

    @Test
    void thePublicPathIsAnonymousEvenWithAStaleToken() {
        given().get("/public/v1/units").then().statusCode(200);
        given().auth().oauth2(TestTokens.expired("38")).get("/public/v1/units").then().statusCode(200);
    }

    @Test
    void everythingElseNeedsAValidToken() {
        given().get("/api/v1/watch/anything").then().statusCode(401);
        given().auth().oauth2(TestTokens.expired("38")).get("/api/v1/watch/anything").then().statusCode(401);
        given().auth().oauth2(TestTokens.official("monitor", "38", "monitor")).get("/api/v1/watch/anything").then().statusCode(404);
    }
}
