package dvc766.ingestion;

import static io.restassured.RestAssured.given;

import dvc766.testsupport.EmbeddedPostgresResource;
import dvc766.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data and helpers shared by the module's tests: the unit tree, bodies, tokens, direct database reads. */
final class Fixtures {

    static final ZoneOffset VN = ZoneOffset.ofHours(7);
    static final String PROVINCE_CLIENT = "demo-agency";
    static final String SNV_CLIENT = "demo-agency-snv";

    private Fixtures() {}

    static String province() { return TestTokens.agency(PROVINCE_CLIENT, "38"); }

    static String snv() { return TestTokens.agency(SNV_CLIENT, "38.SNV"); }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The demo tree the tests write into; idempotent (a second PUT is UNCHANGED). */
    static void ensureTree() {
        unit("38", "Tỉnh Thanh Hóa", "PROVINCE", null);
        unit("38.SNV", "Sở Nội vụ", "DEPARTMENT", "38");
        unit("38.SXD", "Sở Xây dựng", "DEPARTMENT", "38");
        unit("380", "Thành phố Thanh Hóa", "DISTRICT", "38");
        unit("38001", "Phường Hàm Rồng (made up)", "COMMUNE", "380");
    }

    static void unit(String code, String name, String level, String parent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("level", level);
        body.put("parentCode", parent);
        int status = putUnit(code, body).statusCode();
        if (status != 200 && status != 201) throw new IllegalStateException("unit " + code + " answered " + status);
    }

    static Response putUnit(String code, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/admin/units/{code}", code);
    }

    static String time(OffsetDateTime t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static OffsetDateTime now() { return OffsetDateTime.now(VN); }

    static Map<String, Object> procedure(String unitCode) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "Cấp giấy phép xây dựng");
        p.put("field", "Xây dựng");
        p.put("unitCodes", List.of(unitCode));
        p.put("applicantTypes", List.of("CITIZEN", "ORGANIZATION"));
        p.put("onlineLevel", "FULL");
        p.put("eligibleForFullOnline", true);
        p.put("feeBearing", true);
        p.put("paymentIntegrated", true);
        p.put("paperResult", true);
        p.put("legalTime", Map.of("amount", 15, "unit", "WORKING_DAYS"));
        p.put("publicParts", List.of("NAME", "STEPS", "CHANNELS", "DOSSIER_COMPOSITION", "TIME_LIMIT", "APPLICANTS",
                "IMPLEMENTING_BODY"));
        p.put("madePublicAt", time(now().minusDays(30)));
        p.put("updatedAt", time(now().minusMinutes(5)));
        return p;
    }

    /** Creates a procedure implemented by {@code unitCode} as the province's client; returns its code. */
    static String createProcedure(String unitCode) {
        String code = unique("P");
        given().auth().oauth2(province()).contentType(ContentType.JSON).body(procedure(unitCode))
                .put("/api/v1/procedures/{code}", code).then().statusCode(201);
        return code;
    }

    static Map<String, Object> dossier(String procedureCode, String unitCode) {
        OffsetDateTime received = now().minusDays(3);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("procedureCode", procedureCode);
        d.put("unitCode", unitCode);
        d.put("channel", "ONLINE");
        d.put("receivedAt", time(received));
        d.put("dueAt", time(received.plusDays(15)));
        d.put("status", "RESULT_RETURNED");
        d.put("finishedAt", time(received.plusDays(2)));
        d.put("finishKind", "RESULT_RETURNED");
        d.put("supplements", List.of(Map.of("requestedAt", time(received.plusHours(2)), "returnedAt",
                time(received.plusHours(20)))));
        d.put("syncedAt", time(received.plusMinutes(10)));
        d.put("eResult", true);
        d.put("inputsDigitized", true);
        d.put("reusedData", false);
        d.put("personalStoreLinked", true);
        d.put("populationDataUsed", true);
        d.put("feeAmount", 150000);
        d.put("paidOnlineAt", time(received.plusMinutes(30)));
        d.put("rating", "SATISFIED");
        d.put("updatedAt", time(now().minusMinutes(1)));
        return d;
    }

    static Response putDossier(String token, String code, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/api/v1/dossiers/{code}", code);
    }

    static Response getSubmission(String token, String id) {
        return given().auth().oauth2(token).accept(ContentType.JSON).get("/api/v1/submissions/{id}", id);
    }

    // ---- direct database reads (schema ingestion), to check what was stored without going through the API

    static Connection db() throws SQLException {
        return DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl() + "?currentSchema=ingestion",
                "postgres", "postgres");
    }

    static List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
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

    static long outboxEvents(String key) {
        return count("SELECT count(*) FROM kit_outbox WHERE event_key = ?", key);
    }
}
