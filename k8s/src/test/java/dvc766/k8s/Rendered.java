package dvc766.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** The objects of one rendered overlay, as JSON trees (typed views come from {@link StrictModel}). */
record Rendered(String overlay, List<JsonNode> objects) {

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText())).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " named " + name));
    }

    <T> T typed(String kind, String name, Class<T> type) {
        return StrictModel.read(get(kind, name), type);
    }

    <T> List<T> typedAll(String kind, Class<T> type) {
        return ofKind(kind).stream().map(o -> StrictModel.read(o, type)).toList();
    }
}
