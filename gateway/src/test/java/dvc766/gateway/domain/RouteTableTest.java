package dvc766.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.AbstractMap.SimpleEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static RouteTable table() {
        Map<String, Map.Entry<List<String>, String>> routes = new LinkedHashMap<>();
        routes.put("public", new SimpleEntry<>(List.of("/public/"), "publication"));
        routes.put("portal", new SimpleEntry<>(List.of("=/", "/assets/"), "publication"));
        routes.put("ingestion", new SimpleEntry<>(List.of("/api/v1/dossiers", "/api/v1/admin/units"), "ingestion"));
        routes.put("indicator-admin", new SimpleEntry<>(List.of("/api/v1/admin/rulesets"), "indicator"));
        routes.put("complaints", new SimpleEntry<>(List.of("/public/v1/complaints"), "complaint"));
        return RouteTable.of(routes);
    }

    private static Optional<String> backend(String path) {
        return table().lookup(path).map(RouteTable.Target::backend);
    }

    @Test
    void longestPatternWinsWhateverTheOrder() {
        assertThat(backend("/public/v1/complaints")).contains("complaint");
        assertThat(backend("/public/v1/complaints/TRK-1/rating")).contains("complaint");
        assertThat(backend("/public/v1/units")).contains("publication");
        assertThat(backend("/api/v1/admin/units/38")).contains("ingestion");
        assertThat(backend("/api/v1/admin/rulesets/x")).contains("indicator");
    }

    @Test
    void plainPatternsMatchWholeSegmentsAndColonActions() {
        assertThat(backend("/api/v1/dossiers")).contains("ingestion");
        assertThat(backend("/api/v1/dossiers/D1")).contains("ingestion");
        assertThat(backend("/api/v1/dossiers:batch")).contains("ingestion");
        assertThat(backend("/api/v1/dossiersX")).isEmpty();
        assertThat(backend("/public/v1/complaintsX")).contains("publication"); // falls back to /public/
    }

    @Test
    void exactAndSubtreePatterns() {
        assertThat(backend("/")).contains("publication");
        assertThat(backend("/assets/app.js")).contains("publication");
        assertThat(backend("/assets")).isEmpty();
        assertThat(backend("/other")).isEmpty();
        assertThat(backend("/api/v1/admin")).isEmpty();
    }

    @Test
    void namesTheRoute() {
        assertThat(table().lookup("/api/v1/admin/units/38")).contains(new RouteTable.Target("ingestion", "ingestion"));
    }

    @Test
    void refusesBadPatternsAndDoubleClaims() {
        assertThatThrownBy(() -> RouteTable.of(Map.of("x", new SimpleEntry<>(List.of("api"), "b"))))
                .hasMessageContaining("must start with /");
        Map<String, Map.Entry<List<String>, String>> twice = new LinkedHashMap<>();
        twice.put("a", new SimpleEntry<>(List.of("/api/v1/x"), "b1"));
        twice.put("b", new SimpleEntry<>(List.of("/api/v1/x"), "b2"));
        assertThatThrownBy(() -> RouteTable.of(twice)).hasMessageContaining("claimed by routes a and b");
    }
}
