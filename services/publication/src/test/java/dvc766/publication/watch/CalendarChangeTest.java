package dvc766.publication.watch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An administrator's replaced calendar year moves the deadlines counted in working days. */
@QuarkusTest
class CalendarChangeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String deadlineOf(String token, String code) {
        List<Map<String, Object>> items = given().auth().oauth2(token).get("/api/v1/watch/overdue").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(m -> code.equals(m.get("dossierCode"))).map(m -> String.valueOf(m.get("deadline")))
                .findFirst().orElse(null);
    }

    @Test
    void aNewDayOffMovesAWorkingDayDeadline() {
        String p = WatchFixtures.uniquePrefix();
        String official = TestTokens.official("cv", p, "official");
        WatchFixtures.procedure(p + ".PROC", p, 2, "WORKING_DAYS", 1);
        // received Wednesday 4 March 2020 (+07:00); 2 working days: Thursday 5 and Friday 6, ending at 24:00 local
        WatchFixtures.send(WatchFixtures.dossier(p + "-D", p + ".PROC", p,
                OffsetDateTime.of(2020, 3, 4, 10, 0, 0, 0, ZoneOffset.ofHours(7)), null, "IN_PROGRESS", 1));
        await().atMost(WAIT).until(() -> deadlineOf(official, p + "-D") != null);
        assertThat(OffsetDateTime.parse(deadlineOf(official, p + "-D")).toInstant())
                .isEqualTo(OffsetDateTime.of(2020, 3, 7, 0, 0, 0, 0, ZoneOffset.ofHours(7)).toInstant());

        // Thursday 5 March becomes a day off: Friday 6 and Monday 9
        WatchFixtures.calendarYear(2020, LocalDate.of(2020, 3, 5), 1);
        OffsetDateTime moved = OffsetDateTime.of(2020, 3, 10, 0, 0, 0, 0, ZoneOffset.ofHours(7));
        await().atMost(WAIT).until(() -> OffsetDateTime.parse(deadlineOf(official, p + "-D")).toInstant().equals(moved.toInstant()));
    }
}
