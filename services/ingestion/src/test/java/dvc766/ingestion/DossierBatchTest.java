package dvc766.ingestion;

import static dvc766.ingestion.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dvc766.contracts.events.Topics;
import dvc766.testsupport.Contracts;
import dvc766.testsupport.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DossierBatchTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private String procedure;

    @BeforeEach
    void tree() {
        ensureTree();
        procedure = createProcedure("380");
    }

    private List<Map<String, Object>> items(String prefix, int n) {
        List<Map<String, Object>> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> d = dossier(procedure, i % 2 == 0 ? "380" : "38001");
            d.put("code", prefix + "-" + i);
            items.add(d);
        }
        return items;
    }

    private static HttpRequest batchRequest(String body) {
        return HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/dossiers:batch"))
                .header("Authorization", "Bearer " + province()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static Response post(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/dossiers:batch");
    }

    @Test
    void thousandDossiersAreAppliedInOneTransactionAndAllEmitted() throws Exception {
        // how fast is measured by bench/ (IngestBench) beside its baselines, not here
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String prefix = unique("B");
        String body = JSON.writeValueAsString(Map.of("items", items(prefix, 1000)));
        HttpResponse<String> response = http.send(batchRequest(body), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String last = prefix;
        JsonPath r = JsonPath.from(response.body());

        List<Map<String, Object>> results = r.getList("results");
        assertThat(results).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(results.get(i)).containsEntry("index", i).containsEntry("key", prefix + "-" + i)
                    .containsEntry("status", 201).containsEntry("effect", "CREATED");
        }
        assertThat(count("SELECT count(*) FROM dossier WHERE code LIKE ?", prefix + "-%")).isEqualTo(1000);
        assertThat(count("SELECT count(*) FROM submission WHERE object_key LIKE ? AND outcome = 'ACCEPTED'", prefix + "-%"))
                .isEqualTo(1000);
        assertThat(count("SELECT count(DISTINCT batch_id) FROM submission WHERE object_key LIKE ?", prefix + "-%"))
                .isEqualTo(1);

        List<ConsumerRecord<String, String>> events = KafkaProbe.await(Topics.DOSSIERS,
                e -> e.key().startsWith(last + "-"), 1000, Duration.ofSeconds(60));
        assertThat(events).hasSize(1000);
        events.forEach(e -> Contracts.assertEventMatchesSchema(e.value()));

        // the same batch again changes nothing and emits nothing
        Response again = post(province(), body);
        again.then().statusCode(200);
        assertThat(again.jsonPath().getList("results.effect", String.class)).containsOnly("UNCHANGED");
        assertThat(count("SELECT count(*) FROM kit_outbox WHERE event_key LIKE ?", prefix + "-%")).isEqualTo(1000);
    }

    @Test
    void eachItemIsJudgedOnItsOwn() {
        String own = createProcedure("38.SNV");
        String prefix = unique("M");
        Map<String, Object> ok = dossier(own, "38.SNV");
        ok.put("code", prefix + "-ok");
        Map<String, Object> invalid = dossier(own, "38.SNV");
        invalid.put("code", prefix + "-invalid");
        invalid.put("channel", "FAX");
        invalid.remove("updatedAt");
        Map<String, Object> foreign = dossier(procedure, "380");
        foreign.put("code", prefix + "-foreign");
        Map<String, Object> unknown = dossier("NO-SUCH-PROC", "38.SNV");
        unknown.put("code", prefix + "-unknown");
        Map<String, Object> duplicate = new HashMap<>(ok);

        Response r = post(snv(), Map.of("items", List.of(ok, invalid, foreign, unknown, duplicate)));
        r.then().statusCode(200)
                .body("results.status", equalTo(List.of(201, 400, 403, 422, 400)))
                .body("results.index", equalTo(List.of(0, 1, 2, 3, 4)))
                .body("results[1].errors.field", hasItems("items[1].channel", "items[1].updatedAt"))
                .body("results[2].errors[0].field", equalTo("items[2].unitCode"))
                .body("results[2].errors[0].rule", equalTo("unitScope"))
                .body("results[3].errors[0].rule", equalTo("knownProcedure"))
                .body("results[4].errors[0].rule", equalTo("unique"))
                .body("results[4].errors[0].message", equalTo("dossier " + prefix + "-ok is already items[0] of this batch"));

        assertThat(count("SELECT count(*) FROM dossier WHERE code LIKE ?", prefix + "-%")).isEqualTo(1);
        assertThat(outboxEvents(prefix + "-foreign")).isZero();
        assertThat(count("SELECT count(*) FROM submission WHERE object_key LIKE ?", prefix + "-%")).isEqualTo(5);
        // every item, rejected or not, can be read back
        for (String id : r.jsonPath().getList("results.submissionId", String.class)) {
            getSubmission(snv(), id).then().statusCode(200);
        }
        getSubmission(snv(), r.jsonPath().getString("results[3].submissionId")).then()
                .body("outcome", equalTo("REJECTED"))
                .body("errors[0].message", equalTo("procedure NO-SUCH-PROC is not known: send it to PUT /api/v1/procedures/NO-SUCH-PROC first"));
    }

    @Test
    void batchOverStoredDossiersGivesEachItemTheResultOfItsSingleWrite() {
        String own = createProcedure("38.SNV");
        String prefix = unique("S");
        Map<String, Object> updated = stored(snv(), prefix + "-updated", dossier(own, "38.SNV"));
        Map<String, Object> stale = stored(snv(), prefix + "-stale", dossier(own, "38.SNV"));
        Map<String, Object> same = stored(snv(), prefix + "-same", dossier(own, "38.SNV"));
        Map<String, Object> foreign = stored(province(), prefix + "-foreign", dossier(procedure, "380"));

        Map<String, Object> created = dossier(own, "38.SNV");
        created.put("code", prefix + "-created");
        updated.put("status", "PROCESSED");
        updated.put("finishKind", "PROCESSED");
        updated.put("updatedAt", time(now()));
        stale.put("status", "IN_PROGRESS");
        stale.remove("finishedAt");
        stale.remove("finishKind");
        stale.put("updatedAt", time(now().minusHours(1)));
        same.put("updatedAt", time(now()));
        foreign.put("unitCode", "38.SNV"); // taking over another unit's dossier
        foreign.put("procedureCode", own);
        Map<String, Object> implausible = dossier(own, "38.SNV");
        implausible.put("code", prefix + "-implausible");
        implausible.put("finishedAt", time(now().minusDays(4)));
        Map<String, Object> invalid = dossier(own, "38.SNV");
        invalid.put("code", prefix + "-invalid");
        invalid.put("rating", "DELIGHTED");
        Map<String, Object> twice = new HashMap<>(updated);

        Response r = post(snv(), Map.of("items",
                List.of(created, updated, stale, same, foreign, implausible, invalid, twice)));
        r.then().statusCode(200)
                .body("results.status", equalTo(List.of(201, 200, 200, 200, 403, 422, 400, 400)))
                .body("results.effect", equalTo(Arrays.asList("CREATED", "UPDATED", "STALE", "UNCHANGED", null, null,
                        null, null)))
                .body("results[4].errors[0].field", equalTo("items[4].code"))
                .body("results[4].errors[0].rule", equalTo("unitScope"))
                .body("results[5].errors[0].field", equalTo("items[5].finishedAt"))
                .body("results[6].errors[0].field", equalTo("items[6].rating"))
                .body("results[7].errors[0].rule", equalTo("unique"));

        assertThat(count("SELECT revision FROM dossier WHERE code = ?", prefix + "-updated")).isEqualTo(2);
        assertThat(rows("SELECT status, revision FROM dossier WHERE code = ?", prefix + "-stale").get(0))
                .containsEntry("status", "RESULT_RETURNED").containsEntry("revision", 1L);
        assertThat(rows("SELECT unit_code, revision FROM dossier WHERE code = ?", prefix + "-foreign").get(0))
                .containsEntry("unit_code", "380").containsEntry("revision", 1L);
        assertThat(count("SELECT count(*) FROM dossier WHERE code IN (?, ?)", prefix + "-implausible",
                prefix + "-invalid")).isZero();
        Map<String, Long> events = new HashMap<>();
        for (String k : List.of("created", "updated", "stale", "same", "foreign", "implausible", "invalid")) {
            events.put(k, outboxEvents(prefix + "-" + k));
        }
        assertThat(events).containsAllEntriesOf(Map.of("created", 1L, "updated", 2L, "stale", 1L, "same", 1L,
                "foreign", 1L, "implausible", 0L, "invalid", 0L));
        // one audit row per item, in the batch's order, each readable with its outcome
        List<String> ids = r.jsonPath().getList("results.submissionId", String.class);
        List<Integer> statuses = r.jsonPath().getList("results.status", Integer.class);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(rows("SELECT batch_index, status FROM submission WHERE id = ?::uuid", ids.get(i)).get(0))
                    .containsEntry("batch_index", i).containsEntry("status", statuses.get(i));
            getSubmission(snv(), ids.get(i)).then().statusCode(200)
                    .body("outcome", equalTo(statuses.get(i) < 300 ? "ACCEPTED" : "REJECTED"));
        }
    }

    /** PUTs the dossier as {@code token}'s client and returns its body with its code, for a batch to send again. */
    private static Map<String, Object> stored(String token, String code, Map<String, Object> body) {
        putDossier(token, code, body).then().statusCode(201);
        Map<String, Object> item = new HashMap<>(body);
        item.put("code", code);
        return item;
    }

    @Test
    void unreadableBatchIsRejectedAsAWholeAndRecorded() {
        Response tooMany = post(province(), Map.of("items", items(unique("X"), 1001)));
        tooMany.then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("items")).body("errors[0].rule", equalTo("maxItems"));
        String id = tooMany.jsonPath().getString("instance").substring("/api/v1/submissions/".length());
        assertThat(rows("SELECT outcome, status, object_key FROM submission WHERE id = ?::uuid", id).get(0))
                .containsEntry("outcome", "REJECTED").containsEntry("status", 400).containsEntry("object_key", null);

        post(province(), Map.of("items", List.of())).then().statusCode(400).body("errors[0].rule", equalTo("minItems"));
        post(province(), Map.of("dossiers", List.of())).then().statusCode(400)
                .body("errors.field", hasItems("items", "dossiers"));
        post(province(), "[1, 2]").then().statusCode(400).body("errors[0].rule", equalTo("type"));
        post(province(), "{\"items\": [").then().statusCode(400).body("errors[0].rule", equalTo("json"));
    }

    @Test
    void colonOfTheCustomMethodMayBeSentRawOrEncoded() {
        Map<String, Object> item = dossier(procedure, "380");
        item.put("code", unique("R"));
        given().urlEncodingEnabled(false).auth().oauth2(province()).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(item))).post("/api/v1/dossiers:batch")
                .then().statusCode(200).body("results[0].status", equalTo(201));
        given().urlEncodingEnabled(false).auth().oauth2(province()).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(item))).post("/api/v1/dossiers%3Abatch")
                .then().statusCode(200).body("results[0].effect", equalTo("UNCHANGED"));
    }

    @Test
    void concurrentBatchesCreatingTheSameDossiersBothSucceed() {
        List<Map<String, Object>> items = items(unique("C"), 50);
        String token = province();
        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> post(token, Map.of("items", items)));
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> post(token, Map.of("items", items)));
        for (Response r : List.of(a.join(), b.join())) {
            r.then().statusCode(200);
            assertThat(r.jsonPath().getList("results.effect", String.class)).isSubsetOf("CREATED", "UNCHANGED");
        }
        String code = (String) items.get(0).get("code");
        assertThat(count("SELECT revision FROM dossier WHERE code = ?", code)).isEqualTo(1);
        assertThat(outboxEvents(code)).isEqualTo(1);
    }
}
