package dvc766.ingestion;

import static dvc766.ingestion.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every agency route against every way a caller can be wrong: no token, expired, another issuer, another audience,
 * tampered (401); a unit outside the caller's subtree and a missing role (403). After each refused write, the
 * rightful caller writes the same object and gets 201 CREATED: proof that the refused request stored nothing.
 */
@QuarkusTest
class SecurityTest {

    /** How a caller is wrong, and the token it brings (null: none). */
    enum Case {
        NO_TOKEN(401),
        EXPIRED(401),
        OTHER_ISSUER(401),
        OTHER_AUDIENCE(401),
        TAMPERED(401),
        OTHER_UNIT(403),
        MISSING_ROLE(403);

        final int status;

        Case(int status) {
            this.status = status;
        }

        /** The token; for {@code OTHER_UNIT} the department 38.SNV, which is above none of the objects written here. */
        String token() {
            return switch (this) {
                case NO_TOKEN -> null;
                case EXPIRED -> TestTokens.expired("38");
                case OTHER_ISSUER -> TestTokens.otherIssuer("38");
                case OTHER_AUDIENCE -> TestTokens.otherAudience("38");
                // signed for 38.SNV, edited to claim the province
                case TAMPERED -> TestTokens.tampered("38.SNV", "38");
                case OTHER_UNIT -> snv();
                // the province's unit, but the role of a monitor, not of an agency system (nor of an administrator)
                case MISSING_ROLE -> TestTokens.official("monitor", "38", "monitor");
            };
        }
    }

    /** One agency route: how to call it for a fresh object, and who may. */
    enum Route {
        UNIT_ADMIN(false), PROCEDURE(false), PROCEDURE_BATCH(true), DECISION(false), DECISION_BATCH(true),
        DOSSIER(false), DOSSIER_BATCH(true), SUBMISSION_READ(false);

        final boolean batch;

        Route(boolean batch) {
            this.batch = batch;
        }
    }

    static Stream<Arguments> matrix() {
        return Arrays.stream(Route.values()).flatMap(r -> Arrays.stream(Case.values()).map(c -> Arguments.of(r, c)));
    }

    private String procedure;

    @BeforeEach
    void tree() {
        ensureTree();
        procedure = createProcedure("380");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void everyAgencyRouteRefusesEveryWrongCaller(Route route, Case wrong) {
        String id = route == Route.SUBMISSION_READ ? submissionOfTheProvince() : unique("X");
        Response r = call(route, wrong.token(), id);
        if (route.batch && wrong.status == 403) {
            // a batch judges each item on its own: the request is answered, the item refused
            r.then().statusCode(200).body("results[0].status", equalTo(403));
        } else {
            int expected = route == Route.SUBMISSION_READ && wrong == Case.OTHER_UNIT
                    ? 404 // another client's submission is answered like a missing one: its existence is not disclosed
                    : wrong.status;
            r.then().statusCode(expected).contentType("application/problem+json").body("status", equalTo(expected));
        }
        if (route == Route.SUBMISSION_READ) {
            call(route, province(), id).then().statusCode(200).body("submissionId", equalTo(id));
            return;
        }
        // nothing was stored: the rightful caller's write of the very same object creates it
        Response rightful = call(route, route == Route.UNIT_ADMIN ? TestTokens.admin() : province(), id);
        if (route.batch) rightful.then().statusCode(200).body("results[0].status", equalTo(201));
        else rightful.then().statusCode(201).body("effect", equalTo("CREATED"));
    }

    private Response call(Route route, String token, String id) {
        RequestSpecification spec = given();
        if (token != null) spec = spec.auth().oauth2(token);
        spec = spec.contentType(ContentType.JSON);
        return switch (route) {
            case UNIT_ADMIN -> spec.body(Map.of("name", "Xã thử " + id, "level", "COMMUNE", "parentCode", "380"))
                    .put("/api/v1/admin/units/{code}", id);
            case PROCEDURE -> spec.body(procedure("380")).put("/api/v1/procedures/{code}", id);
            case PROCEDURE_BATCH -> spec.body(Map.of("items", List.of(withCode(id, procedure("380")))))
                    .post("/api/v1/procedures:batch");
            case DECISION -> spec.body(PublishingDecisionWriteTest.decision("380", id, procedure))
                    .post("/api/v1/publishing-decisions");
            case DECISION_BATCH -> spec.body(Map.of("items", List.of(PublishingDecisionWriteTest.decision("380", id, procedure))))
                    .post("/api/v1/publishing-decisions:batch");
            case DOSSIER -> spec.body(dossier(procedure, "380")).put("/api/v1/dossiers/{code}", id);
            case DOSSIER_BATCH -> spec.body(Map.of("items", List.of(withCode(id, dossier(procedure, "380")))))
                    .post("/api/v1/dossiers:batch");
            case SUBMISSION_READ -> spec.accept(ContentType.JSON).get("/api/v1/submissions/{id}", id);
        };
    }

    private String submissionOfTheProvince() {
        return putDossier(province(), unique("HS"), dossier(procedure, "380")).then().statusCode(201)
                .extract().jsonPath().getString("submissionId");
    }

    private static Map<String, Object> withCode(String code, Map<String, Object> body) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.putAll(body);
        return m;
    }

    private void refused(Response r) {
        r.then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void tokenSignedWithAForeignKey() {
        refused(given().auth().oauth2(TestTokens.foreignKey("38")).contentType(ContentType.JSON)
                .body(dossier(procedure, "380")).put("/api/v1/dossiers/{code}", unique("HS")));
    }

    @Test
    void garbageToken() {
        refused(given().auth().oauth2("not-a-jwt").contentType(ContentType.JSON).body(dossier(procedure, "380"))
                .put("/api/v1/dossiers/{code}", unique("HS")));
    }

    @Test
    void aClientReadsOnlyItsOwnSubmissions() {
        String id = submissionOfTheProvince();
        getSubmission(province(), id).then().statusCode(200).body("submissionId", equalTo(id))
                .body("clientId", equalTo(PROVINCE_CLIENT)).body("outcome", equalTo("ACCEPTED"))
                .body("effect", equalTo("CREATED"));
        getSubmission(snv(), id).then().statusCode(404).contentType("application/problem+json");
        getSubmission(TestTokens.admin(), id).then().statusCode(200);
        getSubmission(province(), "not-a-uuid").then().statusCode(404);
        getSubmission(province(), UUID.randomUUID().toString()).then().statusCode(404);
    }
}
