package dvc766.ingestion;

import static dvc766.ingestion.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvc766.contracts.events.Topics;
import dvc766.testsupport.Contracts;
import dvc766.testsupport.KafkaProbe;
import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PublishingDecisionWriteTest {

    private String p1;
    private String p2;

    @BeforeEach
    void tree() {
        ensureTree();
        p1 = createProcedure("38.SXD");
        p2 = createProcedure("38.SXD");
    }

    static Response post(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/publishing-decisions");
    }

    static Response batch(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/publishing-decisions:batch");
    }

    private static Map<String, Object> entry(String procedure, String action, String madePublicAt) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("procedureCode", procedure);
        e.put("action", action);
        e.put("madePublicAt", madePublicAt);
        return e;
    }

    @Test
    void createsDecisionAndEmitsSchemaValidEventKeyedByUnitAndNumber() throws Exception {
        String number = unique("123") + "/QĐ-UBND";
        Map<String, Object> body = decision("38.SXD", number, p1, p2);
        String key = "38.SXD/" + number;
        post(province(), body).then().statusCode(201).body("kind", equalTo("PUBLISHING_DECISION"))
                .body("key", equalTo(key)).body("effect", equalTo("CREATED"));

        Map<String, Object> row = rows("SELECT signed_on::text AS s, legal_effective_on::text AS l, revision, "
                + "jsonb_array_length(procedures) AS n FROM publishing_decision WHERE unit_code = ? AND number = ?",
                "38.SXD", number).get(0);
        assertThat(row).containsEntry("s", body.get("signedOn")).containsEntry("l", body.get("legalEffectiveOn"))
                .containsEntry("revision", 1L).containsEntry("n", 2);

        List<ConsumerRecord<String, String>> events = KafkaProbe.await(Topics.PUBLISHING_DECISIONS,
                e -> key.equals(e.key()), 1, Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        Contracts.assertEventMatchesSchema(events.get(0).value());
        JsonNode event = new ObjectMapper().readTree(events.get(0).value());
        assertThat(event.path("type").asText()).isEqualTo("dvc.publishing-decision.upserted");
        assertThat(event.path("subject").asText()).isEqualTo(key);
        JsonNode data = event.path("data");
        assertThat(data.path("number").asText()).isEqualTo(number);
        assertThat(data.path("procedures").get(0).path("action").asText()).isEqualTo("NEW");
        assertThat(data.path("procedures").get(1).path("madePublicAt").isNull()).isTrue();

        // the same facts with the procedures in another order: unchanged, no event
        Map<String, Object> reordered = new LinkedHashMap<>(body);
        reordered.put("procedures", List.of(((List<?>) body.get("procedures")).get(1), ((List<?>) body.get("procedures")).get(0)));
        reordered.put("updatedAt", time(now().minusMinutes(2)));
        post(province(), reordered).then().statusCode(200).body("effect", equalTo("UNCHANGED"));

        // made public: an update
        Map<String, Object> published = new LinkedHashMap<>(body);
        published.put("procedures", List.of(entry(p1, "NEW", time(now().minusDays(5))),
                entry(p2, "AMENDED", time(now().minusDays(1)))));
        published.put("updatedAt", time(now().minusMinutes(1)));
        post(province(), published).then().statusCode(200).body("effect", equalTo("UPDATED"));

        // an older state arrives late: recorded, but it does not override
        Map<String, Object> late = new LinkedHashMap<>(body);
        late.put("legalEffectiveOn", LocalDate.now().plusDays(60).toString());
        late.put("updatedAt", time(now().minusHours(3)));
        post(province(), late).then().statusCode(200).body("effect", equalTo("STALE"));
        assertThat(rows("SELECT legal_effective_on::text AS l, revision FROM publishing_decision WHERE unit_code = ? "
                + "AND number = ?", "38.SXD", number).get(0))
                .containsEntry("l", body.get("legalEffectiveOn")).containsEntry("revision", 2L);
        assertThat(outboxEvents(key)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM submission WHERE kind = 'PUBLISHING_DECISION' AND object_key = ?", key))
                .isEqualTo(4);
    }

    @Test
    void invalidDecisionNamesEveryBadField() {
        Map<String, Object> body = decision("38.SXD", "  ", p1, p1);
        body.put("signedOn", "2026-13-01");
        body.remove("legalEffectiveOn");
        body.remove("updatedAt");
        body.put("unitCode", "38 SXD");
        body.put("signer", "Chủ tịch");
        List<Object> procedures = new ArrayList<>((List<?>) body.get("procedures"));
        procedures.add(entry(p2, "REPEALED", "yesterday"));
        procedures.add("not an object");
        body.put("procedures", procedures);
        post(province(), body).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("number", "signedOn", "legalEffectiveOn", "updatedAt", "unitCode",
                        "signer", "procedures[1].procedureCode", "procedures[2].action", "procedures[2].madePublicAt",
                        "procedures[3]"))
                .body("errors.find { it.field == 'procedures[1].procedureCode' }.rule", equalTo("uniqueItems"));
        Map<String, Object> empty = decision("38.SXD", unique("N"));
        post(province(), empty).then().statusCode(400).body("errors[0].field", equalTo("procedures"))
                .body("errors[0].rule", equalTo("minItems"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void implausibleDecisionIs422AndItsReasonCanBeReadBack() {
        String unknownProcedure = unique("P-NOPE");
        Map<String, Object> body = decision("38.SXD", unique("N"), p1, unknownProcedure);
        body.put("signedOn", LocalDate.now(VN).plusDays(2).toString());
        ((List<Map<String, Object>>) body.get("procedures")).get(0).put("madePublicAt", time(now().minusDays(30)));
        Response r = post(province(), body);
        r.then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("signedOn", "procedures[0].madePublicAt",
                        "procedures[1].procedureCode"))
                .body("errors.rule", containsInAnyOrder("notInFuture", "notBefore", "knownProcedure"));
        String instance = r.jsonPath().getString("instance");
        String id = instance.substring(instance.lastIndexOf('/') + 1);
        getSubmission(province(), id).then().statusCode(200).body("kind", equalTo("PUBLISHING_DECISION"))
                .body("outcome", equalTo("REJECTED")).body("errors.rule", hasItems("knownProcedure"));

        post(province(), decision("38.NOPE", unique("N"), p1)).then().statusCode(422)
                .body("errors[0].field", equalTo("unitCode")).body("errors[0].rule", equalTo("knownUnit"));
        Map<String, Object> future = decision("38.SXD", unique("N"), p1);
        future.put("updatedAt", time(now().plusHours(1)));
        post(province(), future).then().statusCode(422).body("errors[0].field", equalTo("updatedAt"));
        assertThat(count("SELECT count(*) FROM publishing_decision WHERE number = ?", future.get("number"))).isZero();
    }

    @Test
    void departmentWritesOnlyItsOwnDecisions() {
        Map<String, Object> body = decision("38.SXD", unique("N"), p1);
        post(snv(), body).then().statusCode(403).contentType("application/problem+json")
                .body("errors[0].field", equalTo("unitCode")).body("errors[0].rule", equalTo("unitScope"));
        assertThat(count("SELECT count(*) FROM publishing_decision WHERE number = ?", body.get("number"))).isZero();
        assertThat(outboxEvents("38.SXD/" + body.get("number"))).isZero();
        // nothing was stored: the province's write of the same decision creates it
        post(province(), body).then().statusCode(201).body("effect", equalTo("CREATED"));
        post(TestTokens.withoutUnit("no-unit"), body).then().statusCode(403);
    }

    @Test
    void batchJudgesEachDecision() {
        String prefix = unique("B");
        Map<String, Object> ok = decision("38.SNV", prefix + "-ok", p1);
        Map<String, Object> foreign = decision("38.SXD", prefix + "-foreign", p1);
        Map<String, Object> bad = decision("38.SNV", prefix + "-bad", p1);
        bad.put("signedOn", "yesterday");
        Map<String, Object> twice = decision("38.SNV", prefix + "-ok", p2);
        Response r = batch(snv(), Map.of("items", List.of(ok, foreign, bad, twice)));
        r.then().statusCode(200).body("results.status", equalTo(List.of(201, 403, 400, 400)))
                .body("results[0].key", equalTo("38.SNV/" + prefix + "-ok"))
                .body("results[2].errors[0].field", equalTo("items[2].signedOn"))
                .body("results[3].errors[0].field", equalTo("items[3].number"))
                .body("results[3].errors[0].rule", equalTo("unique"));
        assertThat(count("SELECT count(*) FROM publishing_decision WHERE number LIKE ?", prefix + "-%")).isEqualTo(1);
        assertThat(KafkaProbe.await(Topics.PUBLISHING_DECISIONS, e -> e.key().equals("38.SNV/" + prefix + "-ok"), 1,
                Duration.ofSeconds(30))).hasSize(1);
        batch(snv(), Map.of("items", List.of())).then().statusCode(400).body("errors[0].rule", equalTo("minItems"));
    }

    @Test
    void idempotencyKeyReplaysTheDecisionsAnswer() {
        Map<String, Object> body = decision("38.SXD", unique("N"), p1);
        String key = UUID.randomUUID().toString();
        Response first = given().auth().oauth2(province()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/publishing-decisions");
        first.then().statusCode(201);
        Response again = given().auth().oauth2(province()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/publishing-decisions");
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(count("SELECT count(*) FROM submission WHERE object_key = ?", "38.SXD/" + body.get("number")))
                .isEqualTo(1);
    }

    /** A decision of {@code unit} signed ten days ago, taking effect in thirty days, publishing the procedures. */
    static Map<String, Object> decision(String unit, String number, String... procedures) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("unitCode", unit);
        d.put("number", number);
        d.put("signedOn", LocalDate.now(VN).minusDays(10).toString());
        d.put("legalEffectiveOn", LocalDate.now(VN).plusDays(30).toString());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < procedures.length; i++) {
            entries.add(entry(procedures[i], i == 0 ? "NEW" : "AMENDED", i == 0 ? time(now().minusDays(9)) : null));
        }
        d.put("procedures", entries);
        d.put("updatedAt", time(now().minusMinutes(5)));
        return d;
    }
}
