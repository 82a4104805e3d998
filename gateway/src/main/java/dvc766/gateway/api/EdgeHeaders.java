package dvc766.gateway.api;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Headers the gateway puts on every answer, proxied or its own: browser hardening, HSTS over HTTPS only,
 * {@code no-store} on the token-protected API, and CORS for the configured portal origins alone.
 */
public final class EdgeHeaders {

    public static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    public static final String HSTS = "max-age=31536000; includeSubDomains";
    public static final String ALLOW_METHODS = "GET, POST, PUT";
    public static final String ALLOW_HEADERS = "Authorization, Content-Type, Idempotency-Key";
    public static final String MAX_AGE = "600";
    /** Response headers a portal script may read besides the CORS-safelisted ones. */
    public static final String EXPOSE_HEADERS = "X-Request-Id, Retry-After, RateLimit, RateLimit-Policy, Location, ETag";

    private final Set<String> origins;

    public EdgeHeaders(List<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    public boolean corsEnabled() {
        return !origins.isEmpty();
    }

    /** Exact match only: scheme, host and port as configured, no wildcards. */
    public boolean allowed(String origin) {
        return origin != null && origins.contains(origin);
    }

    /**
     * Whether the caller reached the edge over HTTPS: the first {@code X-Forwarded-Proto} when forwarded headers
     * are trusted and present, otherwise the connection's own scheme. An untrusted caller cannot claim HTTPS.
     */
    public static boolean https(boolean trustForwarded, String forwardedProto, String scheme) {
        if (trustForwarded && forwardedProto != null && !forwardedProto.isBlank()) {
            return "https".equalsIgnoreCase(forwardedProto.split(",")[0].strip());
        }
        return "https".equalsIgnoreCase(scheme);
    }

    /**
     * Sets the headers just before the response head is written. The hardening headers override a backend's;
     * {@code Cache-Control} is forced only on the API, so public pages keep their own caching and ETags.
     */
    public void apply(MultiMap h, boolean https, boolean api, String origin, boolean preflight) {
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        h.set("Content-Security-Policy", CSP);
        if (https) {
            h.set("Strict-Transport-Security", HSTS);
        } else {
            h.remove("Strict-Transport-Security");
        }
        if (api) {
            h.set("Cache-Control", "no-store");
        }
        // CORS is the gateway's decision alone: whatever a backend said about it is dropped
        List<String> names = h.names().stream()
                .filter(n -> n.toLowerCase(Locale.ROOT).startsWith("access-control-")).toList();
        names.forEach(h::remove);
        if (!corsEnabled()) {
            return;
        }
        addVary(h, "Origin");
        if (!allowed(origin)) {
            return;
        }
        h.set("Access-Control-Allow-Origin", origin);
        if (preflight) {
            h.set("Access-Control-Allow-Methods", ALLOW_METHODS);
            h.set("Access-Control-Allow-Headers", ALLOW_HEADERS);
            h.set("Access-Control-Max-Age", MAX_AGE);
        } else {
            h.set("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        }
    }

    private static void addVary(MultiMap h, String name) {
        for (String value : h.getAll("Vary")) {
            for (String token : value.split(",")) {
                String t = token.strip();
                if (t.equals("*") || t.equalsIgnoreCase(name)) {
                    return;
                }
            }
        }
        h.add("Vary", name);
    }
}
