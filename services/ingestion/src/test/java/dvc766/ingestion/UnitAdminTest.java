package dvc766.ingestion;

import static dvc766.ingestion.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dvc766.contracts.events.Topics;
import dvc766.testsupport.Contracts;
import dvc766.testsupport.KafkaProbe;
import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UnitAdminTest {

    @BeforeEach
    void tree() {
        ensureTree();
    }

    private static Map<String, Object> unitBody(String name, String level, String parent) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", name);
        b.put("level", level);
        b.put("parentCode", parent);
        return b;
    }

    @Test
    void adminCreatesAndUpdatesUnitsWithEvents() {
        String code = unique("D");
        Map<String, Object> body = unitBody("Xã Đông Hòa", "COMMUNE", "380");
        body.put("validFrom", "2022-01-01");
        body.put("updatedAt", "2026-01-01T10:00:00+07:00");
        putUnit(code, body).then().statusCode(201).body("kind", equalTo("UNIT")).body("effect", equalTo("CREATED"));
        putUnit(code, body).then().statusCode(200).body("effect", equalTo("UNCHANGED"));
        body.put("eCertifiedCopySince", "2024-05-01");
        body.put("updatedAt", "2026-01-02T10:00:00+07:00");
        putUnit(code, body).then().statusCode(200).body("effect", equalTo("UPDATED"));
        body.put("name", "Old name");
        body.put("updatedAt", "2025-01-01T10:00:00+07:00");
        putUnit(code, body).then().statusCode(200).body("effect", equalTo("STALE"));

        assertThat(rows("SELECT name, revision FROM unit WHERE code = ?", code).get(0))
                .containsEntry("name", "Xã Đông Hòa").containsEntry("revision", 2L);
        List<ConsumerRecord<String, String>> events = KafkaProbe.await(Topics.UNITS, e -> code.equals(e.key()), 2,
                Duration.ofSeconds(30));
        assertThat(events).hasSize(2);
        events.forEach(e -> Contracts.assertEventMatchesSchema(e.value()));
        assertThat(events.get(1).value()).contains("\"eCertifiedCopySince\":\"2024-05-01\"").contains("\"revision\":2");
    }

    @Test
    void agencyTokenMayNotAdministerUnits() {
        io.restassured.RestAssured.given().auth().oauth2(province()).contentType(ContentType.JSON)
                .body(unitBody("X", "COMMUNE", "380")).put("/api/v1/admin/units/{code}", unique("U"))
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void eCertifiedCopySinceIsACommunesAndNotInTheFuture() {
        Map<String, Object> district = unitBody("Huyện thử", "DISTRICT", "38");
        district.put("eCertifiedCopySince", "2024-05-01");
        String d = unique("D");
        putUnit(d, district).then().statusCode(400).body("errors[0].field", equalTo("eCertifiedCopySince"))
                .body("errors[0].rule", equalTo("level"));
        Map<String, Object> commune = unitBody("Xã thử", "COMMUNE", "380");
        commune.put("eCertifiedCopySince", java.time.LocalDate.now(VN).plusDays(3).toString());
        String c = unique("C");
        putUnit(c, commune).then().statusCode(422).body("errors[0].field", equalTo("eCertifiedCopySince"))
                .body("errors[0].rule", equalTo("notInFuture"));
        assertThat(count("SELECT count(*) FROM unit WHERE code IN (?, ?)", d, c)).isZero();
        commune.put("eCertifiedCopySince", java.time.LocalDate.now(VN).toString());
        putUnit(c, commune).then().statusCode(201);
    }

    @Test
    void invalidUnitNamesEveryBadField() {
        Map<String, Object> body = unitBody(null, "VILLAGE", "38");
        body.put("validFrom", "2025-07-01");
        body.put("validTo", "2025-01-01");
        body.put("eCertifiedCopySince", "01/05/2024");
        putUnit(unique("U"), body).then().statusCode(400)
                .body("errors.field", hasItems("name", "level", "validTo", "eCertifiedCopySince"));
    }

    @Test
    void unknownParentAndCyclesAreImplausible() {
        putUnit(unique("U"), unitBody("X", "COMMUNE", "NO-SUCH")).then().statusCode(422)
                .body("errors[0].rule", equalTo("knownParent"));
        String a = unique("A");
        String b = unique("B");
        putUnit(a, unitBody("A", "DISTRICT", "38")).then().statusCode(201);
        putUnit(b, unitBody("B", "COMMUNE", a)).then().statusCode(201);
        Map<String, Object> loop = unitBody("A", "DISTRICT", b);
        loop.put("updatedAt", OffsetDateTime.now().toString());
        putUnit(a, loop).then().statusCode(422).body("errors[0].field", equalTo("parentCode"))
                .body("errors[0].rule", equalTo("acyclic"));
        putUnit(a, unitBody("A", "DISTRICT", a)).then().statusCode(422).body("errors[0].rule", equalTo("acyclic"));
        assertThat(rows("SELECT parent_code FROM unit WHERE code = ?", a).get(0)).containsEntry("parent_code", "38");
    }

    @Test
    void reparentingKeepsTheOldTreeForEarlierDays() {
        // a district with one commune; on 2025-07-01 districts are abolished and the commune moves under the province
        String district = unique("D");
        String commune = unique("X");
        putUnit(district, unitBody("Huyện cũ", "DISTRICT", "38")).then().statusCode(201);
        putUnit(commune, unitBody("Xã (made up)", "COMMUNE", district)).then().statusCode(201);
        Map<String, Object> moved = unitBody("Xã (made up)", "COMMUNE", "38");
        moved.put("validFrom", "2025-07-01");
        moved.put("updatedAt", OffsetDateTime.now().toString());
        putUnit(commune, moved).then().statusCode(200).body("effect", equalTo("UPDATED"));
        // the second state carries the whole dated history: a consumer needs no earlier state to know both trees
        List<ConsumerRecord<String, String>> events = KafkaProbe.await(Topics.UNITS, e -> commune.equals(e.key()), 2,
                Duration.ofSeconds(30));
        events.forEach(e -> Contracts.assertEventMatchesSchema(e.value()));
        assertThat(events.get(1).value()).contains("\"parentEdges\":[{\"parentCode\":\"" + district
                + "\",\"validFrom\":null,\"validTo\":\"2025-07-01\"},{\"parentCode\":\"38\",\"validFrom\":\"2025-07-01\",\"validTo\":null}]");

        String procedure = createProcedure(commune);
        String districtClient = TestTokens.agency("district-client", district);
        Map<String, Object> before = dossier(procedure, commune);
        before.put("receivedAt", "2025-06-10T09:00:00+07:00");
        before.put("dueAt", "2025-06-30T17:00:00+07:00");
        before.put("finishedAt", "2025-06-20T09:00:00+07:00");
        before.put("supplements", List.of());
        putDossier(districtClient, unique("HS"), before).then().statusCode(201);

        Map<String, Object> after = dossier(procedure, commune);
        putDossier(districtClient, unique("HS"), after).then().statusCode(403)
                .body("errors[0].rule", equalTo("unitScope"));
        putDossier(province(), unique("HS"), after).then().statusCode(201);
    }
}
