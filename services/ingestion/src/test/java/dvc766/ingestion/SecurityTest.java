package dvc766.ingestion;

import static dvc766.ingestion.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dvc766.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityTest {

    private String procedure;

    @BeforeEach
    void tree() {
        ensureTree();
        procedure = createProcedure("380");
    }

    private Response write(RequestSpecification spec) {
        return spec.contentType(ContentType.JSON).body(dossier(procedure, "380")).put("/api/v1/dossiers/{code}", unique("HS"));
    }

    private void refused(Response r) {
        r.then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void noToken() { refused(write(given())); }

    @Test
    void expiredToken() { refused(write(given().auth().oauth2(TestTokens.expired("38")))); }

    @Test
    void tokenOfAnotherIssuer() { refused(write(given().auth().oauth2(TestTokens.otherIssuer("38")))); }

    @Test
    void tokenForAnotherAudience() { refused(write(given().auth().oauth2(TestTokens.otherAudience("38")))); }

    @Test
    void tamperedToken() { refused(write(given().auth().oauth2(TestTokens.tampered("38.SNV", "38")))); }

    @Test
    void tokenSignedWithAForeignKey() { refused(write(given().auth().oauth2(TestTokens.foreignKey("38")))); }

    @Test
    void garbageToken() { refused(write(given().auth().oauth2("not-a-jwt"))); }

    @Test
    void everyApiRouteNeedsAToken() {
        refused(given().get("/api/v1/submissions/{id}", java.util.UUID.randomUUID()));
        refused(given().contentType(ContentType.JSON).body(Map.of("items", java.util.List.of())).post("/api/v1/dossiers:batch"));
        refused(given().contentType(ContentType.JSON).body(Map.of("name", "X", "level", "COMMUNE"))
                .put("/api/v1/admin/units/{code}", unique("U")));
    }

    @Test
    void adminRouteNeedsAdminRole() {
        given().auth().oauth2(TestTokens.official("monitor", "38", "monitor")).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "level", "COMMUNE", "parentCode", "380"))
                .put("/api/v1/admin/units/{code}", unique("U"))
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aClientReadsOnlyItsOwnSubmissions() {
        String id = putDossier(province(), unique("HS"), dossier(procedure, "380")).then().statusCode(201)
                .extract().jsonPath().getString("submissionId");
        getSubmission(province(), id).then().statusCode(200).body("submissionId", equalTo(id))
                .body("clientId", equalTo(PROVINCE_CLIENT)).body("outcome", equalTo("ACCEPTED"))
                .body("effect", equalTo("CREATED"));
        getSubmission(snv(), id).then().statusCode(404).contentType("application/problem+json");
        getSubmission(TestTokens.admin(), id).then().statusCode(200);
        getSubmission(province(), "not-a-uuid").then().statusCode(404);
    }
}
