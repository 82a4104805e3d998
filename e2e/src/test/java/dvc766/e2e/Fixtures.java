package dvc766.e2e;

import static dvc766.e2e.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dvc766.e2e.Api.Identity;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The small province every e2e test works in: written once per run through the gateway, as the demo identities. */
final class Fixtures {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String PROVINCE = "38";
    static final String DISTRICT = "380";
    static final String COMMUNE = "14755";
    static final String DEPARTMENT = "38.SNV";
    static final String PROCEDURE = "1.009994.000.00.00.H56";

    private static boolean written;

    private Fixtures() {
    }

    static String currentPeriod() {
        return YearMonth.now(VIETNAM).toString();
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Admin writes the unit tree 38 → 380 → 14755 and 38 → 38.SNV; the province's agency writes one procedure. */
    static synchronized void ensureProvince() {
        if (written) {
            return;
        }
        long t0 = System.nanoTime();
        String at = now().toString();
        putUnit(PROVINCE, "Tỉnh Thanh Hóa", "PROVINCE", null, at);
        putUnit(DISTRICT, "Thành phố Thanh Hóa", "DISTRICT", PROVINCE, at);
        putUnit(COMMUNE, "Phường Hàm Rồng", "COMMUNE", DISTRICT, at);
        putUnit(DEPARTMENT, "Sở Nội vụ", "DEPARTMENT", PROVINCE, at);

        Map<String, Object> procedure = new LinkedHashMap<>();
        procedure.put("name", "Cấp giấy phép xây dựng");
        procedure.put("field", "Xây dựng");
        procedure.put("unitCodes", List.of(DISTRICT, COMMUNE, DEPARTMENT));
        procedure.put("applicantTypes", List.of("CITIZEN", "ORGANIZATION"));
        procedure.put("onlineLevel", "FULL");
        procedure.put("eligibleForFullOnline", true);
        procedure.put("feeBearing", true);
        procedure.put("paymentIntegrated", true);
        procedure.put("paperResult", true);
        procedure.put("legalTime", Map.of("amount", 15, "unit", "WORKING_DAYS"));
        procedure.put("publicParts", List.of("NAME", "STEPS", "CHANNELS", "DOSSIER_COMPOSITION", "TIME_LIMIT",
                "APPLICANTS", "IMPLEMENTING_BODY"));
        procedure.put("madePublicAt", "2024-01-02T08:00:00+07:00");
        procedure.put("updatedAt", at);
        Response r = as(Identity.AGENCY).body(procedure).put("/api/v1/procedures/{code}", PROCEDURE);
        assertThat(r.statusCode()).as("PUT procedure: %s", r.asString()).isIn(200, 201);
        assertThat(r.jsonPath().getString("outcome")).isEqualTo("ACCEPTED");

        long sent = System.nanoTime();
        // the public tree shows the units once they have gone through Kafka: later writes then meet a known tree
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Set<String> wanted = Set.of(PROVINCE, DISTRICT, COMMUNE, DEPARTMENT);
        List<String> seen = List.of();
        while (System.nanoTime() < deadline) {
            Response units = Api.anonymous().get("/public/v1/units");
            if (units.statusCode() == 200) {
                seen = new ArrayList<>(units.jsonPath().getList("code", String.class));
                if (seen.containsAll(wanted)) {
                    System.out.printf("[e2e] province written through the gateway in %d ms, listed by publication %d ms later%n",
                            (sent - t0) / 1_000_000, (System.nanoTime() - sent) / 1_000_000);
                    Fixtures.written = true;
                    return;
                }
            }
            Api.sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("GET /public/v1/units did not list " + wanted + " within 20 s; it lists " + seen);
    }

    private static void putUnit(String code, String name, String level, String parent, String at) {
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("name", name);
        unit.put("level", level);
        unit.put("parentCode", parent);
        unit.put("validFrom", "2022-01-01");
        unit.put("validTo", null);
        unit.put("eCertifiedCopySince", "COMMUNE".equals(level) ? "2024-05-01" : null);
        unit.put("updatedAt", at);
        Response r = as(Identity.ADMIN).body(unit).put("/api/v1/admin/units/{code}", code);
        assertThat(r.statusCode()).as("PUT unit %s: %s", code, r.asString()).isIn(200, 201);
        assertThat(r.jsonPath().getString("outcome")).as("PUT unit %s", code).isEqualTo("ACCEPTED");
    }

    static String newDossierCode() {
        return "E2E-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    /**
     * A dossier of the fixture procedure received an hour ago and processed a moment ago, well before its appointment
     * date: on time. It was not synchronised to the national portal, so the unit's total moves too.
     */
    static Map<String, Object> onTimeDossier(String unitCode) {
        OffsetDateTime now = now();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("procedureCode", PROCEDURE);
        d.put("unitCode", unitCode);
        d.put("channel", "ONLINE");
        d.put("receivedAt", now.minusHours(1).toString());
        d.put("dueAt", now.plusDays(3).toString());
        d.put("status", "PROCESSED");
        d.put("finishedAt", now.minusSeconds(10).toString());
        d.put("finishKind", "PROCESSED");
        d.put("supplements", List.of());
        d.put("syncedAt", null);
        d.put("eResult", false);
        d.put("inputsDigitized", false);
        d.put("reusedData", false);
        d.put("personalStoreLinked", false);
        d.put("populationDataUsed", false);
        d.put("feeAmount", 0);
        d.put("paidOnlineAt", null);
        d.put("rating", "SATISFIED");
        d.put("updatedAt", now.toString());
        return d;
    }
}
