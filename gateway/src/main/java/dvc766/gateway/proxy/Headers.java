package dvc766.gateway.proxy;

import io.vertx.core.MultiMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Header rules of a proxy (RFC 9110 §7.6.1): hop-by-hop headers stop at the gateway, in both directions. */
public final class Headers {

    static final Set<String> HOP_BY_HOP = Set.of(
            "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization",
            "te", "trailer", "transfer-encoding", "upgrade", "http2-settings");

    /** Set by the gateway itself; a client's values are dropped unless the hop before is trusted. */
    static final Set<String> FORWARDING = Set.of(
            "forwarded", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port",
            "x-forwarded-prefix", "x-real-ip");

    private Headers() {}

    /**
     * Copies the end-to-end headers of {@code from} into {@code to}: hop-by-hop ones, those the
     * {@code Connection} header names, and the {@code extraDropped} (lower case) are left out.
     */
    public static void copyEndToEnd(MultiMap from, MultiMap to, Set<String> extraDropped) {
        Set<String> dropped = new HashSet<>(HOP_BY_HOP);
        dropped.addAll(extraDropped);
        for (String value : from.getAll("connection")) {
            for (String token : value.split(",")) {
                String name = token.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    dropped.add(name);
                }
            }
        }
        for (var entry : from.entries()) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            // HTTP/2 pseudo-headers never travel as headers
            if (!name.startsWith(":") && !dropped.contains(name)) {
                to.add(entry.getKey(), entry.getValue());
            }
        }
    }
}
