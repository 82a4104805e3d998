package dvc766.ingestion;

import static io.restassured.RestAssured.given;

import dvc766.testsupport.Contracts;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiContractTest {

    @Test
    void servedOpenApiMatchesTheContract() throws Exception {
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        // kept for whoever updates contracts/openapi/ingestion.yaml after an intended change of the API
        Files.writeString(Path.of("target", "served-openapi-ingestion.json"), served);
        Contracts.assertOpenApiMatches("ingestion", served);
    }
}
