package dvc766.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTPS decision behind HSTS and the CORS choices, without a server (the trusted-proxy case needs another config). */
class EdgeHeadersUnitTest {

    @Test
    void httpsComesFromTheSchemeUnlessForwardedHeadersAreTrusted() {
        assertThat(EdgeHeaders.https(false, "https", "http")).isFalse();
        assertThat(EdgeHeaders.https(false, null, "https")).isTrue();
        assertThat(EdgeHeaders.https(true, "https", "http")).isTrue();
        assertThat(EdgeHeaders.https(true, "https, http", "http")).isTrue();
        assertThat(EdgeHeaders.https(true, "http", "https")).isFalse();
        assertThat(EdgeHeaders.https(true, null, "http")).isFalse();
    }

    @Test
    void hstsOnlyOverHttpsAndBackendCorsDropped() {
        EdgeHeaders edge = new EdgeHeaders(List.of("https://portal.example.vn"));
        MultiMap h = MultiMap.caseInsensitiveMultiMap()
                .add("Strict-Transport-Security", "max-age=1").add("Access-Control-Allow-Origin", "*");
        edge.apply(h, false, false, "https://evil.example", false);
        assertThat(h.get("Strict-Transport-Security")).isNull();
        assertThat(h.get("Access-Control-Allow-Origin")).isNull();
        assertThat(h.getAll("Vary")).containsExactly("Origin");

        MultiMap secure = MultiMap.caseInsensitiveMultiMap().add("Vary", "Accept-Encoding, origin");
        edge.apply(secure, true, true, "https://portal.example.vn", false);
        assertThat(secure.get("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(secure.get("Cache-Control")).isEqualTo("no-store");
        assertThat(secure.get("Access-Control-Allow-Origin")).isEqualTo("https://portal.example.vn");
        assertThat(secure.getAll("Vary")).containsExactly("Accept-Encoding, origin");
    }

    @Test
    void noOriginsMeansNoCorsAtAll() {
        MultiMap h = MultiMap.caseInsensitiveMultiMap();
        new EdgeHeaders(List.of()).apply(h, false, false, "https://portal.example.vn", true);
        assertThat(h.names()).noneMatch(n -> n.toLowerCase().startsWith("access-control-") || n.equalsIgnoreCase("vary"));
        assertThat(h.get("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
