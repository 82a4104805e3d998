package dvc766.complaint;

import static io.restassured.RestAssured.given;

import dvc766.complaint.domain.ProofOfWork;
import dvc766.contracts.events.CloudEvent;
import dvc766.contracts.events.EventType;
import dvc766.contracts.events.Topics;
import dvc766.contracts.events.UnitData;
import dvc766.kit.events.EventJson;
import dvc766.testsupport.EmbeddedPostgresResource;
import dvc766.testsupport.KafkaProbe;
import dvc766.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/** Test data and helpers: the unit tree (fed through Kafka, as ingestion would), tokens, PAKN bodies, direct reads. */
final class Fixtures {

    static final ZoneOffset VN = ZoneOffset.ofHours(7);
    static final String SECRET = "X-Tracking-Secret";

    private Fixtures() {}

    static String official(String unit) { return TestTokens.official("can-bo-" + unit, unit, "official"); }

    static String monitor() { return TestTokens.official("monitor", "38", "monitor"); }

    static String agency(String unit) { return TestTokens.agency("demo-agency-" + unit, unit); }

    static String unique(String prefix) { return prefix + "-" + UUID.randomUUID().toString().substring(0, 8); }

    /** A fresh client address (the test client is a trusted proxy), so each test has its own rate-limit bucket. */
    static String newIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    /** The demo tree: 38 (province) > 38.SNV, 380 > 38001; and 39, another province. Idempotent. */
    static synchronized void ensureTree() {
        String[][] units = {{"38", "Tỉnh Thanh Hóa", "PROVINCE", null}, {"38.SNV", "Sở Nội vụ", "DEPARTMENT", "38"},
                {"380", "Thành phố Thanh Hóa", "DISTRICT", "38"}, {"38001", "Phường Hàm Rồng", "COMMUNE", "380"},
                {"39", "Tỉnh Nghệ An", "PROVINCE", null}};
        if (count("SELECT count(*) FROM unit WHERE code IN ('38','38.SNV','380','38001','39')") == units.length) return;
        for (String[] u : units) {
            UnitData d = new UnitData(u[0], u[1], u[2], u[3], null, null, null, OffsetDateTime.now(VN), 1);
            KafkaProbe.send(Topics.UNITS, u[0], EventJson.write(CloudEvent.of(UUID.randomUUID().toString(),
                    EventType.UNIT_UPSERTED, "/dvc766/ingestion", OffsetDateTime.now(ZoneOffset.UTC), u[0], d)));
        }
        await("the unit tree arrives", Duration.ofSeconds(60),
                () -> count("SELECT count(*) FROM unit WHERE code IN ('38','38.SNV','380','38001','39')") == units.length);
    }

    static RequestSpecification citizen(String ip) {
        return given().header("X-Forwarded-For", ip).contentType(ContentType.JSON);
    }

    /** A solved challenge as a client would send it. */
    static Map<String, Object> solvedChallenge() {
        Response c = given().get("/public/v1/complaints/challenge").then().statusCode(200).extract().response();
        String nonce = c.path("nonce");
        int difficulty = c.path("difficulty");
        return Map.of("nonce", nonce, "solution", ProofOfWork.solve(nonce, difficulty));
    }

    static Map<String, Object> pakn(String unit, String text) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("unitCode", unit);
        b.put("category", "TTHC_REGULATION");
        b.put("text", text);
        b.put("challenge", solvedChallenge());
        return b;
    }

    /** Submits a PAKN for {@code unit}; returns [trackingCode, secret]. */
    static String[] submit(String unit) {
        Response r = citizen(newIp()).body(pakn(unit, "Đường vào bộ phận một cửa bị hỏng " + UUID.randomUUID()))
                .post("/public/v1/complaints").then().statusCode(201).extract().response();
        return new String[] {r.path("trackingCode"), r.path("secret")};
    }

    static Response act(String token, String id, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/complaints/{id}/actions", id);
    }

    static void actOk(String token, String id, Object... kv) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) body.put((String) kv[i], kv[i + 1]);
        act(token, id, body).then().statusCode(200);
    }

    static void await(String what, Duration timeout, BooleanSupplier done) {
        Instant end = Instant.now().plus(timeout);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(end)) throw new AssertionError("timed out waiting until " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Events on dvc.complaints.v1 for this PAKN, at least {@code atLeast}, within 30 s. */
    static List<String> events(String id, int atLeast) {
        return KafkaProbe.await(Topics.COMPLAINTS, r -> id.equals(r.key()), atLeast, Duration.ofSeconds(30))
                .stream().map(r -> r.value()).toList();
    }

    // ---- direct database access (schema complaint)

    static Connection db() throws SQLException {
        return DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl() + "?currentSchema=complaint", "postgres", "postgres");
    }

    static List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String sql, Object... params) {
        return ((Number) rows(sql, params).get(0).values().iterator().next()).longValue();
    }

    static int execute(String sql, Object... params) throws SQLException {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            return ps.executeUpdate();
        }
    }
}
