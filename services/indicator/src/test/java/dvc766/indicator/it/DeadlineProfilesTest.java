package dvc766.indicator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dvc766.contracts.events.PublishingDecisionData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Rule sets with other deadline parameters than dvcqg-2026 are scored on counters of their own deadline profile, side by
 * side with the default, for the same unit and period. March 2025 has no public holiday.
 */
@QuarkusTest
class DeadlineProfilesTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource ds;

    @Test
    void otherPaknAndDecisionDeadlinesGiveTheirOwnFiguresSideBySideWithTheDefault() throws Exception {
        String x = Feed.prefix();
        String p = x + "-P";
        // k1: answered on the 13th working day (Thu 20 March), published the same day: on time in 15 days, late in 10
        // k2: answered on the 2nd working day, published the same day, rated dissatisfied: on time, not satisfied
        // the decision: signed Mon 3 March for a document effective Fri 7 March (4 working days before: late for 5, on time
        // for 3), procedure made public Fri 7 March (4th working day after signing: on time for 5, late for 3)
        Feed.send(Feed.unit(x, "PROVINCE", null, 1), Feed.procedure(p, 5, "WORKING_DAYS", false, 1),
                Feed.complaint(x + "-k1", x, "2025-03-03T09:00+07:00").answered("2025-03-20T10:00+07:00").published("2025-03-20T11:00+07:00").sent(),
                Feed.complaint(x + "-k2", x, "2025-03-03T09:00+07:00").answered("2025-03-05T10:00+07:00").published("2025-03-05T11:00+07:00")
                        .rating("DISSATISFIED").sent(),
                Feed.decision(x, "QD-1", LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 7),
                        List.of(new PublishingDecisionData.Procedure(p, "NEW", Feed.t("2025-03-07T10:00+07:00"))), 1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(figures(x, Feed.RULE_SET)).isEqualTo(Map.of(
                "PETITION_ON_TIME", "2/2", "PETITION_SATISFACTION", "1/2", "PUBLISH_ON_TIME", "0/1", "PUBLIC_UPDATE_ON_TIME", "1/1")));

        // PAKN answered in 10 working days instead of 15; decisions signed 3 working days ahead and made public within 3
        String paknId = "pakn-ten-" + x.toLowerCase(), decisionId = "decisions-three-" + x.toLowerCase();
        ObjectNode pakn = RuleSetAdminTest.bundled();
        pakn.put("id", paknId);
        ((ObjectNode) pakn.get("deadlines")).put("petitionAnswerWorkingDays", 10);
        ObjectNode decisions = RuleSetAdminTest.bundled();
        decisions.put("id", decisionId);
        ((ObjectNode) decisions.get("deadlines").get("publishWorkingDaysBeforeEffective")).put("PROVINCE", 3);
        ((ObjectNode) decisions.get("deadlines").get("publicUpdateWorkingDaysAfterSigning")).put("PROVINCE", 3);
        RuleSetAdminTest.put(paknId, pakn).then().statusCode(201);
        // the new profile's counters were built from the stored facts before the store answered, before any score under it
        assertThat(pooled(x, "PETITION_ON_TIME@P10-2-5-2")).isEqualTo("1/2");
        assertThat(pooled(x, "PETITION_SATISFACTION@P10-2-5-2")).isEqualTo("0/2");
        RuleSetAdminTest.put(decisionId, decisions).then().statusCode(201);
        assertThat(pooled(x, "PUBLISH_ON_TIME@D3-3")).isEqualTo("1/1");
        assertThat(pooled(x, "PUBLIC_UPDATE_ON_TIME@D3-3")).isEqualTo("0/1");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(figures(x, paknId)).isEqualTo(Map.of(
                    "PETITION_ON_TIME", "1/2", "PETITION_SATISFACTION", "0/2", "PUBLISH_ON_TIME", "0/1", "PUBLIC_UPDATE_ON_TIME", "1/1"));
            assertThat(figures(x, decisionId)).isEqualTo(Map.of(
                    "PETITION_ON_TIME", "2/2", "PETITION_SATISFACTION", "1/2", "PUBLISH_ON_TIME", "1/1", "PUBLIC_UPDATE_ON_TIME", "0/1"));
        });
        // points, linear, 6 / 6 / 6 / 4: 1/2 of 6 = 3, 0 of 6; the default's unchanged
        assertThat(points(x, paknId, "PETITION_ON_TIME")).isEqualTo("3");
        assertThat(points(x, paknId, "PETITION_SATISFACTION")).isEqualTo("0");
        assertThat(points(x, decisionId, "PUBLISH_ON_TIME")).isEqualTo("6");
        assertThat(points(x, decisionId, "PUBLIC_UPDATE_ON_TIME")).isEqualTo("0");
        assertThat(points(x, Feed.RULE_SET, "PUBLISH_ON_TIME")).isEqualTo("0");
        assertThat(points(x, Feed.RULE_SET, "PETITION_SATISFACTION")).isEqualTo("3");

        // a PAKN arriving after both rule sets were stored counts under every profile:
        // answered on the 13th working day after Tue 4 March (Fri 21 March)
        Feed.send(Feed.complaint(x + "-k3", x, "2025-03-04T09:00+07:00").answered("2025-03-21T10:00+07:00").published("2025-03-21T11:00+07:00").sent());
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(figures(x, Feed.RULE_SET)).containsEntry("PETITION_ON_TIME", "3/3").containsEntry("PETITION_SATISFACTION", "2/3");
            assertThat(figures(x, paknId)).containsEntry("PETITION_ON_TIME", "1/3").containsEntry("PETITION_SATISFACTION", "0/3");
            assertThat(figures(x, decisionId)).containsEntry("PETITION_ON_TIME", "3/3").containsEntry("PETITION_SATISFACTION", "2/3");
        });
        // the quarter and the year are scored per profile as well
        await().atMost(WAIT).untilAsserted(() -> assertThat(Feed.counts(x, "2025-Q1", "PETITION_ON_TIME", paknId)).isEqualTo("1/3"));
    }

    /** The four deadline-dependent figures of the unit's March 2025 score under a rule set. */
    static Map<String, String> figures(String unit, String ruleSet) {
        Map<String, String> out = new TreeMap<>();
        for (String code : List.of("PETITION_ON_TIME", "PETITION_SATISFACTION", "PUBLISH_ON_TIME", "PUBLIC_UPDATE_ON_TIME")) {
            out.put(code, Feed.counts(unit, "2025-03", code, ruleSet));
        }
        return out;
    }

    static String points(String unit, String ruleSet, String code) {
        return Feed.decimal(Feed.score(unit, "2025-03", ruleSet), "indicators.find { it.code == '" + code + "' }.points")
                .stripTrailingZeros().toPlainString();
    }

    /** A pooled counter of the unit for March 2025, read directly. */
    String pooled(String unit, String counter) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT num, den FROM pooled_counter WHERE unit_code = ? AND period = '2025-03' AND indicator = ?")) {
            ps.setString(1, unit);
            ps.setString(2, counter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) + "/" + rs.getLong(2) : "none";
            }
        }
    }
}
