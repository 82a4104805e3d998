package dvc766.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dvc766.contracts.events.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a service against {@code contracts/}: its served OpenAPI must describe the same operations, parameters,
 * media types, status codes and schema shapes as the contract file; every event it emits must validate against
 * the event's JSON Schema. Descriptions, examples and operation ids may differ; shapes may not.
 */
public final class Contracts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private Contracts() {}

    /** Fails with a list of differences when {@code servedOpenApiJson} departs from {@code contracts/openapi/<service>.yaml}. */
    public static void assertOpenApiMatches(String service, String servedOpenApiJson) {
        try {
            JsonNode contract = YAML.readTree(resource("contracts/openapi/" + service + ".yaml"));
            JsonNode served = JSON.readTree(servedOpenApiJson);
            List<String> differences = new ArrayList<>();
            diff("", shape(contract), shape(served), differences);
            if (!differences.isEmpty()) {
                Path dump = Path.of("target", "served-openapi-" + service + ".yaml");
                Files.createDirectories(dump.getParent());
                YAML.writeValue(dump.toFile(), served);
                throw new AssertionError("served OpenAPI departs from contracts/openapi/" + service + ".yaml ("
                        + "served document written to " + dump.toAbsolutePath() + "):\n  " + String.join("\n  ", differences));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails when the event (a CloudEvents envelope as sent on Kafka) does not match its type's JSON Schema. */
    public static void assertEventMatchesSchema(String eventJson) {
        try {
            JsonNode event = JSON.readTree(eventJson);
            EventType type = EventType.ofType(event.path("type").asText());
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(resource(type.schemaResource()));
            Set<ValidationMessage> errors = schema.validate(event);
            if (!errors.isEmpty()) {
                throw new AssertionError("event " + type.type() + " departs from " + type.schemaResource() + ": " + errors
                        + "\n" + eventJson);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Contracts.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new AssertionError("no contract file on the classpath: " + name);
        return in;
    }

    /** The parts of an OpenAPI document that clients rely on, with every $ref resolved. */
    static JsonNode shape(JsonNode doc) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        JsonNode paths = doc.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) continue;
                out.set(op.getKey().toUpperCase() + " " + path.getKey(), operation(doc, path.getValue(), op.getValue()));
            }
        }
        return out;
    }

    private static JsonNode operation(JsonNode doc, JsonNode pathItem, JsonNode op) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        TreeSet<String> params = new TreeSet<>();
        for (JsonNode source : List.of(pathItem.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : source) {
                JsonNode param = deref(doc, p);
                params.add(param.path("in").asText() + ":" + param.path("name").asText()
                        + (param.path("required").asBoolean(false) ? ":required" : ""));
            }
        }
        ArrayNode paramNode = out.putArray("parameters");
        params.forEach(paramNode::add);
        JsonNode body = deref(doc, op.path("requestBody"));
        if (!body.isMissingNode()) {
            ObjectNode b = out.putObject("requestBody");
            b.put("required", body.path("required").asBoolean(false));
            b.set("content", content(doc, body.path("content")));
        }
        ObjectNode responses = out.putObject("responses");
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        op.path("responses").fields().forEachRemaining(e -> sorted.put(e.getKey(), content(doc, deref(doc, e.getValue()).path("content"))));
        sorted.forEach(responses::set);
        return out;
    }

    private static JsonNode content(JsonNode doc, JsonNode content) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        content.fields().forEachRemaining(e -> sorted.put(e.getKey(), schema(doc, e.getValue().path("schema"), new HashSet<>())));
        sorted.forEach(out::set);
        return out;
    }

    private static JsonNode schema(JsonNode doc, JsonNode node, Set<String> seen) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (node.isMissingNode() || node.isNull()) return out;
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!seen.add(ref)) {
                out.put("recursive", ref.substring(ref.lastIndexOf('/') + 1));
                return out;
            }
            JsonNode resolved = schema(doc, deref(doc, node), seen);
            seen.remove(ref);
            return resolved;
        }
        for (String combiner : List.of("allOf", "oneOf", "anyOf")) {
            if (node.has(combiner)) {
                ArrayNode parts = out.putArray(combiner);
                for (JsonNode part : node.get(combiner)) parts.add(schema(doc, part, seen));
            }
        }
        JsonNode type = node.path("type");
        if (type.isArray()) {
            TreeSet<String> types = new TreeSet<>();
            type.forEach(t -> { if (!"null".equals(t.asText())) types.add(t.asText()); });
            if (types.size() == 1) out.put("type", types.first());
            else if (!types.isEmpty()) out.put("type", String.join("|", types));
        } else if (type.isTextual()) {
            out.put("type", type.asText());
        }
        if (node.has("format")) out.put("format", node.get("format").asText());
        if (node.has("enum")) {
            TreeSet<String> values = new TreeSet<>();
            node.get("enum").forEach(v -> { if (!v.isNull()) values.add(v.asText()); });
            ArrayNode e = out.putArray("enum");
            values.forEach(e::add);
        }
        if (node.has("items")) out.set("items", schema(doc, node.get("items"), seen));
        if (node.has("properties")) {
            ObjectNode props = out.putObject("properties");
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            node.get("properties").fields().forEachRemaining(e -> sorted.put(e.getKey(), schema(doc, e.getValue(), seen)));
            sorted.forEach(props::set);
        }
        if (node.has("required")) {
            TreeSet<String> req = new TreeSet<>();
            node.get("required").forEach(r -> req.add(r.asText()));
            ArrayNode r = out.putArray("required");
            req.forEach(r::add);
        }
        if (node.has("additionalProperties") && node.get("additionalProperties").isObject()) {
            out.set("additionalProperties", schema(doc, node.get("additionalProperties"), seen));
        }
        return out;
    }

    private static JsonNode deref(JsonNode doc, JsonNode node) {
        JsonNode current = node;
        int hops = 0;
        while (current.has("$ref") && hops++ < 20) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) throw new AssertionError("only local $ref supported: " + ref);
            current = doc.at(ref.substring(1));
        }
        return current;
    }

    private static void diff(String at, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            expected.fieldNames().forEachRemaining(keys::add);
            actual.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                String where = at.isEmpty() ? k : at + " > " + k;
                if (!expected.has(k)) out.add("served but not in contract: " + where);
                else if (!actual.has(k)) out.add("in contract but not served: " + where);
                else diff(where, expected.get(k), actual.get(k), out);
            }
        } else if (!expected.equals(actual)) {
            out.add(at + ": contract " + expected + ", served " + actual);
        }
    }
}
