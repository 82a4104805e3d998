package dvc766.indicator.it;

import static dvc766.indicator.it.Feed.dossier;
import static dvc766.indicator.it.Feed.t;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import dvc766.common.period.Period;
import dvc766.contracts.events.ScoreData;
import dvc766.indicator.api.RangeScores;
import dvc766.indicator.config.CalendarHolder;
import dvc766.indicator.config.RuleSetCatalog;
import dvc766.indicator.store.RangeFacts;
import dvc766.indicator.store.UnitStore;
import dvc766.kit.problem.ProblemException;
import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A date range that is not a month, quarter or year is computed on demand from the facts, exactly; over a whole month
 * the same computation gives the month's stored score.
 */
@QuarkusTest
class RangeScoreTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    RangeScores rangeScores;
    @Inject
    RangeFacts rangeFacts;
    @Inject
    UnitStore units;
    @Inject
    dvc766.indicator.store.UnitEdges edges;
    @Inject
    RuleSetCatalog ruleSets;
    @Inject
    CalendarHolder calendar;
    @Inject
    Clock clock;

    /**
     * Procedure of 5 working days. a: 03-03, done 03-07, synced (March only). e: 03-10, never done, synced (overdue from
     * 03-18). b: 03-20, done 04-02 (late), not synced. c: 04-10, done 04-11, synced. d: 04-21, never done, synced (after
     * the range). Range 2025-03-16..2025-04-15: ON_TIME over b, c, e (open in it) = 1/3; DOSSIER_SYNC over b, c (received
     * in it) = 1/2. March: ON_TIME a, b, e = 1/3, SYNC a, b, e = 2/3.
     */
    @Test
    void anyRangeIsComputedExactlyFromTheFacts() {
        String x = Feed.prefix();
        String d1 = x + ".D1", p = x + "-P";
        Feed.send(Feed.unit(x, "PROVINCE", null, 1), Feed.unit(d1, "DISTRICT", x, 1), Feed.procedure(p, 5, "WORKING_DAYS", true, 1),
                dossier(x + "-a", p, d1, "2025-03-03T09:00+07:00").synced(t("2025-03-03T10:00+07:00")).finished("2025-03-07T10:00+07:00").sent(),
                dossier(x + "-e", p, x, "2025-03-10T09:00+07:00").synced(t("2025-03-10T10:00+07:00")).sent(),
                dossier(x + "-b", p, d1, "2025-03-20T09:00+07:00").finished("2025-04-02T10:00+07:00").sent(),
                dossier(x + "-c", p, d1, "2025-04-10T09:00+07:00").synced(t("2025-04-10T10:00+07:00")).finished("2025-04-11T10:00+07:00").sent(),
                dossier(x + "-d", p, x, "2025-04-21T09:00+07:00").synced(t("2025-04-21T10:00+07:00")).sent());
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(Feed.counts(x, "2025-03", "DOSSIER_SYNC")).isEqualTo("2/3");
            assertThat(Feed.counts(x, "2025-04", "DOSSIER_SYNC")).isEqualTo("2/2");
        });
        assertThat(Feed.counts(x, "2025-03", "ON_TIME_PROCESSING")).isEqualTo("1/3");

        Response r = range(x, "2025-03-16", "2025-04-15", null);
        r.then().statusCode(200).body("period", equalTo("2025-03-16..2025-04-15")).body("ruleSet", equalTo(Feed.RULE_SET))
                .body("unitCode", equalTo(x)).body("version", equalTo(0)).body("evaluatedAt", startsWith("2025-04-15T17:00"));
        assertThat(counts(r, "ON_TIME_PROCESSING")).isEqualTo("1/3");
        assertThat(counts(r, "DOSSIER_SYNC")).isEqualTo("1/2");
        // the district alone: b and c
        Response district = range(d1, "2025-03-16", "2025-04-15", null);
        assertThat(counts(district, "ON_TIME_PROCESSING")).isEqualTo("1/2");
        assertThat(counts(district, "DOSSIER_SYNC")).isEqualTo("1/2");

        // the on-demand computation over a whole month equals the month's stored score, indicator by indicator
        for (String month : List.of("2025-03", "2025-04")) {
            Period m = Period.parse(month);
            ScoreData computed = rangeScores.score(x, Period.range(m.firstDay(), m.endDayExclusive().minusDays(1)), Feed.RULE_SET);
            var stored = Feed.score(x, month);
            Map<String, String> storedFigures = new TreeMap<>();
            for (Map<String, Object> i : stored.<Map<String, Object>>getList("indicators")) {
                storedFigures.put(i.get("code").toString(), dec(i.get("numerator")) + "/" + dec(i.get("denominator")) + " " + dec(i.get("points")));
            }
            Map<String, String> computedFigures = new TreeMap<>();
            computed.indicators().forEach(i -> computedFigures.put(i.code(), dec(i.numerator()) + "/" + dec(i.denominator()) + " " + dec(i.points())));
            assertThat(computedFigures).as(month).isEqualTo(storedFigures).isNotEmpty();
            assertThat(dec(computed.total())).as(month).isEqualTo(dec(stored.get("total")));
        }
    }

    @Test
    void badRangesAreNamedAndTooLargeASubtreeIsRefused() {
        String x = Feed.prefix();
        Feed.send(Feed.unit(x, "PROVINCE", null, 1), Feed.procedure(x + "-P", 5, "WORKING_DAYS", true, 1),
                dossier(x + "-a", x + "-P", x, "2025-03-03T09:00+07:00").sent(), dossier(x + "-b", x + "-P", x, "2025-03-04T09:00+07:00").sent());
        await().atMost(WAIT).untilAsserted(() -> assertThat(Feed.counts(x, "2025-03", "DOSSIER_SYNC")).isEqualTo("0/2"));
        range(x, "2025-01-01", "2026-01-02", null).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("to")).body("errors.rule", hasItems("max-length"));
        range(x, "2025-03-05", "2025-03-04", null).then().statusCode(400).body("errors.field", hasItems("to"));
        range(x, "2025-03-05", "2025-03-20", "2025-04-01T00:00:00+07:00").then().statusCode(400).body("errors.field", hasItems("asOf"));
        LocalDate tomorrow = LocalDate.now(Period.ZONE).plusDays(1);
        range(x, tomorrow.toString(), tomorrow.plusDays(3).toString(), null).then().statusCode(400).body("errors.field", hasItems("from"));
        range(x + ".NONE", "2025-03-05", "2025-03-20", null).then().statusCode(404);

        // a subtree beyond the cap is a 422 problem (a cap of 1 here; 200,000 by default)
        RangeScores capped = new RangeScores(rangeFacts, units, ruleSets, calendar, clock, 1, edges);
        ProblemException e = catchThrowableOfType(() -> capped.score(x, Period.range(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 9)),
                Feed.RULE_SET), ProblemException.class);
        assertThat(e).isNotNull();
        assertThat(e.problem().status()).isEqualTo(422);
        assertThat(new RangeScores(rangeFacts, units, ruleSets, calendar, clock, 2, edges)
                .score(x, Period.range(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 9)), Feed.RULE_SET).indicators()).isNotEmpty();
    }

    static Response range(String unit, String from, String to, String asOf) {
        var r = given().auth().oauth2(TestTokens.admin()).queryParam("ruleSet", Feed.RULE_SET).queryParam("from", from).queryParam("to", to);
        if (asOf != null) r = r.queryParam("asOf", asOf);
        return r.get("/api/v1/scores/{unit}", unit);
    }

    static String counts(Response r, String indicator) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        Map<String, Object> i = r.jsonPath().getMap("indicators.find { it.code == '" + indicator + "' }");
        return dec(i.get("numerator")) + "/" + dec(i.get("denominator"));
    }

    static String dec(Object v) {
        return new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
    }
}
