package dvc766.indicator.it;

import static dvc766.indicator.it.Feed.dossier;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dvc766.common.calendar.BundledHolidays;
import dvc766.contracts.events.CloudEvent;
import dvc766.contracts.events.EventType;
import dvc766.contracts.events.HolidayYearData;
import dvc766.contracts.events.Topics;
import dvc766.indicator.config.CalendarHolder;
import dvc766.indicator.store.HolidayStore;
import dvc766.kit.events.EventJson;
import dvc766.testsupport.Contracts;
import dvc766.testsupport.KafkaProbe;
import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** An administrator replaces a year of the calendar: validated, stored, announced, and the scores follow. */
@QuarkusTest
class HolidayAdminTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    HolidayStore store;

    @Inject
    CalendarHolder calendar;

    static Response put(int year, String body) {
        return given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(body).put("/api/v1/admin/holidays/{y}", year);
    }

    @Test
    void aBrokenYearIsRefusedWithEveryViolationNamed() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(BundledHolidays.year(2026).orElseThrow().toJson());
        ((ArrayNode) doc.withArray("daysOff")).add(JSON.createObjectNode().put("date", "2026-03-07").put("name", "Nghỉ bù").put("kind", "COMPENSATING"));
        ((ArrayNode) doc.withArray("makeUpWorkingDays")).add(JSON.createObjectNode().put("date", "2026-03-10").put("note", "x"));
        put(2026, doc.toString()).then().statusCode(400).contentType("application/problem+json")
                .body("errors.rule", hasItems("weekday", "weekend"));
        put(2027, doc.toString()).then().statusCode(400).body("errors.field", hasItem("year"));
        put(1999, "{}").then().statusCode(400).body("errors.field", hasItem("year"));
        given().auth().oauth2(TestTokens.official("m", "38", "monitor")).contentType("application/json").body(doc.toString())
                .put("/api/v1/admin/holidays/2026").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/admin/holidays/2026").then().statusCode(200)
                .body("origin", equalTo("BUNDLED")).body("revision", equalTo(0)).body("daysOff.date", hasItem("2026-09-02"));
    }

    @Test
    void aReplacedYearMovesDeadlinesIsAnnouncedAndSurvivesARestart() throws Exception {
        String x = Feed.prefix();
        String p = x + "-P";
        // one working day from Tuesday 2025-11-18: due at the end of Wednesday the 19th; finished Thursday: late
        Feed.send(Feed.unit(x, "PROVINCE", null, 1), Feed.procedure(p, 1, "WORKING_DAYS", false, 1),
                dossier(x + "-a", p, x, "2025-11-18T09:00+07:00").finished("2025-11-20T10:00+07:00").sent());
        await().atMost(WAIT).untilAsserted(() -> assertThat(Feed.counts(x, "2025-11", "ON_TIME_PROCESSING")).isEqualTo("0/1"));

        String bundled = BundledHolidays.year(2025).orElseThrow().toJson();
        ObjectNode doc = (ObjectNode) JSON.readTree(bundled);
        ((ArrayNode) doc.withArray("daysOff")).add(JSON.createObjectNode().put("date", "2025-11-19").put("name", "Ngày nghỉ thử nghiệm")
                .put("kind", "HOLIDAY"));
        Response r = put(2025, doc.toString());
        r.then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).body("year", equalTo(2025));
        assertThat(r.jsonPath().getInt("madeDue")).isGreaterThanOrEqualTo(1);
        long revision = r.jsonPath().getLong("revision");

        // Wednesday is now a day off: the deadline moves to the end of Thursday, the dossier is on time, with no new event
        await().atMost(WAIT).untilAsserted(() -> assertThat(Feed.counts(x, "2025-11", "ON_TIME_PROCESSING")).isEqualTo("1/1"));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/admin/holidays/2025").then().statusCode(200)
                .body("origin", equalTo("ADMIN")).body("revision", equalTo((int) revision)).body("daysOff.date", hasItem("2025-11-19"));
        List<ConsumerRecord<String, String>> events = KafkaProbe.await(Topics.CALENDAR,
                e -> e.key().equals("2025") && e.value().contains("2025-11-19"), 1, WAIT);
        assertThat(events).hasSize(1);
        Contracts.assertEventMatchesSchema(events.get(0).value());
        // a new instance (a restart) builds its calendar from the database
        assertThat(new CalendarHolder(store).current().isWorkingDay(LocalDate.of(2025, 11, 19))).isFalse();

        // putting the bundled year back restores the deadline
        put(2025, bundled).then().statusCode(200).body("revision", equalTo((int) revision + 1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Feed.counts(x, "2025-11", "ON_TIME_PROCESSING")).isEqualTo("0/1"));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/admin/holidays/2025").then().body("daysOff.date", not(hasItem("2025-11-19")));
    }

    @Test
    void aYearAnnouncedByAnotherInstanceIsApplied() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(BundledHolidays.yearOrDerived(2033).toJson());
        ((ArrayNode) doc.withArray("daysOff")).add(JSON.createObjectNode().put("date", "2033-06-15").put("name", "Ngày nghỉ thử nghiệm")
                .put("kind", "HOLIDAY"));
        HolidayYearData data = JSON.copy().findAndRegisterModules().readValue(doc.put("revision", 7).toString(), HolidayYearData.class);
        String event = EventJson.write(CloudEvent.of(UUID.randomUUID().toString(), EventType.HOLIDAY_YEAR_REPLACED, "/dvc766/indicator",
                OffsetDateTime.now(ZoneOffset.UTC), "2033", data));
        Contracts.assertEventMatchesSchema(event);
        KafkaProbe.send(Topics.CALENDAR, "2033", event);
        await().atMost(WAIT).untilAsserted(() -> assertThat(calendar.current().isWorkingDay(LocalDate.of(2033, 6, 15))).isFalse());
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/admin/holidays/2033").then().statusCode(200)
                .body("origin", equalTo("ADMIN")).body("revision", equalTo(7));
        // the same announcement again, or an older one, changes nothing
        KafkaProbe.send(Topics.CALENDAR, "2033", event);
        assertThat(store.find(2033).orElseThrow().revision()).isEqualTo(7);
    }
}
