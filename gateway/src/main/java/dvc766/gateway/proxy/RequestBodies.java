package dvc766.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * What to do with the unread body of a request the gateway answered without forwarding (401, 413, 502…).
 * HTTP/1.1 cannot start the next request before this one's body is consumed, so the body is read and thrown
 * away, unless that is pointless or unsafe: a client that waits for {@code 100 Continue} may never send it,
 * and a body beyond {@code drainLimit} is not worth the bandwidth. Then the connection is closed once the
 * answer is out.
 */
public final class RequestBodies {

    private RequestBodies() {}

    /** @param answer the write of the gateway's own answer; the connection closes only after it completed */
    public static void discardRest(HttpServerRequest req, long drainLimit, Future<Void> answer) {
        if (req.isEnded()) {
            return;
        }
        boolean http1 = req.version() != HttpVersion.HTTP_2;
        String length = req.getHeader("content-length");
        long declared = parse(length);
        boolean expectsContinue = "100-continue".equalsIgnoreCase(req.getHeader("expect"));
        if (http1 && (expectsContinue || declared > drainLimit)) {
            req.handler(null);
            req.endHandler(null);
            answer.onComplete(v -> req.connection().close());
            return;
        }
        long[] seen = {0};
        req.handler(chunk -> {
            seen[0] += chunk.length();
            if (http1 && seen[0] > drainLimit) {
                req.handler(null);
                answer.onComplete(v -> req.connection().close());
            }
        });
        req.endHandler(null);
        req.resume();
    }

    private static long parse(String length) {
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
