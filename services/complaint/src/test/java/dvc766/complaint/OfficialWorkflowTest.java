package dvc766.complaint;

import static dvc766.complaint.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dvc766.kit.events.EventJson;
import dvc766.testsupport.Contracts;
import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OfficialWorkflowTest {

    @BeforeEach
    void tree() { ensureTree(); }

    @Test
    void fullLifeAuditedAndAnnouncedThenRated() throws Exception {
        String[] p = submit("380");
        String id = p[0];
        String officer = official("380");
        given().auth().oauth2(officer).queryParam("status", "RECEIVED").queryParam("size", 100)
                .get("/api/v1/complaints").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.unitCode", everyItem(equalTo("380")));

        // answering before accepting is not allowed
        act(officer, id, Map.of("action", "ANSWER", "answer", "Đã sửa")).then().statusCode(409)
                .contentType("application/problem+json");
        actOk(officer, id, "action", "ACCEPT");
        actOk(officer, id, "action", "REQUEST_INFO", "note", "Xin cho biết ngày nộp hồ sơ");
        given().header(SECRET, p[1]).get("/public/v1/complaints/{c}", id).then().statusCode(200)
                .body("status", equalTo("INFO_REQUESTED")).body("informationRequested", equalTo("Xin cho biết ngày nộp hồ sơ"));
        actOk(officer, id, "action", "RECORD_INFO", "note", "Ngày 2/11");
        // rating before the answer: 409
        given().header(SECRET, p[1]).contentType("application/json").body(Map.of("rating", "SATISFIED"))
                .post("/public/v1/complaints/{c}/rating", id).then().statusCode(409);
        actOk(officer, id, "action", "ANSWER", "answer", "Đơn vị đã khắc phục, xin lỗi ông/bà.");
        actOk(officer, id, "action", "PUBLISH");
        act(officer, id, Map.of("action", "PUBLISH")).then().statusCode(409);

        given().header(SECRET, p[1]).contentType("application/json")
                .body(Map.of("rating", "DISSATISFIED", "raisedAgain", true, "text", "Chưa khắc phục"))
                .post("/public/v1/complaints/{c}/rating", id).then().statusCode(200)
                .body("rating", equalTo("DISSATISFIED")).body("raisedAgain", equalTo(true));
        given().header(SECRET, p[1]).contentType("application/json").body(Map.of("rating", "SATISFIED"))
                .post("/public/v1/complaints/{c}/rating", id).then().statusCode(409);
        given().header(SECRET, "wrong").contentType("application/json").body(Map.of("rating", "SATISFIED"))
                .post("/public/v1/complaints/{c}/rating", id).then().statusCode(404);

        // the published answer is open data
        given().queryParam("unit", "380").queryParam("status", "PUBLISHED").queryParam("size", 100)
                .get("/public/v1/complaints").then().statusCode(200)
                .body("items.answer", hasItem("Đơn vị đã khắc phục, xin lỗi ông/bà."));

        // every action audited with who did it
        given().auth().oauth2(officer).get("/api/v1/complaints/{id}", id).then().statusCode(200)
                .body("actions.action", equalTo(List.of("SUBMIT", "ACCEPT", "REQUEST_INFO", "RECORD_INFO", "ANSWER", "PUBLISH", "RATE")))
                .body("actions[1].actorSubject", equalTo("can-bo-380")).body("actions[1].actorUnit", equalTo("380"))
                .body("infoRequests[0].returnedAt", notNullValue()).body("informationReply", equalTo("Ngày 2/11"));
        // the citizen's reply is personal data: not in the append-only audit
        assertThat(count("SELECT count(*) FROM complaint_action WHERE complaint_id = ? AND details::text LIKE '%2/11%'", id)).isZero();

        // one event per change (submit + 6 changes), in order, each valid against its schema
        List<String> events = events(id, 7);
        assertThat(events).hasSize(7);
        long previousRevision = 0;
        OffsetDateTime previousUpdate = null;
        for (String e : events) {
            Contracts.assertEventMatchesSchema(e);
            JsonNode data = EventJson.mapper().readTree(e).get("data");
            assertThat(data.get("revision").asLong()).isGreaterThan(previousRevision);
            OffsetDateTime updated = OffsetDateTime.parse(data.get("updatedAt").asText());
            if (previousUpdate != null) assertThat(updated).isAfter(previousUpdate);
            previousRevision = data.get("revision").asLong();
            previousUpdate = updated;
            assertThat(e).doesNotContain("Đường vào bộ phận").doesNotContain("Chưa khắc phục");
        }
        JsonNode last = EventJson.mapper().readTree(events.get(6)).get("data");
        assertThat(last.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(last.get("rating").asText()).isEqualTo("DISSATISFIED");
        assertThat(last.get("raisedAgain").asBoolean()).isTrue();
        assertThat(last.get("channel").asText()).isEqualTo("PORTAL");
    }

    @Test
    void auditIsAppendOnly() {
        String id = submit("380")[0];
        assertThatThrownBy(() -> execute("UPDATE complaint_action SET action = 'X' WHERE complaint_id = ?", id))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("DELETE FROM complaint_action WHERE complaint_id = ?", id))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    }

    @Test
    void transferMovesThePaknAndRestartsItsDeadline() {
        String id = submit("380")[0];
        act(official("380"), id, Map.of("action", "TRANSFER", "toUnitCode", "38999")).then().statusCode(422);
        act(official("380"), id, Map.of("action", "TRANSFER")).then().statusCode(400);
        actOk(official("380"), id, "action", "TRANSFER", "toUnitCode", "38.SNV");
        // the first unit no longer sees nor acts on it; the competent one does
        act(official("380"), id, Map.of("action", "ACCEPT")).then().statusCode(403);
        given().auth().oauth2(official("380")).get("/api/v1/complaints/{id}", id).then().statusCode(403);
        given().auth().oauth2(official("38.SNV")).get("/api/v1/complaints/{id}", id).then().statusCode(200)
                .body("status", equalTo("TRANSFERRED")).body("unitCode", equalTo("38.SNV"))
                .body("transfers[0].fromUnitCode", equalTo("380")).body("transfers[0].toUnitCode", equalTo("38.SNV"));
        actOk(official("38.SNV"), id, "action", "ACCEPT");
    }

    @Test
    void scopesFailClosed() {
        String id = submit("38001")[0];
        // an official of the district does not see its communes' PAKN (each unit handles its own)
        given().auth().oauth2(official("380")).get("/api/v1/complaints/{id}", id).then().statusCode(403);
        given().auth().oauth2(official("380")).queryParam("size", 100).get("/api/v1/complaints").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        // the provincial monitor reads the whole province but acts on nothing
        given().auth().oauth2(monitor()).queryParam("size", 100).queryParam("status", "RECEIVED")
                .get("/api/v1/complaints").then().statusCode(200).body("items.unitCode", hasItem("38001"));
        given().auth().oauth2(monitor()).get("/api/v1/complaints/{id}", id).then().statusCode(200)
                .body("contact", equalTo(null));
        act(monitor(), id, Map.of("action", "ACCEPT")).then().statusCode(403);
        // a monitor of another province sees nothing of it
        given().auth().oauth2(TestTokens.official("monitor-39", "39", "monitor")).get("/api/v1/complaints/{id}", id)
                .then().statusCode(403);
        // agency clients, tokens without unit, no token
        given().auth().oauth2(agency("38")).get("/api/v1/complaints").then().statusCode(403);
        given().auth().oauth2(TestTokens.withoutUnit("x")).get("/api/v1/complaints").then().statusCode(403);
        given().get("/api/v1/complaints").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired("38001")).get("/api/v1/complaints").then().statusCode(401);
        given().auth().oauth2(TestTokens.otherAudience("38001")).get("/api/v1/complaints").then().statusCode(401);
        act(TestTokens.official("x", "38001", "monitor"), id, Map.of("action", "ACCEPT")).then().statusCode(403);
        act(official("38001"), id, Map.of("action", "FLY")).then().statusCode(400);
        actOk(official("38001"), id, "action", "REFUSE", "reason", "Không thuộc thẩm quyền");
        act(official("38001"), id, Map.of("action", "ACCEPT")).then().statusCode(409);
    }
}
