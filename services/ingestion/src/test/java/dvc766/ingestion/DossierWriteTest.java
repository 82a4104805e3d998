package dvc766.ingestion;

import static dvc766.ingestion.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvc766.contracts.events.Topics;
import dvc766.testsupport.Contracts;
import dvc766.testsupport.KafkaProbe;
import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DossierWriteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private String procedure;

    @BeforeEach
    void tree() {
        ensureTree();
        procedure = createProcedure("380");
    }

    @Test
    void createsDossierStoresStateAndEmitsSchemaValidEvent() throws Exception {
        String code = unique("HS");
        Map<String, Object> body = dossier(procedure, "38001");
        String raw = JSON.writeValueAsString(body);

        Response r = given().auth().oauth2(province()).contentType(ContentType.JSON).body(raw)
                .put("/api/v1/dossiers/{code}", code);
        r.then().statusCode(201).contentType(ContentType.JSON)
                .body("kind", equalTo("DOSSIER")).body("key", equalTo(code))
                .body("outcome", equalTo("ACCEPTED")).body("effect", equalTo("CREATED"));
        String submission = r.jsonPath().getString("submissionId");

        Map<String, Object> row = rows("SELECT * FROM dossier WHERE code = ?", code).get(0);
        assertThat(row.get("unit_code")).isEqualTo("38001");
        assertThat(row.get("procedure_code")).isEqualTo(procedure);
        assertThat(row.get("channel")).isEqualTo("ONLINE");
        assertThat(row.get("revision")).isEqualTo(1L);
        assertThat((BigDecimal) row.get("fee_amount")).isEqualByComparingTo("150000");
        assertThat(row.get("last_submission_id").toString()).isEqualTo(submission);
        assertThat(row.get("supplements").toString()).contains("requestedAt");

        Map<String, Object> audit = rows("SELECT * FROM submission WHERE id = ?::uuid", submission).get(0);
        assertThat(audit.get("outcome")).isEqualTo("ACCEPTED");
        assertThat(audit.get("effect")).isEqualTo("CREATED");
        assertThat(audit.get("client_id")).isEqualTo(PROVINCE_CLIENT);
        assertThat(audit.get("caller_unit")).isEqualTo("38");
        assertThat(audit.get("payload_sha256")).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8))));

        List<ConsumerRecord<String, String>> events = KafkaProbe.await(Topics.DOSSIERS, e -> code.equals(e.key()), 1,
                Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        Contracts.assertEventMatchesSchema(events.get(0).value());
        JsonNode event = JSON.readTree(events.get(0).value());
        assertThat(event.path("type").asText()).isEqualTo("dvc.dossier.upserted");
        assertThat(event.path("source").asText()).isEqualTo("/dvc766/ingestion");
        assertThat(event.path("subject").asText()).isEqualTo(code);
        JsonNode data = event.path("data");
        assertThat(data.path("revision").asLong()).isEqualTo(1);
        assertThat(data.path("unitCode").asText()).isEqualTo("38001");
        assertThat(data.path("eResult").asBoolean()).isTrue();
        assertThat(data.path("supplements").size()).isEqualTo(1);
        assertThat(OffsetDateTime.parse(data.path("receivedAt").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse((String) body.get("receivedAt")).toInstant());
    }

    @Test
    void updateRaisesRevisionAndEmitsWholeNewState() {
        String code = unique("HS");
        Map<String, Object> body = dossier(procedure, "380");
        body.put("status", "IN_PROGRESS");
        body.remove("finishedAt");
        body.remove("finishKind");
        body.put("updatedAt", time(now().minusMinutes(10)));
        putDossier(province(), code, body).then().statusCode(201);

        body.put("status", "PROCESSED");
        body.put("finishedAt", time(now().minusMinutes(6)));
        body.put("finishKind", "PROCESSED");
        body.put("updatedAt", time(now().minusMinutes(5)));
        putDossier(province(), code, body).then().statusCode(200).body("effect", equalTo("UPDATED"));

        Map<String, Object> row = rows("SELECT status, finish_kind, revision FROM dossier WHERE code = ?", code).get(0);
        assertThat(row).containsEntry("status", "PROCESSED").containsEntry("finish_kind", "PROCESSED")
                .containsEntry("revision", 2L);
        List<ConsumerRecord<String, String>> events = KafkaProbe.await(Topics.DOSSIERS, e -> code.equals(e.key()), 2,
                Duration.ofSeconds(30));
        assertThat(events).hasSize(2);
        events.forEach(e -> Contracts.assertEventMatchesSchema(e.value()));
        assertThat(events.get(1).value()).contains("\"revision\":2").contains("\"finishKind\":\"PROCESSED\"");
    }

    @Test
    void unchangedStateIsRecordedButEmitsNothing() {
        String code = unique("HS");
        Map<String, Object> body = dossier(procedure, "380");
        putDossier(province(), code, body).then().statusCode(201);
        // same facts, written with another offset and a later source time: still the same content
        body.put("receivedAt", OffsetDateTime.parse((String) body.get("receivedAt")).withOffsetSameInstant(java.time.ZoneOffset.UTC).toString());
        body.put("updatedAt", time(now()));
        putDossier(province(), code, body).then().statusCode(200).body("effect", equalTo("UNCHANGED"));

        assertThat(outboxEvents(code)).isEqualTo(1);
        assertThat(count("SELECT revision FROM dossier WHERE code = ?", code)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM submission WHERE object_key = ? AND effect = 'UNCHANGED'", code)).isEqualTo(1);
    }

    @Test
    void staleUpdateIsRecordedButDoesNotOverride() {
        String code = unique("HS");
        Map<String, Object> body = dossier(procedure, "380");
        body.put("updatedAt", time(now().minusMinutes(2)));
        putDossier(province(), code, body).then().statusCode(201);

        Map<String, Object> older = dossier(procedure, "380");
        older.put("status", "IN_PROGRESS");
        older.remove("finishedAt");
        older.remove("finishKind");
        older.put("updatedAt", time(now().minusHours(1)));
        Response r = putDossier(province(), code, older);
        r.then().statusCode(200).body("effect", equalTo("STALE")).body("outcome", equalTo("ACCEPTED"));

        Map<String, Object> row = rows("SELECT status, revision FROM dossier WHERE code = ?", code).get(0);
        assertThat(row).containsEntry("status", "RESULT_RETURNED").containsEntry("revision", 1L);
        assertThat(outboxEvents(code)).isEqualTo(1);
        assertThat(rows("SELECT effect FROM submission WHERE id = ?::uuid", r.jsonPath().getString("submissionId")).get(0))
                .containsEntry("effect", "STALE");
    }

    @Test
    void invalidDossierNamesEveryBadFieldAndStoresNothing() {
        String code = unique("HS");
        Map<String, Object> body = dossier(procedure, "380");
        body.put("channel", "FAX");
        body.put("receivedAt", "yesterday");
        body.remove("status");
        body.remove("finishKind");
        body.put("feeAmount", -5);
        body.put("eResult", "yes");
        body.put("recievedAt", "2026-11-01T08:00:00+07:00");
        OffsetDateTime t = now().minusDays(2);
        body.put("supplements", List.of(Map.of("requestedAt", time(t)),
                Map.of("requestedAt", time(t), "returnedAt", time(t.minusHours(1)))));

        Response r = putDossier(province(), code, body);
        r.then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:dvc766:problem:validation"))
                .body("instance", startsWith("/api/v1/submissions/"))
                .body("errors.field", hasItems("channel", "receivedAt", "status", "finishKind", "feeAmount", "eResult",
                        "recievedAt", "supplements[1].returnedAt"));
        List<Map<String, String>> errors = r.jsonPath().getList("errors");
        assertThat(errors).contains(
                Map.of("field", "channel", "rule", "enum", "message", "must be one of ONLINE, DIRECT, POSTAL"),
                Map.of("field", "status", "rule", "required", "message", "is required"),
                Map.of("field", "finishKind", "rule", "requiredWith", "message", "is required when finishedAt is set"),
                Map.of("field", "supplements[1].returnedAt", "rule", "notBefore",
                        "message", "must not be before supplements[1].requestedAt"));
        assertThat(errors).extracting(e -> e.get("field") + ":" + e.get("rule"))
                .contains("receivedAt:format", "feeAmount:minimum", "eResult:type", "recievedAt:unknown");

        assertThat(count("SELECT count(*) FROM dossier WHERE code = ?", code)).isZero();
        assertThat(outboxEvents(code)).isZero();
        String id = r.jsonPath().getString("instance").substring("/api/v1/submissions/".length());
        getSubmission(province(), id).then().statusCode(200)
                .body("outcome", equalTo("REJECTED")).body("key", equalTo(code))
                .body("errors.field", hasItems("channel", "supplements[1].returnedAt"));
    }

    @Test
    void malformedJsonIsRejectedAndRecorded() {
        String code = unique("HS");
        Response r = given().auth().oauth2(province()).contentType(ContentType.JSON).body("{\"unitCode\": \"380\",")
                .put("/api/v1/dossiers/{code}", code);
        r.then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("$")).body("errors[0].rule", equalTo("json"));
        String id = r.jsonPath().getString("instance").substring("/api/v1/submissions/".length());
        assertThat(rows("SELECT payload_text, outcome FROM submission WHERE id = ?::uuid", id).get(0))
                .containsEntry("payload_text", "{\"unitCode\": \"380\",").containsEntry("outcome", "REJECTED");
    }

    @Test
    void implausibleDossierIsAnswered422WithReadableReasons() {
        String code = unique("HS");
        Map<String, Object> body = dossier("NO-SUCH-PROC", "380");
        OffsetDateTime received = now().plusHours(1);
        body.put("receivedAt", time(received));
        body.put("dueAt", time(received.minusDays(1)));
        body.put("finishedAt", time(received.minusHours(2)));
        body.put("supplements", List.of());

        Response r = putDossier(province(), code, body);
        r.then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:dvc766:problem:implausible"));
        String id = r.jsonPath().getString("instance").substring("/api/v1/submissions/".length());

        Response s = getSubmission(province(), id);
        s.then().statusCode(200).body("outcome", equalTo("REJECTED")).body("kind", equalTo("DOSSIER"))
                .body("clientId", equalTo(PROVINCE_CLIENT)).body("unitCode", equalTo("38"));
        List<Map<String, String>> errors = s.jsonPath().getList("errors");
        assertThat(errors).extracting(e -> e.get("field") + ":" + e.get("rule"))
                .containsExactlyInAnyOrder("procedureCode:knownProcedure", "receivedAt:notInFuture",
                        "finishedAt:notBefore", "dueAt:notBefore");
        assertThat(errors).filteredOn(e -> e.get("field").equals("procedureCode")).first()
                .extracting(e -> e.get("message")).asString().contains("procedure NO-SUCH-PROC is not known");
        assertThat(errors).filteredOn(e -> e.get("field").equals("receivedAt")).first()
                .extracting(e -> e.get("message")).asString().contains("more than 5 minutes");
        assertThat(count("SELECT count(*) FROM dossier WHERE code = ?", code)).isZero();
    }

    @Test
    void unknownUnitIsImplausible() {
        String code = unique("HS");
        putDossier(province(), code, dossier(procedure, "999")).then().statusCode(422)
                .body("errors[0].field", equalTo("unitCode")).body("errors[0].rule", equalTo("knownUnit"));
    }

    @Test
    void departmentClientCannotWriteForADistrict() {
        String code = unique("HS");
        Response r = putDossier(snv(), code, dossier(procedure, "380"));
        r.then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:dvc766:problem:forbidden"))
                .body("errors[0].field", equalTo("unitCode")).body("errors[0].rule", equalTo("unitScope"))
                .body("detail", containsString("380 is neither 38.SNV nor below it"));

        assertThat(count("SELECT count(*) FROM dossier WHERE code = ?", code)).isZero();
        assertThat(outboxEvents(code)).isZero();
        assertThat(KafkaProbe.await(Topics.DOSSIERS, e -> code.equals(e.key()), 1, Duration.ofSeconds(3))).isEmpty();
        String id = r.jsonPath().getString("instance").substring("/api/v1/submissions/".length());
        assertThat(rows("SELECT outcome, status, client_id, caller_unit FROM submission WHERE id = ?::uuid", id).get(0))
                .containsEntry("outcome", "REJECTED").containsEntry("status", 403)
                .containsEntry("client_id", SNV_CLIENT).containsEntry("caller_unit", "38.SNV");
    }

    @Test
    void departmentClientWritesForItsOwnUnit() {
        String own = createProcedure("38.SNV");
        putDossier(snv(), unique("HS"), dossier(own, "38.SNV")).then().statusCode(201);
    }

    @Test
    void aDossierCannotBeMovedOutOfAnotherUnit() {
        String code = unique("HS");
        putDossier(province(), code, dossier(procedure, "380")).then().statusCode(201);
        // 38.SNV may write for itself, but this dossier belongs to 380
        String own = createProcedure("38.SNV");
        Map<String, Object> body = dossier(own, "38.SNV");
        body.put("updatedAt", time(now()));
        putDossier(snv(), code, body).then().statusCode(403).body("errors.field", hasItems("code"));
        assertThat(rows("SELECT unit_code FROM dossier WHERE code = ?", code).get(0)).containsEntry("unit_code", "380");
    }

    @Test
    void tokenWithoutUnitWritesNothing() {
        String code = unique("HS");
        putDossier(TestTokens.withoutUnit("rogue"), code, dossier(procedure, "380")).then().statusCode(403)
                .body("errors[0].rule", equalTo("unitScope"));
        assertThat(count("SELECT count(*) FROM dossier WHERE code = ?", code)).isZero();
        assertThat(count("SELECT count(*) FROM submission WHERE object_key = ? AND status = 403", code)).isEqualTo(1);
    }

    @Test
    void identityWithoutAgencyRoleWritesNothing() {
        String code = unique("HS");
        putDossier(TestTokens.official("monitor", "38", "monitor"), code, dossier(procedure, "380")).then()
                .statusCode(403).body("errors[0].rule", equalTo("agencyRole"));
        assertThat(count("SELECT count(*) FROM dossier WHERE code = ?", code)).isZero();
    }

    @Test
    void codeInBodyMustMatchPath() {
        Map<String, Object> body = dossier(procedure, "380");
        body.put("code", "OTHER");
        putDossier(province(), unique("HS"), body).then().statusCode(400)
                .body("errors[0].field", equalTo("code")).body("errors[0].rule", equalTo("matchesPath"));
    }

    @Test
    void wrongMediaTypeIs415Problem() {
        given().auth().oauth2(province()).contentType(ContentType.TEXT).body("hello")
                .put("/api/v1/dossiers/{code}", unique("HS"))
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
    }

    @Test
    void oversizedChunkedBodyIs413Problem() throws Exception {
        byte[] big = new byte[2 * 1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        // no Content-Length: the limit can only be enforced while reading
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/api/v1/dossiers:batch"))
                .header("Authorization", "Bearer " + province()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .build();
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void oversizedBodyIs413Problem() {
        byte[] big = new byte[2 * 1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        given().auth().oauth2(province()).contentType(ContentType.JSON).body(big)
                .post("/api/v1/dossiers:batch")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }
}
