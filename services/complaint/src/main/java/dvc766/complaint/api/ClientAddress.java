package dvc766.complaint.api;

import io.vertx.core.http.HttpServerRequest;
import java.util.List;

/**
 * The caller's IP for per-IP limits: the peer's address, or, when the peer is a trusted proxy (the gateway), the last
 * address of X-Forwarded-For, which that proxy appended itself (earlier entries come from the client and prove nothing).
 */
final class ClientAddress {

    private ClientAddress() {}

    static String of(HttpServerRequest req, List<String> trustedProxies) {
        String peer = req.remoteAddress() == null ? "unknown" : req.remoteAddress().hostAddress();
        if (!trusted(peer, trustedProxies)) return peer;
        String xff = req.getHeader("X-Forwarded-For");
        if (xff == null || xff.isBlank()) return peer;
        String[] hops = xff.split(",");
        String last = hops[hops.length - 1].strip();
        return last.isEmpty() || last.length() > 64 ? peer : last;
    }

    /** An entry ending in "." or ":" is an address prefix ("10." = 10.0.0.0/8); any other must equal the peer. */
    static boolean trusted(String peer, List<String> trustedProxies) {
        for (String t : trustedProxies) {
            String p = t.strip();
            if (p.isEmpty()) continue;
            if ((p.endsWith(".") || p.endsWith(":")) ? peer.startsWith(p) : peer.equals(p)) return true;
        }
        return false;
    }
}
