package dvc766.complaint;

import static dvc766.complaint.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import dvc766.kit.events.EventJson;
import dvc766.testsupport.Contracts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportTest {

    private static final OffsetDateTime T0 = OffsetDateTime.now(VN).minusDays(40).truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void tree() { ensureTree(); }

    static Map<String, Object> item(String id, String unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("channel", "NATIONAL_PAKN");
        m.put("unitCode", unit);
        m.put("category", "OFFICIAL_CONDUCT");
        m.put("procedureCode", null);
        m.put("dossierCode", "HS-001");
        m.put("receivedAt", T0.toString());
        m.put("transfers", List.of());
        m.put("infoRequests", List.of(Map.of("requestedAt", T0.plusDays(1).toString(), "returnedAt", T0.plusDays(2).toString())));
        m.put("refusedAt", null);
        m.put("answeredAt", T0.plusDays(10).toString());
        m.put("publishedAt", null);
        m.put("withdrawnAt", null);
        m.put("rating", null);
        m.put("raisedAgain", false);
        m.put("updatedAt", T0.plusDays(10).toString());
        return m;
    }

    static Response importItems(String token, List<?> items) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("items", items))
                .post("/api/v1/complaints:import");
    }

    @Test
    void createdUnchangedStaleUpdatedAndAnnounced() throws Exception {
        String id = unique("NPAKN");
        Map<String, Object> first = item(id, "38001");
        importItems(agency("380"), List.of(first)).then().statusCode(200)
                .body("results[0].status", equalTo(201)).body("results[0].effect", equalTo("CREATED"))
                .body("results[0].key", equalTo(id));
        importItems(agency("380"), List.of(first)).then().statusCode(200).body("results[0].effect", equalTo("UNCHANGED"));

        Map<String, Object> newer = new LinkedHashMap<>(first);
        newer.put("publishedAt", T0.plusDays(11).toString());
        newer.put("rating", "SATISFIED");
        newer.put("updatedAt", T0.plusDays(12).toString());
        importItems(agency("380"), List.of(newer)).then().body("results[0].status", equalTo(200))
                .body("results[0].effect", equalTo("UPDATED"));
        Map<String, Object> older = new LinkedHashMap<>(first);
        older.put("answeredAt", null);
        older.put("updatedAt", T0.plusDays(5).toString());
        importItems(agency("380"), List.of(older)).then().body("results[0].effect", equalTo("STALE"));

        List<String> events = events(id, 2);
        assertThat(events).hasSize(2);
        events.forEach(Contracts::assertEventMatchesSchema);
        JsonNode data = EventJson.mapper().readTree(events.get(1)).get("data");
        assertThat(data.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(data.get("channel").asText()).isEqualTo("NATIONAL_PAKN");
        assertThat(data.get("dossierCode").asText()).isEqualTo("HS-001");
        assertThat(OffsetDateTime.parse(data.get("receivedAt").asText()).toInstant()).isEqualTo(T0.toInstant());
        // the original times count: received 40 days ago, answered on day 10 (after 8 working days + 1 day of waiting)
        assertThat(data.get("rating").asText()).isEqualTo("SATISFIED");
        // imported PAKN appear on the officials' list like any other, but change only by import
        given().auth().oauth2(official("38001")).get("/api/v1/complaints/{id}", id).then().statusCode(200)
                .body("channel", equalTo("NATIONAL_PAKN")).body("overdue", equalTo(false));
        act(official("38001"), id, Map.of("action", "ACCEPT")).then().statusCode(409);
    }

    @Test
    void eachItemOnItsOwn() {
        String ok = unique("HL");
        Map<String, Object> good = item(ok, "380");
        good.put("channel", "HOTLINE");
        Map<String, Object> outside = item(unique("X"), "39");
        Map<String, Object> unknown = item(unique("X"), "38999");
        Map<String, Object> bad = item(unique("X"), "380");
        bad.put("category", "NOISE");
        bad.put("publishedAt", T0.plusDays(11).toString());
        bad.put("answeredAt", null);
        bad.put("receivedAt", OffsetDateTime.now(VN).plusDays(1).toString());
        Map<String, Object> portal = item(unique("X"), "380");
        portal.put("channel", "PORTAL");
        List<Object> items = new ArrayList<>(List.of(good, outside, unknown, bad, portal));
        importItems(agency("380"), items).then().statusCode(200)
                .body("results.status", equalTo(List.of(201, 403, 422, 400, 400)))
                .body("results[3].errors.field", hasItems("items[3].category", "items[3].publishedAt", "items[3].receivedAt"));
        // the same id under another channel is a conflict
        Map<String, Object> clash = item(ok, "380");
        importItems(agency("380"), List.of(clash)).then().body("results[0].status", equalTo(409));
        // a department's client writes only for its own subtree
        importItems(agency("38.SNV"), List.of(item(unique("S"), "380"))).then().body("results[0].status", equalTo(403));
    }

    @Test
    void batchLimitsAndRoles() {
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) many.add(Map.of("id", "x" + i));
        importItems(agency("38"), many).then().statusCode(400).body("errors[0].rule", equalTo("max-items"));
        importItems(agency("38"), List.of()).then().statusCode(400);
        importItems(official("38"), List.of(item(unique("O"), "380"))).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("items", List.of())).post("/api/v1/complaints:import")
                .then().statusCode(401);
    }
}
