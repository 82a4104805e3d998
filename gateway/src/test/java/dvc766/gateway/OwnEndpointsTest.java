package dvc766.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** What the gateway serves itself, and what it writes to its access log. */
@QuarkusTest
class OwnEndpointsTest {

    @Test
    void readiness() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsIncludeProxiedRequests() {
        given().get("/public/v1/units").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("dvc_gateway_requests_seconds_count{route=\"public\",status=\"200\"}"))
                // raw proxied paths would be unbounded tag values
                .body(not(containsString("uri=\"/public/v1/units\"")));
    }

    @Test
    void ownOpenApiDocument() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("dvc766 gateway"));
    }

    @Test
    void accessLogHasOneLinePerRequestWithoutPersonalData() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger access = Logger.getLogger("dvc766.gateway.access");
        access.addHandler(capture);
        try {
            String token = TestTokens.agency("demo-agency-snv", "38.SNV");
            given().auth().oauth2(token).get("/api/v1/submissions/sub-42?secret=citizen-phone-0912345678")
                    .then().statusCode(200);
            given().get("/public/v1/complaints/TRK-SECRET-9/rating?x=1").then().statusCode(200);
            given().get("/no/such/place").then().statusCode(404);

            await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() >= 3);
            assertThat(lines).anySatisfy(l -> assertThat(l)
                    .startsWith("GET /api/v1/submissions/sub-42 200 ")
                    .contains("route=ingestion", "client=demo-agency-snv"));
            assertThat(lines).anySatisfy(l -> assertThat(l)
                    .startsWith("GET /public/v1/complaints/{trackingCode}/rating 200 ")
                    .contains("client=-"));
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("GET /no/such/place 404 ").contains("route=-"));
            assertThat(String.join("\n", lines))
                    .doesNotContain(token)
                    .doesNotContain("citizen-phone")
                    .doesNotContain("TRK-SECRET")
                    .doesNotContain("127.0.0.1")
                    .doesNotContain("service-account");
        } finally {
            access.removeHandler(capture);
        }
    }
}
