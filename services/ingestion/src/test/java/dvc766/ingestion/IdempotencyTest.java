package dvc766.ingestion;

import static dvc766.ingestion.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dvc766.contracts.events.Topics;
import dvc766.ingestion.api.IdempotentRequests;
import dvc766.testsupport.KafkaProbe;
import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "Idempotency-Key";

    @Inject
    IdempotentRequests idempotent;

    private String procedure;

    @BeforeEach
    void tree() {
        ensureTree();
        procedure = createProcedure("380");
    }

    private static Response put(String token, String key, String code, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header(KEY, key).body(body)
                .put("/api/v1/dossiers/{code}", code);
    }

    private static Response batch(String token, String key, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header(KEY, key).body(body)
                .post("/api/v1/dossiers:batch");
    }

    @Test
    void retryReplaysTheFirstAnswerAndWritesNothing() throws Exception {
        String code = unique("HS");
        String key = UUID.randomUUID().toString();
        String body = JSON.writeValueAsString(dossier(procedure, "380"));

        Response first = put(province(), key, code, body);
        first.then().statusCode(201).body("effect", equalTo("CREATED"));
        assertThat(first.header("Idempotent-Replayed")).isNull();
        Response again = put(province(), key, code, body);
        again.then().statusCode(201).contentType(ContentType.JSON).header("Idempotent-Replayed", "true");
        assertThat(again.asString()).isEqualTo(first.asString());

        assertThat(count("SELECT count(*) FROM submission WHERE object_key = ?", code)).isEqualTo(1);
        assertThat(outboxEvents(code)).isEqualTo(1);
        assertThat(KafkaProbe.await(Topics.DOSSIERS, e -> code.equals(e.key()), 1, Duration.ofSeconds(30))).hasSize(1);
        assertThat(KafkaProbe.await(Topics.DOSSIERS, e -> code.equals(e.key()), 2, Duration.ofSeconds(3))).hasSize(1);
        // without the key the same body is processed again (and is UNCHANGED)
        putDossier(province(), code, body).then().statusCode(200).body("effect", equalTo("UNCHANGED"));
    }

    @Test
    void batchRetryReplaysTheResultsAndARejectionIsReplayedToo() throws Exception {
        String a = unique("HS");
        String b = unique("HS");
        Map<String, Object> bad = dossier(procedure, "380");
        bad.put("channel", "PIGEON");
        String body = JSON.writeValueAsString(Map.of("items", List.of(item(a, dossier(procedure, "380")), item(b, bad))));
        String key = UUID.randomUUID().toString();

        Response first = batch(province(), key, body);
        first.then().statusCode(200).body("results[0].status", equalTo(201)).body("results[1].status", equalTo(400));
        Response again = batch(province(), key, body);
        again.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(count("SELECT count(*) FROM submission WHERE object_key IN (?, ?)", a, b)).isEqualTo(2);
        assertThat(outboxEvents(a)).isEqualTo(1);

        // a single write rejected (problem+json) is stored and replayed as well
        String key2 = UUID.randomUUID().toString();
        String badSingle = JSON.writeValueAsString(bad);
        Response rejected = put(province(), key2, b, badSingle);
        rejected.then().statusCode(400).contentType("application/problem+json");
        Response replayed = put(province(), key2, b, badSingle);
        replayed.then().statusCode(400).contentType("application/problem+json").header("Idempotent-Replayed", "true");
        assertThat(replayed.asString()).isEqualTo(rejected.asString());
        assertThat(count("SELECT count(*) FROM submission WHERE object_key = ? AND batch_id IS NULL", b)).isEqualTo(1);
    }

    private static Map<String, Object> item(String code, Map<String, Object> d) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("code", code);
        m.putAll(d);
        return m;
    }

    @Test
    void theAnswerIsStoredInTheWritesOwnTransaction() throws Exception {
        String code = unique("HS");
        String key = UUID.randomUUID().toString();
        put(province(), key, code, JSON.writeValueAsString(dossier(procedure, "380"))).then().statusCode(201);
        // one PostgreSQL transaction wrote the dossier, its audit row and the stored answer (rows never updated since)
        Object tx = rows("SELECT xmin::text AS x FROM dossier WHERE code = ?", code).get(0).get("x");
        assertThat(rows("SELECT xmin::text AS x, state FROM idempotency_key WHERE idem_key = ?", key).get(0))
                .containsEntry("x", tx).containsEntry("state", "COMPLETED");
        assertThat(rows("SELECT xmin::text AS x FROM submission WHERE object_key = ?", code).get(0)).containsEntry("x", tx);
    }

    @Test
    void whenTheAnswerCannotBeStoredNothingIsCommittedAndTheKeyIsFree() throws Exception {
        String code = unique("HS");
        String key = "fail-" + UUID.randomUUID();
        String body = JSON.writeValueAsString(dossier(procedure, "380"));
        // the crash stand-in: storing the answer of this key fails inside the write's transaction
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE FUNCTION test_refuse_answer() RETURNS trigger LANGUAGE plpgsql AS $$ "
                    + "BEGIN RAISE EXCEPTION 'answer refused by the test'; END $$");
            s.execute("CREATE TRIGGER test_refuse_answer BEFORE UPDATE ON idempotency_key FOR EACH ROW "
                    + "WHEN (NEW.state = 'COMPLETED' AND NEW.idem_key LIKE 'fail-%') EXECUTE FUNCTION test_refuse_answer()");
        }
        try {
            put(province(), key, code, body).then().statusCode(500);
        } finally {
            try (Connection c = db(); Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER test_refuse_answer ON idempotency_key");
            }
        }
        // the write went with its answer: no dossier, no event, no accepted submission, and no key left IN_FLIGHT
        assertThat(count("SELECT count(*) FROM dossier WHERE code = ?", code)).isZero();
        assertThat(outboxEvents(code)).isZero();
        assertThat(count("SELECT count(*) FROM submission WHERE object_key = ? AND outcome = 'ACCEPTED'", code)).isZero();
        assertThat(count("SELECT count(*) FROM idempotency_key WHERE idem_key = ?", key)).isZero();
        // so the retry with the same key is processed at once, and then replayed
        put(province(), key, code, body).then().statusCode(201).body("effect", equalTo("CREATED"));
        put(province(), key, code, body).then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(outboxEvents(code)).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyIs422() throws Exception {
        String code = unique("HS");
        String key = UUID.randomUUID().toString();
        Map<String, Object> d = dossier(procedure, "380");
        put(province(), key, code, JSON.writeValueAsString(d)).then().statusCode(201);
        d.put("status", "IN_PROGRESS");
        d.remove("finishedAt");
        d.remove("finishKind");
        put(province(), key, code, JSON.writeValueAsString(d)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dvc766:problem:idempotency-key-reused"));
        assertThat(count("SELECT count(*) FROM submission WHERE object_key = ?", code)).isEqualTo(1);
        assertThat(outboxEvents(code)).isEqualTo(1);
    }

    @Test
    void keyStillInFlightIs409AndAnExpiredOneIsProcessed() throws Exception {
        String code = unique("HS");
        String body = JSON.writeValueAsString(dossier(procedure, "380"));
        String held = UUID.randomUUID().toString();
        // the first request with this key is still running (its claim holds for another minute)
        inFlight(held, "/api/v1/dossiers/" + code, OffsetDateTime.now().plusMinutes(1));
        put(province(), held, code, body).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:dvc766:problem:idempotency-key-in-flight"));
        assertThat(count("SELECT count(*) FROM submission WHERE object_key = ?", code)).isZero();

        // a crashed request's claim expired: the retry is processed and completes the key
        String crashed = UUID.randomUUID().toString();
        inFlight(crashed, "/api/v1/dossiers/" + code, OffsetDateTime.now().minusSeconds(1));
        put(province(), crashed, code, body).then().statusCode(201).body("effect", equalTo("CREATED"));
        put(province(), crashed, code, body).then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(rows("SELECT state FROM idempotency_key WHERE idem_key = ?", crashed).get(0))
                .containsEntry("state", "COMPLETED");
        assertThat(count("SELECT count(*) FROM submission WHERE object_key = ?", code)).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyProcessOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        List<Object> list = new java.util.ArrayList<>();
        for (int i = 0; i < 800; i++) list.add(item(unique("HS"), dossier(procedure, "380")));
        String body = JSON.writeValueAsString(Map.of("items", list));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var f1 = pool.submit(() -> batch(province(), key, body).statusCode());
            var f2 = pool.submit(() -> batch(province(), key, body).statusCode());
            List<Integer> statuses = List.of(f1.get(), f2.get());
            // one of them processed it; the other either met it in flight (409) or got its replay (200)
            assertThat(statuses).contains(200);
            assertThat(statuses).allMatch(s -> s == 200 || s == 409);
        } finally {
            pool.shutdown();
        }
        assertThat(count("SELECT count(*) FROM submission WHERE client_id = ? AND batch_index = 0 AND object_key = ?",
                PROVINCE_CLIENT, ((Map<?, ?>) list.get(0)).get("code"))).isEqualTo(1);
    }

    @Test
    void keysAreScopedPerClient() throws Exception {
        String key = UUID.randomUUID().toString();
        String a = unique("HS");
        String b = unique("HS");
        String procedureSnv = createProcedure("38.SNV");
        String body = JSON.writeValueAsString(Map.of("items", List.of(item(a, dossier(procedure, "380")))));
        String bodySnv = JSON.writeValueAsString(Map.of("items", List.of(item(b, dossier(procedureSnv, "38.SNV")))));
        batch(province(), key, body).then().statusCode(200).body("results[0].status", equalTo(201));
        Response other = batch(snv(), key, bodySnv);
        other.then().statusCode(200).body("results[0].status", equalTo(201));
        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(count("SELECT count(*) FROM dossier WHERE code IN (?, ?)", a, b)).isEqualTo(2);
    }

    @Test
    void everyWriteRouteHonoursTheKey() throws Exception {
        String key = UUID.randomUUID().toString();
        String unitBody = JSON.writeValueAsString(Map.of("name", "Xã thử", "level", "COMMUNE", "parentCode", "380"));
        String unit = unique("38U").replace("-", "");
        Response u1 = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header(KEY, key)
                .body(unitBody).put("/api/v1/admin/units/{code}", unit);
        u1.then().statusCode(201);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header(KEY, key).body(unitBody)
                .put("/api/v1/admin/units/{code}", unit).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("submissionId", equalTo(u1.jsonPath().getString("submissionId")));

        String code = unique("P");
        String p = JSON.writeValueAsString(procedure("380"));
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(province()).contentType(ContentType.JSON).header(KEY, key).body(p)
                    .put("/api/v1/procedures/{code}", code).then().statusCode(201);
        }
        String pb = JSON.writeValueAsString(Map.of("items", List.of(item(unique("P"), procedure("380")))));
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(province()).contentType(ContentType.JSON).header(KEY, key).body(pb)
                    .post("/api/v1/procedures:batch").then().statusCode(200).body("results[0].status", equalTo(201));
        }
        assertThat(count("SELECT count(*) FROM submission WHERE object_key = ?", code)).isEqualTo(1);
        // one key, but per route: three rows
        assertThat(count("SELECT count(*) FROM idempotency_key WHERE idem_key = ?", key)).isEqualTo(3);
    }

    @Test
    void invalidKeyIs400NamingTheHeader() throws Exception {
        String code = unique("HS");
        String body = JSON.writeValueAsString(dossier(procedure, "380"));
        for (String bad : List.of("x".repeat(256), "tab\there")) {
            given().auth().oauth2(province()).contentType(ContentType.JSON).header(KEY, bad).body(body)
                    .put("/api/v1/dossiers/{code}", code).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(KEY));
        }
        given().auth().oauth2(province()).contentType(ContentType.JSON).header(KEY, "").body(body)
                .put("/api/v1/dossiers/{code}", code).then().statusCode(400).body("errors[0].field", equalTo(KEY));
        assertThat(count("SELECT count(*) FROM dossier WHERE code = ?", code)).isZero();
        put(province(), "x".repeat(255), code, body).then().statusCode(201);
    }

    @Test
    void purgeDeletesExpiredKeysOnly() throws Exception {
        String old = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO idempotency_key (client_id, method, path, idem_key, request_sha256, state, owner, created_at,
                    locked_until, status, content_type, body, completed_at)
                VALUES ('demo-agency', 'PUT', '/api/v1/dossiers/X', ?, 'h', 'COMPLETED', gen_random_uuid(),
                    now() - ?::interval, now(), 201, 'application/json', '\\x7b7d'::bytea, now())""")) {
            ps.setString(1, old);
            ps.setString(2, "25 hours");
            ps.executeUpdate();
            ps.setString(1, fresh);
            ps.setString(2, "1 hour");
            ps.executeUpdate();
        }
        assertThat(idempotent.purge()).isPositive();
        assertThat(count("SELECT count(*) FROM idempotency_key WHERE idem_key = ?", old)).isZero();
        assertThat(count("SELECT count(*) FROM idempotency_key WHERE idem_key = ?", fresh)).isEqualTo(1);
    }

    private static void inFlight(String key, String path, OffsetDateTime lockedUntil) throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO idempotency_key (client_id, method, path, idem_key, request_sha256, state, owner, created_at,
                    locked_until)
                VALUES (?, 'PUT', ?, ?, 'whatever', 'IN_FLIGHT', gen_random_uuid(), now() - interval '2 minutes', ?)""")) {
            ps.setString(1, PROVINCE_CLIENT);
            ps.setString(2, path);
            ps.setString(3, key);
            ps.setObject(4, lockedUntil);
            ps.executeUpdate();
        }
    }
}
