package dvc766.ingestion.api;

import com.fasterxml.jackson.databind.JsonNode;
import dvc766.ingestion.domain.Violation;
import dvc766.ingestion.domain.Violations;
import dvc766.ingestion.store.Payload;
import java.util.ArrayList;
import java.util.List;

/** The {@code {"items": [...]}} envelope of a batch request: its items, or why it cannot be read at all. */
record BatchEnvelope(List<JsonNode> items, Payload payload, List<Violation> errors) {

    static BatchEnvelope read(byte[] body, int maxItems) {
        Bodies.Parsed parsed = Bodies.parse(body);
        if (parsed.error() != null) return new BatchEnvelope(List.of(), parsed.payload(), List.of(parsed.error()));
        Violations v = new Violations();
        JsonInput in = JsonInput.object(parsed.json(), "", "", v);
        List<JsonNode> items = new ArrayList<>();
        if (v.isEmpty()) {
            JsonNode list = parsed.json().get("items");
            in.fieldsRead().add("items");
            in.rejectUnknown();
            if (list == null || list.isNull()) v.add("items", "required", "is required");
            else if (!list.isArray()) v.add("items", "type", "must be an array");
            else if (list.isEmpty()) v.add("items", "minItems", "must hold at least one item");
            else if (list.size() > maxItems) {
                v.add("items", "maxItems", "holds " + list.size() + " items; at most " + maxItems + " per request");
            } else {
                list.forEach(items::add);
            }
        }
        return new BatchEnvelope(v.isEmpty() ? items : List.of(), parsed.payload(), v.list());
    }
}
