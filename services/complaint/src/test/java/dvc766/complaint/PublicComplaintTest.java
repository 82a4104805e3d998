package dvc766.complaint;

import static dvc766.complaint.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PublicComplaintTest {

    @BeforeEach
    void tree() { ensureTree(); }

    @Test
    void submitThenFollowWithTheSecretOnly() {
        String text = "Cán bộ hẹn trả kết quả nhưng không trả " + UUID.randomUUID();
        Response r = citizen(newIp()).body(pakn("380", text)).post("/public/v1/complaints")
                .then().statusCode(201).body("trackingCode", matchesPattern("PAKN-[0-9A-Z]{10}"))
                .body("status", equalTo("RECEIVED")).body("answerDueAt", notNullValue()).extract().response();
        String code = r.path("trackingCode");
        String secret = r.path("secret");
        assertThat(r.header("Location")).endsWith("/public/v1/complaints/" + code);

        given().header(SECRET, secret).get("/public/v1/complaints/{c}", code).then().statusCode(200)
                .body("trackingCode", equalTo(code)).body("unitCode", equalTo("380")).body("status", equalTo("RECEIVED"));
        given().header(SECRET, secret + "x").get("/public/v1/complaints/{c}", code).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/public/v1/complaints/{c}", code).then().statusCode(404);
        given().header(SECRET, secret).get("/public/v1/complaints/PAKN-0000000000").then().statusCode(404);
        // the secret is stored only as a hash
        assertThat(count("SELECT count(*) FROM complaint WHERE id = ? AND secret_sha256 <> ?", code, secret)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM complaint_action WHERE complaint_id = ? AND action = 'SUBMIT'", code)).isEqualTo(1);
    }

    @Test
    void textIsStoredInNfc() {
        String decomposed = Normalizer.normalize("Thủ tục ở Thường Xuân quá rườm rà " + UUID.randomUUID(), Normalizer.Form.NFD);
        String code = citizen(newIp()).body(pakn("380", decomposed)).post("/public/v1/complaints")
                .then().statusCode(201).extract().path("trackingCode");
        String stored = (String) rows("SELECT text FROM complaint WHERE id = ?", code).get(0).get("text");
        assertThat(stored).isEqualTo(Normalizer.normalize(decomposed, Normalizer.Form.NFC)).isNotEqualTo(decomposed);
    }

    @Test
    void everyBadFieldIsNamed() {
        Map<String, Object> body = new HashMap<>();
        body.put("unitCode", "38 0");
        body.put("category", "OTHER");
        body.put("procedureCode", "/x");
        body.put("text", "a".repeat(5001));
        body.put("contact", Map.of("email", "not-an-email", "phone", "abc"));
        citizen(newIp()).body(body).post("/public/v1/complaints").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("unitCode", "category", "procedureCode", "text", "contact.email",
                        "contact.phone", "challenge"));
    }

    @Test
    void theChallengeIsRequiredAndSpentOnce() {
        Map<String, Object> body = pakn("380", "Một " + UUID.randomUUID());
        body.put("challenge", Map.of("nonce", "v1.9999999999.8.00.forged", "solution", "1"));
        citizen(newIp()).body(body).post("/public/v1/complaints").then().statusCode(400).body("errors[0].field", equalTo("challenge"));

        Map<String, Object> solved = solvedChallenge();
        Map<String, Object> first = pakn("380", "Hai " + UUID.randomUUID());
        first.put("challenge", solved);
        citizen(newIp()).body(first).post("/public/v1/complaints").then().statusCode(201);
        Map<String, Object> again = pakn("380", "Ba " + UUID.randomUUID());
        again.put("challenge", solved);
        citizen(newIp()).body(again).post("/public/v1/complaints").then().statusCode(400)
                .body("errors[0].rule", equalTo("proof-of-work"));

        Map<String, Object> unsolved = pakn("380", "Bốn " + UUID.randomUUID());
        String nonce = given().get("/public/v1/complaints/challenge").then().extract().path("nonce");
        String wrong = "0";
        while (dvc766.complaint.domain.ProofOfWork.solves(nonce, wrong, 8)) wrong = wrong + "0";
        unsolved.put("challenge", Map.of("nonce", nonce, "solution", wrong));
        citizen(newIp()).body(unsolved).post("/public/v1/complaints").then().statusCode(400);
    }

    @Test
    void theSameTextForTheSameUnitIsADuplicate() {
        String text = "Phí lệ phí thu sai quy định " + UUID.randomUUID();
        citizen(newIp()).body(pakn("380", text)).post("/public/v1/complaints").then().statusCode(201);
        // case, punctuation and blanks do not make it new
        citizen(newIp()).body(pakn("380", "  " + text.toUpperCase() + " !!")).post("/public/v1/complaints")
                .then().statusCode(409).contentType("application/problem+json").body("type", equalTo("urn:dvc766:problem:duplicate"));
        // another unit may receive the same text
        citizen(newIp()).body(pakn("38.SNV", text)).post("/public/v1/complaints").then().statusCode(201);
    }

    @Test
    void unknownUnitIs422() {
        citizen(newIp()).body(pakn("38999", "Không có đơn vị " + UUID.randomUUID())).post("/public/v1/complaints")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void perIpRateLimitAndBodyLimit() {
        String ip = newIp();
        for (int i = 0; i < 5; i++) {
            citizen(ip).body(pakn("380", "Giới hạn " + i + " " + UUID.randomUUID())).post("/public/v1/complaints").then().statusCode(201);
        }
        citizen(ip).body(pakn("380", "Quá giới hạn " + UUID.randomUUID())).post("/public/v1/complaints")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());
        // another address is not affected
        citizen(newIp()).body(pakn("380", "Địa chỉ khác " + UUID.randomUUID())).post("/public/v1/complaints").then().statusCode(201);

        Map<String, Object> big = pakn("380", "x");
        big.put("padding", "y".repeat(40_000));
        citizen(newIp()).body(big).post("/public/v1/complaints").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void openDataShowsNoPersonalData() {
        Map<String, Object> body = pakn("38001", "Bí mật cá nhân " + UUID.randomUUID());
        body.put("contact", Map.of("name", "Nguyễn Văn A", "phone", "0912345678"));
        String code = citizen(newIp()).body(body).post("/public/v1/complaints").then().statusCode(201).extract().path("trackingCode");
        String page = given().queryParam("unit", "38001").queryParam("size", 1000).get("/public/v1/complaints")
                .then().statusCode(200).body("size", equalTo(100)).body("items[0].unitCode", equalTo("38001"))
                .extract().asString();
        assertThat(page).doesNotContain("Nguyễn Văn A").doesNotContain("0912345678").doesNotContain(code)
                .doesNotContain("Bí mật cá nhân");
        given().queryParam("status", "NOPE").get("/public/v1/complaints").then().statusCode(400)
                .body("errors.field", hasItems("status"));
        given().queryParam("page", "x").get("/public/v1/complaints").then().statusCode(400)
                .body("errors.field", equalTo(List.of("page")));
    }
}
