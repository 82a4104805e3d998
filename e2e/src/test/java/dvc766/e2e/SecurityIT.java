package dvc766.e2e;

import static dvc766.e2e.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dvc766.e2e.Api.Figures;
import dvc766.e2e.Api.Identity;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tokens from the real Keycloak decide who may write what; refusals store nothing. */
@ExtendWith(Platform.class)
@Order(2)
class SecurityIT {

    @Test
    void writesWithoutAValidTokenAre401() {
        String code = Fixtures.newDossierCode();
        Map<String, Object> dossier = Fixtures.onTimeDossier(Fixtures.DISTRICT);

        assertThat(Api.anonymous().body(dossier).put("/api/v1/dossiers/{code}", code).statusCode())
                .as("PUT dossier without a token").isEqualTo(401);
        assertThat(Api.anonymous().body(Map.of("name", "x", "level", "DISTRICT")).put("/api/v1/admin/units/{code}", "399")
                .statusCode()).as("PUT unit without a token").isEqualTo(401);
        assertThat(Api.anonymous().get("/api/v1/submissions/{id}", UUID.randomUUID()).statusCode())
                .as("GET submission without a token").isEqualTo(401);

        // a token with a forged payload: the signature no longer matches
        String[] parts = Api.token(Identity.AGENCY_SNV).split("\\.");
        String forged = parts[0] + "." + Api.token(Identity.AGENCY).split("\\.")[1] + "." + parts[2];
        assertThat(Api.anonymous().auth().oauth2(forged).body(dossier).put("/api/v1/dossiers/{code}", code).statusCode())
                .as("PUT dossier with a forged token").isEqualTo(401);
        assertThat(Api.anonymous().auth().oauth2("not-a-token").body(dossier).put("/api/v1/dossiers/{code}", code).statusCode())
                .as("PUT dossier with garbage as token").isEqualTo(401);
    }

    @Test
    void anAgencyIsNotAnAdministrator() {
        Map<String, Object> unit = Map.of("name", "Huyện Thử", "level", "DISTRICT", "parentCode", Fixtures.PROVINCE,
                "updatedAt", Fixtures.now().toString());
        Response r = as(Identity.AGENCY).body(unit).put("/api/v1/admin/units/{code}", "399");
        assertThat(r.statusCode()).as("agency PUT admin unit: %s", r.asString()).isEqualTo(403);
    }

    @Test
    void aDepartmentsAgencyCannotWriteForADistrictAndNothingIsStored() {
        Fixtures.ensureProvince();
        String period = Fixtures.currentPeriod();
        Figures before = Api.onTimeProcessing(Fixtures.DISTRICT, period).orElse(Figures.NONE);
        String code = Fixtures.newDossierCode();

        Response refused = as(Identity.AGENCY_SNV).body(Fixtures.onTimeDossier(Fixtures.DISTRICT))
                .put("/api/v1/dossiers/{code}", code);
        assertThat(refused.statusCode()).as("38.SNV writes for 380: %s", refused.asString()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        String instance = refused.jsonPath().getString("instance");
        assertThat(instance).as("problem instance").startsWith("/api/v1/submissions/");

        // the audit keeps the refused attempt, and only that
        Response submission = as(Identity.AGENCY_SNV).get(instance);
        assertThat(submission.statusCode()).as("GET %s: %s", instance, submission.asString()).isEqualTo(200);
        assertThat(submission.jsonPath().getString("outcome")).isEqualTo("REJECTED");
        assertThat(submission.jsonPath().getString("kind")).isEqualTo("DOSSIER");
        assertThat(submission.jsonPath().getString("key")).isEqualTo(code);

        // nothing reaches the figures within the platform's latency budget (and a bit more)
        Api.sleep(Duration.ofMillis(2500));
        Figures after = Api.onTimeProcessing(Fixtures.DISTRICT, period).orElse(Figures.NONE);
        assertThat(after.denominator()).as("ON_TIME_PROCESSING denominator of %s after a refused write", Fixtures.DISTRICT)
                .isEqualTo(before.denominator());

        // and nothing was stored under that code: the province's agency now creates it, it does not update it
        Response created = as(Identity.AGENCY).body(Fixtures.onTimeDossier(Fixtures.DISTRICT)).put("/api/v1/dossiers/{code}", code);
        assertThat(created.statusCode()).as("demo-agency PUT %s: %s", code, created.asString()).isEqualTo(201);
        assertThat(created.jsonPath().getString("effect")).isEqualTo("CREATED");

        // let that accepted dossier settle so that later tests start from quiet figures
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Figures settled = Api.onTimeProcessing(Fixtures.DISTRICT, period).orElse(Figures.NONE);
            if (settled.denominator() == before.denominator() + 1) {
                return;
            }
            Api.sleep(Duration.ofMillis(50));
        }
        throw new AssertionError("the accepted dossier " + code + " never reached the scorecard of " + Fixtures.DISTRICT);
    }
}
