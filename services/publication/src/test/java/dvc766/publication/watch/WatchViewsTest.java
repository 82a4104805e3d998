package dvc766.publication.watch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dvc766.contracts.events.DossierData;
import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The internal views over a small tree built from events: province P with districts P.A and P.B, dossiers in every
 * state the views tell apart, and tokens of the provincial office, a district official, an agency and none.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatchViewsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private String p;
    private String monitor;
    private boolean ready;

    @BeforeAll
    void tree() {
        p = WatchFixtures.uniquePrefix();
        monitor = TestTokens.official("monitor", p, "monitor");
        WatchFixtures.unit(p, "Tỉnh Thử", "PROVINCE", null);
        WatchFixtures.unit(p + ".A", "Huyện Đông Sơn", "DISTRICT", p);
        WatchFixtures.unit(p + ".B", "Huyện Thường Xuân", "DISTRICT", p);
        OffsetDateTime now = WatchFixtures.now();
        String proc = p + ".PROC";
        // the dossier without appointment date comes before its procedure: its deadline appears when the procedure does
        WatchFixtures.send(WatchFixtures.dossier(p + "-LEGAL", proc, p + ".B", now.minusDays(30), null, "IN_PROGRESS", 1));
        WatchFixtures.procedure(proc, p + ".B", 5, "WORKING_DAYS", 1);
        WatchFixtures.send(WatchFixtures.dossier(p + "-SOON", proc, p + ".A", now.minusDays(2), now.plusHours(1), "IN_PROGRESS", 1));
        WatchFixtures.send(WatchFixtures.dossier(p + "-LATE", proc, p + ".B", now.minusDays(9), now.minusDays(2), "RECEIVED", 1));
        WatchFixtures.send(WatchFixtures.dossier(p + "-FAR", proc, p + ".A", now.minusDays(1), now.plusDays(60), "IN_PROGRESS", 1));
        WatchFixtures.send(WatchFixtures.dossier(p + "-TWICE", proc, p + ".A", now.minusDays(5), now.plusDays(20), "IN_PROGRESS", 1,
                new DossierData.Supplement(now.minusDays(4), now.minusDays(3)),
                new DossierData.Supplement(now.minusDays(2), null)));
        WatchFixtures.send(WatchFixtures.dossier(p + "-WAIT", proc, p + ".A", now.minusDays(5), now.minusDays(1), "AWAITING_SUPPLEMENT", 1,
                new DossierData.Supplement(now.minusDays(3), null)));
        WatchFixtures.send(WatchFixtures.dossier(p + "-DONE", proc, p + ".A", now.minusDays(5), now.minusDays(1), "PROCESSED", 1));
        // revision 2 (closed) then a stale revision 1 (open and overdue): it stays closed
        WatchFixtures.send(WatchFixtures.dossier(p + "-STALE", proc, p + ".B", now.minusDays(5), now.minusDays(1), "RESULT_RETURNED", 2));
        WatchFixtures.send(WatchFixtures.dossier(p + "-STALE", proc, p + ".B", now.minusDays(5), now.minusDays(1), "IN_PROGRESS", 1));
    }

    /** The HTTP port is known per test, not in @BeforeAll: wait here, once, until the events are applied. */
    @BeforeEach
    void applied() {
        if (ready) return;
        // the overdue list holds its three once the legal-time dossier got its deadline from its procedure
        await().atMost(WAIT).until(() -> codes(overdue(monitor, null)).size() == 3);
        ready = true;
    }

    private static JsonPath overdue(String token, String query) {
        return given().auth().oauth2(token).get("/api/v1/watch/overdue" + (query == null ? "" : "?" + query))
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> codes(JsonPath page) {
        return page.getList("items.dossierCode");
    }

    @Test
    void theProvincialOfficeSeesDossiersDueSoonInItsWholeTree() {
        JsonPath due = given().auth().oauth2(monitor).queryParam("withinWorkingDays", 3).get("/api/v1/watch/due-soon")
                .then().statusCode(200).extract().jsonPath();
        assertThat(codes(due)).containsExactly(p + "-SOON");
        assertThat(due.getString("unit")).isEqualTo(p);
        assertThat(due.getInt("withinWorkingDays")).isEqualTo(3);
        assertThat(due.getLong("total")).isEqualTo(1);
        assertThat(due.getString("items[0].unitName")).isEqualTo("Huyện Đông Sơn");
        assertThat(due.getInt("items[0].workingDaysLeft")).isBetween(0, 1);
        assertThat(due.getString("items[0].overdueReason")).isNull();
        assertThat(OffsetDateTime.parse(due.getString("until"))).isAfter(OffsetDateTime.parse(due.getString("items[0].deadline")));
    }

    @Test
    void overdueDossiersWithTheirReasonWaitingAndClosedOnesLeftOut() {
        JsonPath late = overdue(monitor, null);
        assertThat(codes(late)).containsExactlyInAnyOrder(p + "-LATE", p + "-TWICE", p + "-LEGAL");
        Map<String, String> reasons = late.<Map<String, Object>>getList("items").stream()
                .collect(Collectors.toMap(m -> (String) m.get("dossierCode"), m -> (String) m.get("overdueReason")));
        assertThat(reasons).containsEntry(p + "-TWICE", "SECOND_SUPPLEMENT").containsEntry(p + "-LATE", "DEADLINE_PASSED")
                .containsEntry(p + "-LEGAL", "DEADLINE_PASSED");
        // the legal time (5 working days after receipt 30 days ago) gave the deadline
        String legalDeadline = late.<Map<String, Object>>getList("items").stream()
                .filter(m -> m.get("dossierCode").equals(p + "-LEGAL")).findFirst().orElseThrow().get("deadline").toString();
        assertThat(OffsetDateTime.parse(legalDeadline)).isBefore(WatchFixtures.now().minusDays(20));
    }

    @Test
    void overdueCountedPerUnit() {
        JsonPath byUnit = overdue(monitor, "groupBy=unit");
        assertThat(byUnit.getString("groupBy")).isEqualTo("unit");
        assertThat(byUnit.getList("units.unitCode")).containsExactly(p + ".B", p + ".A");
        assertThat(byUnit.getList("units.overdue", Integer.class)).containsExactly(2, 1);
        assertThat(byUnit.getList("units.unitName")).containsExactly("Huyện Thường Xuân", "Huyện Đông Sơn");
        assertThat(byUnit.getLong("total")).isEqualTo(2);
    }

    @Test
    void aDistrictOfficialSeesOnlyItsSubtreeAndNothingOutsideIt() {
        String official = TestTokens.official("chuyenvien", p + ".A", "official");
        assertThat(codes(overdue(official, null))).containsExactly(p + "-TWICE");
        assertThat(overdue(official, "unit=" + p + ".A").getString("unit")).isEqualTo(p + ".A");
        given().auth().oauth2(official).get("/api/v1/watch/overdue?unit=" + p + ".B").then().statusCode(403)
                .contentType(containsString("application/problem+json"));
        given().auth().oauth2(official).get("/api/v1/watch/due-soon?unit=" + p).then().statusCode(403);
        // the monitor narrows to one district
        assertThat(codes(overdue(monitor, "unit=" + p + ".B"))).containsExactlyInAnyOrder(p + "-LATE", p + "-LEGAL");
    }

    @Test
    void failClosedForEveryoneElse() {
        given().get("/api/v1/watch/overdue").then().statusCode(401);
        given().auth().oauth2(TestTokens.agency("demo-agency", p)).get("/api/v1/watch/overdue").then().statusCode(403)
                .body("type", equalTo("urn:dvc766:problem:forbidden"));
        given().auth().oauth2(TestTokens.official("x", p)).get("/api/v1/watch/due-soon").then().statusCode(403);
        given().auth().oauth2(TestTokens.withoutUnit("x")).get("/api/v1/watch/falling").then().statusCode(403);
        given().auth().oauth2(TestTokens.expired(p)).get("/api/v1/watch/overdue").then().statusCode(401);
        // an official whose token names no unit sees nothing
        String noUnit = io.smallrye.jwt.build.Jwt.claims().issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .subject("nobody").claim("realm_access", Map.of("roles", List.of("official"))).expiresIn(600)
                .jws().keyId("1").sign("privateKey.jwk");
        given().auth().oauth2(noUnit).get("/api/v1/watch/overdue").then().statusCode(403);
    }

    @Test
    void pagesAreClampedAndBadParametersNamed() {
        JsonPath page = overdue(monitor, "size=1&page=1");
        assertThat(page.getInt("size")).isEqualTo(1);
        assertThat(page.getList("items")).hasSize(1);
        assertThat(page.getLong("total")).isEqualTo(3);
        assertThat(overdue(monitor, "size=100000").getInt("size")).isEqualTo(200);
        assertThat(overdue(monitor, "page=5").getList("items")).isEmpty();

        given().auth().oauth2(monitor)
                .get("/api/v1/watch/due-soon?withinWorkingDays=abc&page=-1&size=0").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", hasItems("withinWorkingDays", "page", "size"))
                .body("errors.rule", hasItems("type", "minimum"));
        given().auth().oauth2(monitor).get("/api/v1/watch/due-soon?withinWorkingDays=31").then().statusCode(400)
                .body("errors[0].field", equalTo("withinWorkingDays")).body("errors[0].rule", equalTo("maximum"));
        given().auth().oauth2(monitor).get("/api/v1/watch/overdue?groupBy=procedure").then().statusCode(400)
                .body("errors[0].field", equalTo("groupBy"));
        given().auth().oauth2(monitor).get("/api/v1/watch/falling?period=2026-13&level=TOWN&basis=x&limit=0&ruleSet=%20bad!").then()
                .statusCode(400).body("errors.field", hasItems("period", "level", "basis", "limit", "ruleSet"));
        given().auth().oauth2(monitor).get("/api/v1/watch/overdue?unit=" + "x".repeat(101)).then().statusCode(400)
                .body("errors[0].rule", equalTo("maxLength"));
    }

    @Test
    void unitsLosingPointsAgainstThePreviousPeriodOrThePeriodStart() {
        String a = p + ".A";
        String b = p + ".B";
        WatchFixtures.score(a, "2026-10", 1, "80");
        WatchFixtures.score(b, "2026-10", 1, "60");
        WatchFixtures.score(a, "2026-11", 1, "75");
        WatchFixtures.score(a, "2026-11", 2, "70.5");
        WatchFixtures.score(b, "2026-11", 1, "65");
        WatchFixtures.score(b, "2026-11", 2, "61");
        // scores of different keys travel on different partitions: wait until all six are applied
        await().atMost(WAIT).until(() -> {
            JsonPath f = given().auth().oauth2(monitor).get("/api/v1/watch/falling?period=2026-11&basis=PERIOD_START")
                    .then().statusCode(200).extract().jsonPath();
            JsonPath g = given().auth().oauth2(monitor).get("/api/v1/watch/falling?period=2026-11")
                    .then().statusCode(200).extract().jsonPath();
            return f.getList("items").size() == 2 && "-4".equals(String.valueOf(f.getList("items.change").get(1)))
                    && g.getList("items").size() == 1 && "-9.5".equals(String.valueOf(g.getList("items.change").get(0)));
        });
        JsonPath vsPrevious = given().auth().oauth2(monitor).get("/api/v1/watch/falling?period=2026-11&level=district")
                .then().statusCode(200).extract().jsonPath();
        assertThat(vsPrevious.getString("basis")).isEqualTo("PREVIOUS_PERIOD");
        assertThat(vsPrevious.getString("referencePeriod")).isEqualTo("2026-10");
        assertThat(vsPrevious.getList("items.unitCode")).containsExactly(a);
        assertThat(vsPrevious.getString("items[0].change")).isEqualTo("-9.5");
        assertThat(vsPrevious.getString("items[0].reference")).isEqualTo("80");
        assertThat(vsPrevious.getString("items[0].name")).isEqualTo("Huyện Đông Sơn");

        JsonPath sinceStart = given().auth().oauth2(monitor).get("/api/v1/watch/falling?period=2026-11&basis=period_start")
                .then().statusCode(200).extract().jsonPath();
        assertThat(sinceStart.getList("items.unitCode")).containsExactly(a, b);
        assertThat(sinceStart.getList("items.change").stream().map(Object::toString).toList()).containsExactly("-4.5", "-4");

        String officialB = TestTokens.official("cvb", b, "official");
        JsonPath own = given().auth().oauth2(officialB).get("/api/v1/watch/falling?period=2026-11&basis=PERIOD_START&limit=500")
                .then().statusCode(200).extract().jsonPath();
        assertThat(own.getList("items.unitCode")).containsExactly(b);
        assertThat(own.getInt("limit")).isEqualTo(100);
    }
}
