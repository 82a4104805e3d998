package dvc766.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated objects serialise with exactly the field names of the ingestion API. */
class JsonShapeTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-29T10:00:00+07:00");
    static final DemoProvince P = DemoProvince.generate(new DemoParams(766, NOW, 2, 600, 2));
    static final ObjectMapper M = Json.mapper();
    static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+07:00";

    @Test
    void dossierItemHasTheApiFieldNames() throws Exception {
        Dossier d = P.dossiers().stream().filter(x -> x.supplements().size() == 1 && x.finishedAt() != null)
                .findFirst().orElseThrow();
        JsonNode j = M.readTree(M.writeValueAsString(d));
        assertThat(names(j)).containsExactly("code", "procedureCode", "unitCode", "channel", "receivedAt", "dueAt",
                "status", "finishedAt", "finishKind", "supplements", "syncedAt", "eResult", "inputsDigitized",
                "reusedData", "personalStoreLinked", "populationDataUsed", "feeAmount", "paidOnlineAt", "rating",
                "updatedAt");
        assertThat(names(j.get("supplements").get(0))).containsExactly("requestedAt", "returnedAt");
        assertThat(j.get("eResult").isBoolean()).isTrue();
        assertThat(j.get("feeAmount").isIntegralNumber()).isTrue();
        assertThat(j.get("receivedAt").asText()).matches(TIME);
        assertThat(j.get("finishedAt").asText()).matches(TIME);
        Dossier paid = P.dossiers().stream().filter(x -> x.paidOnlineAt() != null && x.rating() != null)
                .findFirst().orElseThrow();
        JsonNode pj = M.valueToTree(paid);
        assertThat(pj.get("paidOnlineAt").asText()).matches(TIME);
        assertThat(pj.get("rating").asText()).isIn("SATISFIED", "NEUTRAL", "DISSATISFIED");
        assertThat(j.get("channel").asText()).isIn("ONLINE", "DIRECT", "POSTAL");

        Dossier open = P.dossiers().stream().filter(x -> !x.status().finished()).findFirst().orElseThrow();
        JsonNode o = M.readTree(M.writeValueAsString(open));
        assertThat(o.get("finishedAt").isNull()).isTrue(); // absent values are written as null, not left out
        assertThat(o.get("finishKind").isNull()).isTrue();
        assertThat(o.get("rating").isNull()).isTrue();
    }

    @Test
    void procedureItemHasTheApiFieldNames() throws Exception {
        JsonNode j = M.valueToTree(P.procedures().get(0));
        assertThat(names(j)).containsExactly("code", "name", "field", "unitCodes", "applicantTypes", "onlineLevel",
                "eligibleForFullOnline", "feeBearing", "paymentIntegrated", "paperResult", "legalTime", "publicParts",
                "madePublicAt", "updatedAt");
        assertThat(names(j.get("legalTime"))).containsExactly("amount", "unit");
        assertThat(j.get("madePublicAt").asText()).matches(TIME);
    }

    @Test
    void unitBodyHasTheApiFieldNamesAndNoCode() {
        Unit commune = P.units().stream().filter(u -> u.eCertifiedCopySince() != null).findFirst().orElseThrow();
        JsonNode j = Json.unitBody(commune);
        assertThat(names(j)).containsExactly("name", "level", "parentCode", "validFrom", "validTo",
                "eCertifiedCopySince", "updatedAt");
        assertThat(j.get("validFrom").asText()).isEqualTo("2022-01-01");
        assertThat(j.get("eCertifiedCopySince").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(j.get("name").asText()).endsWith("(giả lập)");
        assertThat(Json.unitBody(P.units().get(0)).get("parentCode").isNull()).isTrue();
    }

    @Test
    void jsonRoundTripsToEqualRecords() throws Exception {
        Dossier d = P.dossiers().get(7);
        assertThat(M.readValue(M.writeValueAsBytes(d), Dossier.class)).isEqualTo(d);
        Procedure p = P.procedures().get(3);
        assertThat(M.readValue(M.writeValueAsBytes(p), Procedure.class)).isEqualTo(p);
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
