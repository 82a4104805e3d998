package dvc766.complaint;

import static dvc766.complaint.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dvc766.common.calendar.BundledHolidays;
import dvc766.common.calendar.HolidayYear;
import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.common.period.Period;
import dvc766.contracts.events.CloudEvent;
import dvc766.contracts.events.EventType;
import dvc766.contracts.events.HolidayYearData;
import dvc766.contracts.events.Topics;
import dvc766.kit.events.EventJson;
import dvc766.testsupport.Contracts;
import dvc766.testsupport.KafkaProbe;
import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeadlineAndPersonalDataTest {

    @BeforeEach
    void tree() { ensureTree(); }

    @Test
    void anOpenPaknTurnsOverdueByItselfAndIsAnnounced() throws Exception {
        String id = submit("380")[0];
        events(id, 1);
        // as if received 30 days ago and the service had been down when its deadline passed
        execute("UPDATE complaint SET received_at = received_at - interval '30 days', next_check_at = now() - interval '1 day' WHERE id = ?", id);
        await("the PAKN turns overdue", Duration.ofSeconds(20),
                () -> count("SELECT count(*) FROM complaint WHERE id = ? AND overdue", id) == 1);
        List<String> events = events(id, 2);
        assertThat(events).hasSize(2);
        Contracts.assertEventMatchesSchema(events.get(1));
        JsonNode data = EventJson.mapper().readTree(events.get(1)).get("data");
        assertThat(data.get("revision").asLong()).isEqualTo(2);
        assertThat(data.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(count("SELECT count(*) FROM complaint WHERE id = ? AND next_check_at IS NULL", id)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM complaint_action WHERE complaint_id = ? AND action = 'OVERDUE' AND actor_kind = 'SYSTEM'", id)).isEqualTo(1);
        given().auth().oauth2(official("380")).queryParam("overdue", "true").queryParam("size", 100)
                .get("/api/v1/complaints").then().statusCode(200).body("items.find { it.id == '" + id + "' }.overdue", equalTo(true));
    }

    @Test
    void aReplacedCalendarYearMovesTheDeadlines() {
        String id = submit("380")[0];
        String before = given().auth().oauth2(official("380")).get("/api/v1/complaints/{id}", id).then().extract().path("answerDueAt");
        OffsetDateTime due = OffsetDateTime.parse(before);
        // declare a weekday inside the 15 working days a day off: the answer deadline moves one working day later
        LocalDate today = LocalDate.now(Period.ZONE);
        LocalDate off = WorkingDayCalendar.vietnam().workingDayAfter(today, 3);
        while (off.getDayOfWeek() == DayOfWeek.SATURDAY || off.getDayOfWeek() == DayOfWeek.SUNDAY) {
            off = WorkingDayCalendar.vietnam().workingDayAfter(off, 1);
        }
        HolidayYear bundled = BundledHolidays.yearOrDerived(off.getYear());
        List<HolidayYearData.DayOff> days = new ArrayList<>();
        bundled.daysOff().forEach(d -> days.add(new HolidayYearData.DayOff(d.date(), d.name(), d.kind().name())));
        days.add(new HolidayYearData.DayOff(off, "Nghỉ thử nghiệm", "COMPENSATING"));
        HolidayYearData data = new HolidayYearData(off.getYear(), bundled.status().json(), "test", days,
                bundled.makeUpWorkingDays().stream().map(m -> new HolidayYearData.MakeUpWorkingDay(m.date(), m.note())).toList(),
                System.currentTimeMillis());
        KafkaProbe.send(Topics.CALENDAR, String.valueOf(off.getYear()), EventJson.write(CloudEvent.of(UUID.randomUUID().toString(),
                EventType.HOLIDAY_YEAR_REPLACED, "/dvc766/indicator", OffsetDateTime.now(ZoneOffset.UTC), String.valueOf(off.getYear()), data)));
        await("the deadline moves", Duration.ofSeconds(30), () -> {
            String now = given().auth().oauth2(official("380")).get("/api/v1/complaints/{id}", id).then().extract().path("answerDueAt");
            return OffsetDateTime.parse(now).isAfter(due);
        });
        assertThat(count("SELECT count(*) FROM holiday_year WHERE year = ?", off.getYear())).isEqualTo(1);
    }

    @Test
    void contactsAreEncryptedApartHiddenAndErasableWhileStatisticsStay() throws Exception {
        Map<String, Object> body = pakn("380", "Thái độ cán bộ tiếp dân " + UUID.randomUUID());
        body.put("category", "OFFICIAL_CONDUCT");
        body.put("contact", Map.of("name", "Lê Thị Thường Xuân", "phone", "0912 345 678", "email", "xuan@example.vn"));
        var created = citizen(newIp()).body(body).post("/public/v1/complaints").then().statusCode(201).extract().response();
        String id = created.path("trackingCode");
        String secret = created.path("secret");
        assertThat(created.asString()).doesNotContain("0912 345 678");

        byte[] sealed = (byte[]) rows("SELECT ciphertext FROM complaint_contact WHERE complaint_id = ?", id).get(0).get("ciphertext");
        assertThat(new String(sealed, StandardCharsets.UTF_8)).doesNotContain("Thường Xuân").doesNotContain("0912");
        assertThat(given().header(SECRET, secret).get("/public/v1/complaints/{c}", id).asString()).doesNotContain("0912");
        given().auth().oauth2(official("380")).get("/api/v1/complaints/{id}", id).then().statusCode(200)
                .body("contact.name", equalTo("Lê Thị Thường Xuân")).body("contact.phone", equalTo("0912 345 678"));

        actOk(official("380"), id, "action", "REQUEST_INFO", "note", "Xin số hồ sơ");
        actOk(official("380"), id, "action", "RECORD_INFO", "note", "Hồ sơ của bà Xuân số 123");
        Map<String, Object> statsBefore = rows("SELECT unit_code, category, received_at, status, revision FROM complaint WHERE id = ?", id).get(0);
        long eventsBefore = count("SELECT count(*) FROM kit_outbox WHERE event_key = ?", id);
        given().auth().oauth2(official("380")).delete("/api/v1/complaints/{id}/personal-data", id).then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).delete("/api/v1/complaints/{id}/personal-data", id).then().statusCode(200)
                .body("contactErased", equalTo(true)).body("textErased", equalTo(true));

        assertThat(count("SELECT count(*) FROM complaint_contact WHERE complaint_id = ?", id)).isZero();
        given().auth().oauth2(official("380")).get("/api/v1/complaints/{id}", id).then().statusCode(200)
                .body("contact", nullValue()).body("text", nullValue()).body("informationReply", nullValue()).body("personalDataErasedAt", notNullValue())
                .body("category", equalTo("OFFICIAL_CONDUCT"));
        // the statistics stay: the same PAKN, the same facts, no change announced, still counted on open data
        assertThat(rows("SELECT unit_code, category, received_at, status, revision FROM complaint WHERE id = ?", id).get(0))
                .isEqualTo(statsBefore);
        assertThat(count("SELECT count(*) FROM kit_outbox WHERE event_key = ?", id)).isEqualTo(eventsBefore);
        assertThat(count("SELECT count(*) FROM complaint_action WHERE complaint_id = ? AND action = 'ERASE_PERSONAL_DATA' AND actor_kind = 'ADMIN'", id)).isEqualTo(1);
    }
}
