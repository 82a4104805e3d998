package dvc766.publication.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Vietnamese display names of index-766 codes (groups, indicators, bands, unit levels) from
 * {@code display-names-vi.json}. Text only: an unknown code is shown as itself, and no figure depends on a name.
 */
@ApplicationScoped
public class DisplayNames {

    private final Map<String, Map<String, String>> names = new HashMap<>();

    public DisplayNames() {
        try (InputStream in = DisplayNames.class.getClassLoader().getResourceAsStream("display-names-vi.json")) {
            if (in == null) throw new IllegalStateException("display-names-vi.json is missing from the classpath");
            JsonNode root = new ObjectMapper().readTree(in);
            for (String kind : new String[] {"groups", "indicators", "bands", "levels"}) {
                Map<String, String> m = new LinkedHashMap<>();
                root.path(kind).fields().forEachRemaining(e ->
                        m.put(e.getKey(), Normalizer.normalize(e.getValue().asText(), Normalizer.Form.NFC)));
                names.put(kind, Collections.unmodifiableMap(m));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String group(String code) {
        return name("groups", code);
    }

    public String indicator(String code) {
        return name("indicators", code);
    }

    public String band(String code) {
        return name("bands", code);
    }

    public String level(String code) {
        return name("levels", code);
    }

    /** Band codes with their names, for the rule set listing. */
    public Map<String, String> bands() {
        return names.get("bands");
    }

    private String name(String kind, String code) {
        if (code == null) return null;
        return names.get(kind).getOrDefault(code, code);
    }
}
