package dvc766.publication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UnitsTest {

    @Test
    void theTreeIsListedByLevelThenVietnameseName() {
        String p = Events.uniquePrefix();
        Events.sendUnit(p, "Tỉnh Thanh Hóa Thử", "PROVINCE", null, 1);
        Events.sendUnit(p + ".SNV", "Sở Nội vụ", "DEPARTMENT", p, 1);
        Events.sendUnit(p + ".C1", "Xã Hà Long", "COMMUNE", p, 1);
        // decomposed (NFD) on the wire; stored and sent in NFC
        Events.sendUnit(p + ".C2", Normalizer.normalize("Xã Đông Tiến", Normalizer.Form.NFD), "COMMUNE", p, 1);
        Events.sendUnit(p + ".C3", "Xã Ân Tiến", "COMMUNE", p, 2);
        Events.sendUnit(p + ".C3", "Xã Ẩn Tiến (cũ)", "COMMUNE", p, 1); // older revision, arriving later: ignored

        List<String> expected = List.of(
                p + " PROVINCE Tỉnh Thanh Hóa Thử null",
                p + ".SNV DEPARTMENT Sở Nội vụ " + p,
                p + ".C3 COMMUNE Xã Ân Tiến " + p,
                p + ".C2 COMMUNE Xã Đông Tiến " + p,
                p + ".C1 COMMUNE Xã Hà Long " + p);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode list = Api.json(given().get("/public/v1/units").then().statusCode(200).extract().response());
            List<String> ours = new ArrayList<>();
            for (JsonNode u : list) {
                if (u.get("code").asText().startsWith(p)) {
                    ours.add(u.get("code").asText() + " " + u.get("level").asText() + " " + u.get("name").asText() + " "
                            + (u.get("parentCode").isNull() ? "null" : u.get("parentCode").asText()));
                }
            }
            assertThat(ours).containsExactlyElementsOf(expected);
        });
    }
}
