package dvc766.ingestion;

import static dvc766.ingestion.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvc766.contracts.events.Topics;
import dvc766.testsupport.Contracts;
import dvc766.testsupport.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Array;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProcedureWriteTest {

    @BeforeEach
    void tree() {
        ensureTree();
    }

    private static Response put(String token, String code, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/api/v1/procedures/{code}", code);
    }

    private static Response batch(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/procedures:batch");
    }

    @Test
    void createsProcedureAndEmitsSchemaValidEvent() throws Exception {
        String code = unique("P");
        Map<String, Object> body = procedure("38.SXD");
        body.put("unitCodes", List.of("38001", "38.SXD"));
        put(province(), code, body).then().statusCode(201).body("kind", equalTo("PROCEDURE")).body("effect", equalTo("CREATED"));

        Map<String, Object> row = rows("SELECT * FROM procedure WHERE code = ?", code).get(0);
        assertThat((String[]) ((Array) row.get("unit_codes")).getArray()).containsExactly("38.SXD", "38001");
        assertThat(row).containsEntry("legal_time_amount", 15).containsEntry("legal_time_unit", "WORKING_DAYS")
                .containsEntry("revision", 1L);

        List<ConsumerRecord<String, String>> events = KafkaProbe.await(Topics.PROCEDURES, e -> code.equals(e.key()), 1,
                Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        Contracts.assertEventMatchesSchema(events.get(0).value());
        JsonNode data = new ObjectMapper().readTree(events.get(0).value()).path("data");
        assertThat(data.path("legalTime").path("unit").asText()).isEqualTo("WORKING_DAYS");
        assertThat(data.path("publicParts").size()).isEqualTo(7);

        // the same content listed in another order is the same procedure
        body.put("unitCodes", List.of("38.SXD", "38001"));
        put(province(), code, body).then().statusCode(200).body("effect", equalTo("UNCHANGED"));
        body.put("onlineLevel", "PARTIAL");
        body.put("updatedAt", time(now()));
        put(province(), code, body).then().statusCode(200).body("effect", equalTo("UPDATED"));
        assertThat(outboxEvents(code)).isEqualTo(2);
    }

    @Test
    void invalidProcedureNamesEveryBadField() {
        Map<String, Object> body = procedure("38.SXD");
        body.put("legalTime", Map.of("amount", 0, "unit", "WEEKS"));
        body.put("unitCodes", List.of());
        body.put("applicantTypes", List.of("CITIZEN", "ALIEN"));
        body.put("publicParts", List.of("NAME", "NAME"));
        body.put("name", "  ");
        body.remove("onlineLevel");
        put(province(), unique("P"), body).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("legalTime.amount", "legalTime.unit", "unitCodes", "applicantTypes[1]",
                        "publicParts[1]", "name", "onlineLevel"));
    }

    @Test
    void unknownUnitIsImplausible() {
        Map<String, Object> body = procedure("38.NOPE");
        put(province(), unique("P"), body).then().statusCode(422)
                .body("errors[0].field", equalTo("unitCodes")).body("errors[0].rule", equalTo("knownUnit"));
    }

    @Test
    void departmentCannotAssignOrTakeOverOtherUnitsProcedures() {
        put(snv(), unique("P"), procedure("38.SXD")).then().statusCode(403)
                .body("errors[0].field", equalTo("unitCodes")).body("errors[0].rule", equalTo("unitScope"));

        String theirs = createProcedure("38.SXD");
        Map<String, Object> takeover = procedure("38.SNV");
        takeover.put("updatedAt", time(now()));
        put(snv(), theirs, takeover).then().statusCode(403).body("errors[0].field", equalTo("code"));
        assertThat(rows("SELECT unit_codes::text AS u FROM procedure WHERE code = ?", theirs).get(0))
                .containsEntry("u", "{38.SXD}");
    }

    @Test
    void batchJudgesEachProcedure() {
        String prefix = unique("PB");
        Map<String, Object> ok = procedure("38.SNV");
        ok.put("code", prefix + "-ok");
        Map<String, Object> foreign = procedure("38.SXD");
        foreign.put("code", prefix + "-foreign");
        Map<String, Object> bad = procedure("38.SNV");
        bad.put("code", prefix + "-bad");
        bad.put("legalTime", "15 days");
        Response r = batch(snv(), Map.of("items", List.of(ok, foreign, bad)));
        r.then().statusCode(200).body("results.status", equalTo(List.of(201, 403, 400)))
                .body("results[2].errors[0].field", equalTo("items[2].legalTime"));
        assertThat(count("SELECT count(*) FROM procedure WHERE code LIKE ?", prefix + "-%")).isEqualTo(1);
        assertThat(KafkaProbe.await(Topics.PROCEDURES, e -> e.key().equals(prefix + "-ok"), 1, Duration.ofSeconds(30)))
                .hasSize(1);
    }
}
