package dvc766.publication.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvc766.publication.config.DisplayNames;
import dvc766.publication.domain.RuleSetDocument;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a rule set document (as the indicator stored it) into the public views. Names are the portal's Vietnamese
 * display names where it has one for the code, the document's otherwise (a rule set an administrator added).
 */
final class RuleSetDefinitions {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final DisplayNames names;

    RuleSetDefinitions(DisplayNames names) {
        this.names = names;
    }

    RuleSetView ruleSet(RuleSetDocument d, boolean defaultRuleSet) {
        JsonNode doc = read(d);
        List<RuleSetView.Group> groups = new ArrayList<>();
        for (JsonNode g : doc.path("groups")) {
            String code = g.path("code").asText();
            groups.add(new RuleSetView.Group(code, name(names.group(code), code, g), decimal(g, "max")));
        }
        List<RuleSetView.Band> bands = new ArrayList<>();
        for (JsonNode b : doc.path("bands")) {
            String code = b.path("code").asText();
            bands.add(new RuleSetView.Band(code, name(names.band(code), code, b), decimal(b, "minPercent")));
        }
        JsonNode dl = doc.path("deadlines");
        RuleSetView.Deadlines deadlines = dl.isObject() ? new RuleSetView.Deadlines(byLevel(dl, "publishWorkingDaysBeforeEffective"),
                byLevel(dl, "publicUpdateWorkingDaysAfterSigning"), integer(dl, "petitionAnswerWorkingDays"),
                integer(dl, "petitionRefusalWorkingDays"), integer(dl, "petitionInfoRequestWorkingDays"),
                integer(dl, "petitionPublishAnswerWorkingDays")) : null;
        return new RuleSetView(d.id(), defaultRuleSet, groups, doc.path("indicators").size(), bands, d.version(),
                text(doc, "name"), text(doc, "description"), decimal(doc, "max"), texts(doc, "levels"), text(doc, "whenEmpty"),
                text(doc, "notApplicable"), deadlines, d.storedAt());
    }

    /** The document's indicators, by group then code like the listing learnt from scores. */
    List<RuleSetView.Indicator> indicators(RuleSetDocument d) {
        List<RuleSetView.Indicator> out = new ArrayList<>();
        for (JsonNode i : read(d).path("indicators")) {
            String code = i.path("code").asText();
            out.add(new RuleSetView.Indicator(d.id(), code, text(i, "group"), name(names.indicator(code), code, i), decimal(i, "max"),
                    text(i, "rule"), decimal(i, "threshold"), texts(i, "levels"), text(i, "measure"), text(i, "ratioTimes")));
        }
        out.sort(java.util.Comparator.comparing((RuleSetView.Indicator i) -> i.group() == null ? "" : i.group())
                .thenComparing(RuleSetView.Indicator::code));
        return out;
    }

    private static JsonNode read(RuleSetDocument d) {
        try {
            return JSON.readTree(d.json());
        } catch (JsonProcessingException e) {
            // the column is JSONB: PostgreSQL only ever hands back valid JSON
            throw new IllegalStateException("rule set " + d.id() + " holds unreadable JSON", e);
        }
    }

    private static String name(String displayName, String code, JsonNode node) {
        return displayName.equals(code) && node.hasNonNull("name") ? node.get("name").asText() : displayName;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static BigDecimal decimal(JsonNode n, String field) {
        return n.path(field).isNumber() ? n.get(field).decimalValue() : null;
    }

    private static Integer integer(JsonNode n, String field) {
        return n.path(field).isNumber() ? n.get(field).intValue() : null;
    }

    private static List<String> texts(JsonNode n, String field) {
        if (!n.path(field).isArray()) return null;
        List<String> out = new ArrayList<>();
        n.get(field).forEach(x -> out.add(x.asText()));
        return out;
    }

    private static Map<String, Integer> byLevel(JsonNode n, String field) {
        if (!n.path(field).isObject()) return null;
        Map<String, Integer> out = new LinkedHashMap<>();
        n.get(field).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().intValue()));
        return out;
    }
}
