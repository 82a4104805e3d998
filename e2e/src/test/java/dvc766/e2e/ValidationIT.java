package dvc766.e2e;

import static dvc766.e2e.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dvc766.e2e.Api.Identity;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input is refused as a whole with one problem document that names every bad field, and is audited. */
@ExtendWith(Platform.class)
@Order(3)
class ValidationIT {

    @Test
    void aMalformedDossierIs400ProblemNamingEveryBadField() {
        Fixtures.ensureProvince();
        String code = Fixtures.newDossierCode();
        Map<String, Object> dossier = Fixtures.onTimeDossier(Fixtures.DISTRICT);
        dossier.remove("procedureCode");                 // required
        dossier.put("channel", "FAX");                   // not one of ONLINE, DIRECT, POSTAL
        dossier.put("receivedAt", "yesterday");          // not an ISO-8601 time
        dossier.remove("status");                        // required
        dossier.remove("updatedAt");                     // required
        dossier.put("supplements", List.of(Map.of("returnedAt", Fixtures.now().toString()))); // requestedAt missing

        Response r = as(Identity.AGENCY).body(dossier).put("/api/v1/dossiers/{code}", code);
        assertThat(r.statusCode()).as("malformed dossier: %s", r.asString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getInt("status")).isEqualTo(400);
        assertThat(r.jsonPath().getString("type")).startsWith("urn:dvc766:problem:");
        List<String> fields = r.jsonPath().getList("errors.field", String.class);
        assertThat(fields).as("fields named in %s", r.asString())
                .contains("procedureCode", "channel", "receivedAt", "status", "updatedAt", "supplements[0].requestedAt");
        List<Map<String, Object>> errors = r.jsonPath().getList("errors");
        assertThat(errors).allSatisfy(e -> {
            assertThat((String) e.get("rule")).as("rule of %s", e).isNotBlank();
            assertThat((String) e.get("message")).as("message of %s", e).isNotBlank();
        });

        // the agency can read the reason back
        String instance = r.jsonPath().getString("instance");
        assertThat(instance).startsWith("/api/v1/submissions/");
        Response submission = as(Identity.AGENCY).get(instance);
        assertThat(submission.statusCode()).as("GET %s: %s", instance, submission.asString()).isEqualTo(200);
        assertThat(submission.jsonPath().getString("outcome")).isEqualTo("REJECTED");
        assertThat(submission.jsonPath().getList("errors.field", String.class))
                .contains("procedureCode", "channel", "receivedAt", "status", "updatedAt", "supplements[0].requestedAt");

        // another client cannot read it
        assertThat(as(Identity.AGENCY_SNV).get(instance).statusCode()).as("GET another client's submission")
                .isIn(403, 404);
    }
}
