package dvc766.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real HTTP servers on free ports acting as ingestion, indicator, publication and complaint, and the
 * gateway's configuration pointing at them. Each answers with an echo of what it received (method, URI,
 * headers, body length and digest) and counts requests by their {@code X-Test-Marker} header, so a test can
 * prove a refused request never reached a service. Special paths:
 * <ul>
 *   <li>{@code /public/v1/test/sse?id=X}: one event, then nothing until {@code /_control/release?id=X};</li>
 *   <li>{@code /public/v1/test/slow}: answers after 5 s (its route has a 1 s response timeout);</li>
 *   <li>{@code /public/v1/test/bytes?n=N}: N deterministic bytes, chunked;</li>
 *   <li>{@code /public/v1/test/status/N}: status N with hop-by-hop headers that must not pass the gateway;</li>
 *   <li>{@code /_control/seen?marker=M}: how many requests carried that marker (direct calls only).</li>
 * </ul>
 * A fifth backend, {@code dead}, is a port where nothing listens.
 */
public class FakeBackends implements QuarkusTestResourceLifecycleManager {

    public static final List<String> SERVICES = List.of("ingestion", "indicator", "publication", "complaint");

    private Vertx vertx;
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final Map<String, Runnable> pendingStreams = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            HttpServer server = vertx.createHttpServer().requestHandler(req -> handle(service, req));
            try {
                server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("fake " + service + " did not start", e);
            }
            config.put("dvc.gateway.backends." + service + ".url", "http://127.0.0.1:" + server.actualPort());
        }
        config.put("dvc.gateway.backends.dead.url", "http://127.0.0.1:" + freePort());
        config.put("dvc.gateway.routes.test-dead.paths", "/public/v1/test/dead");
        config.put("dvc.gateway.routes.test-dead.backend", "dead");
        config.put("dvc.gateway.routes.test-slow.paths", "/public/v1/test/slow");
        config.put("dvc.gateway.routes.test-slow.backend", "publication");
        config.put("dvc.gateway.routes.test-slow.response-timeout", "1s");
        // one client with a tiny quota, so the limiter can be seen at work without slowing the others
        config.put("dvc.gateway.rate-limit.clients.rate-test.capacity", "3");
        config.put("dvc.gateway.rate-limit.clients.rate-test.refill-per-second", "0.01");
        config.put("dvc.gateway.rate-limit.clients.rate-headers.capacity", "3");
        config.put("dvc.gateway.rate-limit.clients.rate-headers.refill-per-second", "0.01");
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private void handle(String service, HttpServerRequest req) {
        String path = req.path();
        if (path.equals("/_control/seen")) {
            AtomicInteger n = seen.get(req.getParam("marker"));
            req.response().end(Integer.toString(n == null ? 0 : n.get()));
            return;
        }
        if (path.equals("/_control/release")) {
            Runnable release = pendingStreams.remove(req.getParam("id"));
            if (release != null) {
                release.run();
            }
            req.response().setStatusCode(release == null ? 404 : 204).end();
            return;
        }
        String marker = req.getHeader("X-Test-Marker");
        if (marker != null) {
            seen.computeIfAbsent(marker, m -> new AtomicInteger()).incrementAndGet();
        }
        req.response().putHeader("X-Backend", service);
        if (path.equals("/public/v1/test/sse")) {
            var resp = req.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
            resp.write("event: score\ndata: first\n\n");
            pendingStreams.put(req.getParam("id"), () -> resp.write("event: score\ndata: second\n\n").compose(v -> resp.end()));
            return;
        }
        if (path.equals("/public/v1/test/slow")) {
            vertx.setTimer(5000, id -> {
                if (!req.response().closed()) {
                    req.response().end("late");
                }
            });
            return;
        }
        if (path.equals("/public/v1/test/bytes")) {
            int n = Integer.parseInt(req.getParam("n"));
            var resp = req.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
            for (int off = 0; off < n; off += 65536) {
                resp.write(Buffer.buffer(pattern(off, Math.min(65536, n - off))));
            }
            resp.end();
            return;
        }
        if (path.startsWith("/public/v1/test/status/")) {
            req.response().setStatusCode(Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)))
                    .putHeader("Connection", "keep-alive, X-Hop-Secret")
                    .putHeader("X-Hop-Secret", "must-not-pass")
                    .putHeader("Proxy-Authenticate", "Basic realm=x")
                    // the gateway must keep a public answer's caching, and drop the service's own CORS
                    .putHeader("Cache-Control", "public, max-age=60")
                    .putHeader("ETag", "\"v1\"")
                    .putHeader("Access-Control-Allow-Origin", "*")
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("service", service).encode());
            return;
        }
        req.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            req.headers().names().forEach(name -> headers.put(name.toLowerCase(), new JsonArray(req.headers().getAll(name))));
            JsonObject echo = new JsonObject()
                    .put("service", service)
                    .put("method", req.method().name())
                    .put("uri", req.uri())
                    .put("headers", headers)
                    .put("bodyLength", body.length())
                    .put("bodySha256", sha256(body.getBytes()));
            req.response().putHeader("Content-Type", "application/json").end(echo.encode());
        });
    }

    /** The bytes {@code /public/v1/test/bytes} sends from offset {@code off}. */
    public static byte[] pattern(int off, int len) {
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) {
            b[i] = (byte) ((off + i) * 31 % 251);
        }
        return b;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
