package dvc766.ingestion.api;

import com.fasterxml.jackson.databind.JsonNode;
import dvc766.ingestion.domain.Violations;
import dvc766.ingestion.store.Item;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns request bodies into items to write, the same way for every kind of object: read the draft, refuse unknown
 * fields, apply the rules; in a batch, also refuse a code given twice. Every failing field is collected, none stops
 * the others.
 */
final class ItemReading {

    /** Reads a draft from JSON; {@code code} is the path's code for a single write, null in a batch. */
    interface Reader<D> {
        D read(JsonInput in, String code, Violations v);
    }

    /** Applies the kind's rules to a draft; {@code prefix} is the JSON path of the item, "" for a single write. */
    interface Rules<D, S> {
        S validate(D draft, String prefix, Violations v);
    }

    private ItemReading() {}

    static <D, S> Item<S> single(byte[] body, String code, Reader<D> reader, Rules<D, S> rules) {
        return single(body, code, reader, draft -> code, rules);
    }

    /** A single write whose key comes from the body, not the path: {@code keyOf} gives it (null if not readable). */
    static <D, S> Item<S> single(byte[] body, Reader<D> reader, Function<D, String> keyOf, Rules<D, S> rules) {
        return single(body, null, reader, keyOf, rules);
    }

    private static <D, S> Item<S> single(byte[] body, String code, Reader<D> reader, Function<D, String> keyOf,
            Rules<D, S> rules) {
        Bodies.Parsed parsed = Bodies.parse(body);
        String key = code;
        Violations v = new Violations();
        S state = null;
        if (parsed.error() != null) {
            v.addAll(List.of(parsed.error()));
        } else {
            JsonInput in = JsonInput.object(parsed.json(), "", "", v);
            D draft = reader.read(in, code, v);
            in.rejectUnknown();
            state = rules.validate(draft, "", v);
            key = keyOf.apply(draft);
        }
        return new Item<>(UUID.randomUUID(), null, key, "", parsed.payload(), v.isEmpty() ? state : null, v.list());
    }

    static <D, S> List<Item<S>> batch(List<JsonNode> nodes, String noun, Reader<D> reader, Function<D, String> codeOf,
            Rules<D, S> rules) {
        return batch(nodes, noun, "code", reader, codeOf, rules);
    }

    /** {@code keyField} is the field a key given twice is reported on ("code", or "number" for decisions). */
    static <D, S> List<Item<S>> batch(List<JsonNode> nodes, String noun, String keyField, Reader<D> reader,
            Function<D, String> codeOf, Rules<D, S> rules) {
        List<Item<S>> items = new ArrayList<>(nodes.size());
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String prefix = "items[" + i + "].";
            Violations v = new Violations();
            JsonInput in = JsonInput.object(node, "items[" + i + "]", prefix, v);
            D draft = reader.read(in, null, v);
            in.rejectUnknown();
            S state = rules.validate(draft, prefix, v);
            String code = codeOf.apply(draft);
            if (code != null) {
                Integer first = firstIndex.putIfAbsent(code, i);
                if (first != null) {
                    v.add(prefix + keyField, "unique", noun + " " + code + " is already items[" + first + "] of this batch");
                }
            }
            items.add(new Item<>(UUID.randomUUID(), i, code, prefix, Bodies.item(node), v.isEmpty() ? state : null,
                    v.list()));
        }
        return items;
    }
}
