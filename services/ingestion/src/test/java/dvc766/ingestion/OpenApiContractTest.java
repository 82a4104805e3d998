package dvc766.ingestion;

import static io.restassured.RestAssured.given;

import dvc766.testsupport.Contracts;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiContractTest {

    @Test
    void servedOpenApiMatchesTheContract() {
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        Contracts.assertOpenApiMatches("ingestion", served);
    }
}
