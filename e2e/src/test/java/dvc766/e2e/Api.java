package dvc766.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** HTTP through the gateway, with tokens from the real Keycloak of the e2e stack. */
final class Api {

    /** The demo identities of realm {@code dvc} (k8s/keycloak/realm-dvc.json). */
    enum Identity {
        ADMIN, AGENCY, AGENCY_SNV
    }

    private record Token(String value, Instant expires) {
    }

    private static final Map<Identity, Token> TOKENS = new EnumMap<>(Identity.class);

    private Api() {
    }

    static synchronized String token(Identity who) {
        Token t = TOKENS.get(who);
        if (t == null || Instant.now().isAfter(t.expires())) {
            RequestSpecification req = given().contentType(ContentType.URLENC);
            req = switch (who) {
                case ADMIN -> req.formParam("grant_type", "password").formParam("client_id", "dvc-cli")
                        .formParam("username", "admin").formParam("password", "admin");
                case AGENCY -> req.formParam("grant_type", "client_credentials")
                        .formParam("client_id", "demo-agency").formParam("client_secret", "demo-agency-secret");
                case AGENCY_SNV -> req.formParam("grant_type", "client_credentials")
                        .formParam("client_id", "demo-agency-snv").formParam("client_secret", "demo-agency-snv-secret");
            };
            JsonPath body = req.post(Platform.issuer() + "/protocol/openid-connect/token")
                    .then().statusCode(200).extract().jsonPath();
            long lifetime = body.getLong("expires_in");
            t = new Token(body.getString("access_token"), Instant.now().plusSeconds(Math.max(5, lifetime - 30)));
            TOKENS.put(who, t);
        }
        return t.value();
    }

    static RequestSpecification as(Identity who) {
        return anonymous().auth().oauth2(token(who));
    }

    static RequestSpecification anonymous() {
        return given().baseUri(Platform.gateway()).contentType(ContentType.JSON).accept("application/json, application/problem+json");
    }

    /** ON_TIME_PROCESSING of a unit's scorecard, or empty when the unit has no score yet (404). */
    static Optional<Figures> onTimeProcessing(String unit, String period) {
        Response r = anonymous().queryParam("period", period).get("/public/v1/units/{code}/scorecard", unit);
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        if (r.statusCode() != 200) {
            throw new AssertionError("scorecard of " + unit + ": HTTP " + r.statusCode() + " " + r.asString());
        }
        JsonPath json = r.jsonPath();
        List<Map<String, Object>> indicators = json.getList("indicators");
        Map<String, Object> ind = indicators.stream().filter(i -> "ON_TIME_PROCESSING".equals(i.get("code"))).findFirst()
                .orElseThrow(() -> new AssertionError("scorecard of " + unit + " has no ON_TIME_PROCESSING: " + r.asString()));
        return Optional.of(new Figures(number(ind.get("numerator")), number(ind.get("denominator")),
                number(json.get("total")), r.asString()));
    }

    /** A unit's entry in a ranking, or empty when it is not listed. */
    static Optional<Map<String, Object>> rankingEntry(String period, String level, String unit) {
        Response r = anonymous().queryParam("period", period).queryParam("level", level).get("/public/v1/rankings");
        if (r.statusCode() != 200) {
            throw new AssertionError("ranking " + level + " " + period + ": HTTP " + r.statusCode() + " " + r.asString());
        }
        List<Map<String, Object>> items = r.jsonPath().getList("items");
        return items.stream().filter(i -> unit.equals(i.get("unitCode"))).findFirst();
    }

    static double number(Object o) {
        if (o == null) {
            return Double.NaN;
        }
        return ((Number) o).doubleValue();
    }

    /** The figures of one indicator as a scorecard shows them, and the unit's total. */
    record Figures(double numerator, double denominator, double total, String scorecard) {
        static final Figures NONE = new Figures(0, 0, Double.NaN, "(no scorecard)");

        /** Same numerator and denominator as {@code other}. */
        boolean counts(Figures other) {
            return numerator == other.numerator && denominator == other.denominator;
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
