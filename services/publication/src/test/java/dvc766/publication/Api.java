package dvc766.publication;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reads the public API the way a client does; numbers are compared as exact decimals. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Api() {}

    static JsonNode json(Response r) {
        try {
            return JSON.readTree(r.asString());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + r.asString(), e);
        }
    }

    static Response scorecard(String unit, String period) {
        return given().queryParam("period", period).get("/public/v1/units/{code}/scorecard", unit);
    }

    static Response ranking(String period, String level, String parent) {
        var req = given().queryParam("period", period);
        if (level != null) req = req.queryParam("level", level);
        if (parent != null) req = req.queryParam("parent", parent);
        return req.get("/public/v1/rankings");
    }

    static BigDecimal decimal(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (!n.isNumber()) throw new AssertionError("not a JSON number: " + n);
        return n.decimalValue();
    }

    /** "rank unitCode name total change" per item, for compact assertions. */
    static List<String> rows(JsonNode ranking) {
        List<String> out = new ArrayList<>();
        for (JsonNode i : ranking.get("items")) {
            BigDecimal change = decimal(i.get("change"));
            out.add(i.get("rank").asInt() + " " + i.get("unitCode").asText() + " " + i.get("name").asText() + " "
                    + decimal(i.get("total")).stripTrailingZeros().toPlainString() + " "
                    + (change == null ? "null" : change.stripTrailingZeros().toPlainString()));
        }
        return out;
    }
}
