package dvc766.e2e;

import static dvc766.e2e.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dvc766.e2e.Api.Identity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A PAKN answered late, imported by an agency system through the gateway, lowers its unit's points exactly as
 * index-766 §11 says: it joins the denominators of PETITION_ON_TIME and PETITION_SATISFACTION and neither numerator,
 * each indicator's points become max × numerator / denominator, and the total falls by the points lost.
 */
@ExtendWith(Platform.class)
class PetitionScoreIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aLateAnsweredPaknLowersTheCommunesPointsExactly() {
        Fixtures.ensureProvince();
        String period = Fixtures.currentPeriod();
        Optional<JsonPath> before = scorecard(Fixtures.COMMUNE, period);
        Figures onTime0 = before.map(s -> figures(s, "PETITION_ON_TIME")).orElse(Figures.EMPTY);
        Figures satisfaction0 = before.map(s -> figures(s, "PETITION_SATISFACTION")).orElse(Figures.EMPTY);

        // received 30 calendar days ago: its 15 working days to answer have passed whatever the holidays; answered now
        OffsetDateTime now = Fixtures.now();
        Map<String, Object> pakn = new LinkedHashMap<>();
        pakn.put("id", "E2E-PAKN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        pakn.put("channel", "HOTLINE");
        pakn.put("unitCode", Fixtures.COMMUNE);
        pakn.put("category", "TTHC_REGULATION");
        pakn.put("procedureCode", null);
        pakn.put("dossierCode", null);
        pakn.put("receivedAt", now.minusDays(30).toString());
        pakn.put("transfers", List.of());
        pakn.put("infoRequests", List.of());
        pakn.put("refusedAt", null);
        pakn.put("answeredAt", now.minusMinutes(5).toString());
        pakn.put("publishedAt", null);
        pakn.put("withdrawnAt", null);
        pakn.put("rating", null);
        pakn.put("raisedAgain", false);
        pakn.put("updatedAt", now.toString());
        Response imported = as(Identity.AGENCY).body(Map.of("items", List.of(pakn))).post("/api/v1/complaints:import");
        assertThat(imported.statusCode()).as("import: %s", imported.asString()).isEqualTo(200);
        assertThat(imported.jsonPath().getInt("results[0].status")).as("import: %s", imported.asString()).isIn(200, 201);

        long t0 = System.nanoTime();
        JsonPath after = null;
        while (System.nanoTime() - t0 < PATIENCE.toNanos()) {
            Optional<JsonPath> s = scorecard(Fixtures.COMMUNE, period);
            if (s.isPresent() && figures(s.get(), "PETITION_ON_TIME").denominator() == onTime0.denominator() + 1) {
                after = s.get();
                break;
            }
            Api.sleep(Duration.ofMillis(200));
        }
        assertThat(after).as("the commune's scorecard did not count the imported PAKN within %s", PATIENCE).isNotNull();
        System.out.printf("[e2e] late PAKN counted in the commune's scorecard after %d ms%n", (System.nanoTime() - t0) / 1_000_000);

        Figures onTime = figures(after, "PETITION_ON_TIME");
        Figures satisfaction = figures(after, "PETITION_SATISFACTION");
        assertThat(onTime.numerator()).as("answered late: not on time").isEqualTo(onTime0.numerator());
        assertThat(satisfaction.numerator()).as("answered late: not satisfying").isEqualTo(satisfaction0.numerator());
        assertThat(satisfaction.denominator()).isEqualTo(satisfaction0.denominator() + 1);
        assertThat(onTime.max()).as("PETITION_ON_TIME max in dvcqg-2026").isEqualTo(6.0);
        assertThat(satisfaction.max()).as("PETITION_SATISFACTION max in dvcqg-2026").isEqualTo(6.0);
        // linear: points = max × numerator / denominator (shown with two decimals)
        assertThat(onTime.points()).isCloseTo(6.0 * onTime.numerator() / onTime.denominator(), within(0.005));
        assertThat(satisfaction.points()).isCloseTo(6.0 * satisfaction.numerator() / satisfaction.denominator(), within(0.005));
        if (before.isPresent()) {
            double lost = (onTime0.points() - onTime.points()) + (satisfaction0.points() - satisfaction.points());
            assertThat(lost).as("points lost by the late PAKN").isPositive();
            assertThat(after.getDouble("total")).as("total after the late PAKN")
                    .isCloseTo(before.get().getDouble("total") - lost, within(0.011));
        }
    }

    private static Optional<JsonPath> scorecard(String unit, String period) {
        Response r = Api.anonymous().queryParam("period", period).get("/public/v1/units/{code}/scorecard", unit);
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        assertThat(r.statusCode()).as("scorecard of %s: %s", unit, r.asString()).isEqualTo(200);
        return Optional.of(r.jsonPath());
    }

    private static Figures figures(JsonPath scorecard, String code) {
        List<Map<String, Object>> indicators = scorecard.getList("indicators");
        Map<String, Object> i = indicators.stream().filter(x -> code.equals(x.get("code"))).findFirst()
                .orElseThrow(() -> new AssertionError("scorecard has no " + code + ": " + scorecard.prettify()));
        return new Figures(Api.number(i.get("numerator")), Api.number(i.get("denominator")), Api.number(i.get("points")),
                Api.number(i.get("max")));
    }

    /** One indicator of a scorecard. An indicator without PAKN counts 0/0 with full points (whenEmpty FULL). */
    private record Figures(double numerator, double denominator, double points, double max) {
        static final Figures EMPTY = new Figures(0, 0, 6, 6);
    }
}
