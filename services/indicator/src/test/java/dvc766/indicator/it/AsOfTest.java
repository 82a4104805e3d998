package dvc766.indicator.it;

import static dvc766.indicator.it.Feed.dossier;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Late data for a past period updates its score and its history; an as-of read answers what was published then. */
@QuarkusTest
class AsOfTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource ds;

    static Response read(String unit, String period, String asOf) {
        var r = given().auth().oauth2(TestTokens.official("m", "38", "monitor")).queryParam("period", period).queryParam("ruleSet", Feed.RULE_SET);
        if (asOf != null) r = r.queryParam("asOf", asOf);
        return r.get("/api/v1/scores/{unit}", unit);
    }

    @Test
    void lateDataChangesAPastPeriodsScoreButNotWhatWasPublishedBefore() throws Exception {
        String x = Feed.prefix();
        String p = x + "-P";
        Feed.send(Feed.unit(x, "PROVINCE", null, 1), Feed.procedure(p, 5, "WORKING_DAYS", false, 1),
                dossier(x + "-a", p, x, "2025-03-03T09:00+07:00").finished("2025-03-05T10:00+07:00").sent());
        await().atMost(WAIT).untilAsserted(() -> assertThat(Feed.counts(x, "2025-03", "ON_TIME_PROCESSING")).isEqualTo("1/1"));
        Response before = read(x, "2025-03", null);
        String publishedAt = before.jsonPath().getString("asOf");
        long version = before.jsonPath().getLong("version");

        // a late dossier of March arrives in a later month: March's score changes and a new history row says so
        Feed.send(dossier(x + "-b", p, x, "2025-03-10T09:00+07:00").finished("2025-03-31T10:00+07:00").sent());
        await().atMost(WAIT).untilAsserted(() -> assertThat(Feed.counts(x, "2025-03", "ON_TIME_PROCESSING")).isEqualTo("1/2"));
        assertThat(read(x, "2025-03", null).jsonPath().getLong("version")).isGreaterThan(version);
        List<String> history = history(x, "2025-03");
        assertThat(history).hasSizeGreaterThanOrEqualTo(2);
        assertThat(ScoresFromEventsTest.onTime("{\"data\":" + history.get(history.size() - 1) + "}")).isEqualTo("1/2");
        assertThat(ScoresFromEventsTest.onTime("{\"data\":" + history.get(0) + "}")).isEqualTo("1/1");

        // as of the first publication: exactly the score then, whatever arrived later
        Response asOf = read(x, "2025-03", publishedAt);
        asOf.then().statusCode(200);
        assertThat(asOf.asString()).isEqualTo(before.asString());
        // in another offset, the same instant
        String sameInstant = OffsetDateTime.parse(publishedAt).atZoneSameInstant(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toOffsetDateTime().toString();
        assertThat(read(x, "2025-03", sameInstant).asString()).isEqualTo(before.asString());
        // before anything was published: 404
        read(x, "2025-03", OffsetDateTime.parse(publishedAt).minusDays(1).toString()).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:dvc766:problem:not-found"));
        read(x, "2025-03", "yesterday").then().statusCode(400).body("errors.field", hasItems("asOf"));
    }

    List<String> history(String unit, String period) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT score::text FROM score_history WHERE unit_code = ? AND period = ? AND rule_set = ? ORDER BY version")) {
            ps.setString(1, unit);
            ps.setString(2, period);
            ps.setString(3, Feed.RULE_SET);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1).replace(" ", ""));
            }
            return out;
        }
    }

    @Test
    void aRangeThatIsExactlyAMonthQuarterOrYearIsServedFromItsScore() {
        String x = Feed.prefix();
        String p = x + "-P";
        Feed.send(Feed.unit(x, "PROVINCE", null, 1), Feed.procedure(p, 5, "WORKING_DAYS", false, 1),
                dossier(x + "-a", p, x, "2025-03-03T09:00+07:00").finished("2025-03-05T10:00+07:00").sent());
        await().atMost(WAIT).untilAsserted(() -> assertThat(Feed.counts(x, "2025-03", "ON_TIME_PROCESSING")).isEqualTo("1/1"));
        assertThat(range(x, "2025-03-01", "2025-03-31").asString()).isEqualTo(read(x, "2025-03", null).asString());
        assertThat(range(x, "2025-01-01", "2025-03-31").asString()).isEqualTo(read(x, "2025-Q1", null).asString());
        assertThat(range(x, "2025-01-01", "2025-12-31").asString()).isEqualTo(read(x, "2025", null).asString());
        // any other range is computed on demand (RangeScoreTest checks its figures)
        range(x, "2025-03-02", "2025-03-31").then().statusCode(200).body("period", org.hamcrest.Matchers.equalTo("2025-03-02..2025-03-31"));
        range(x, "2025-03-31", "2025-03-01").then().statusCode(400).body("errors.field", hasItems("to"));
        range(x, "2025-03-01", null).then().statusCode(400).body("errors.field", hasItems("to"));
        given().auth().oauth2(TestTokens.admin()).queryParam("period", "2025-03").queryParam("from", "2025-03-01").queryParam("to", "2025-03-31")
                .get("/api/v1/scores/{unit}", x).then().statusCode(400).body("errors.field", hasItems("period"));
    }

    static Response range(String unit, String from, String to) {
        var r = given().auth().oauth2(TestTokens.admin()).queryParam("ruleSet", Feed.RULE_SET).queryParam("from", from);
        if (to != null) r = r.queryParam("to", to);
        return r.get("/api/v1/scores/{unit}", unit);
    }
}
