package dvc766.publication.watch;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real webhook receiver on a local port: records every request (headers, body, time, the status it answered) and
 * answers 500 to the first {@code failFirst} attempts of each alert id it is told to fail.
 */
final class Receiver implements AutoCloseable {

    record Hit(Instant at, String path, String alertId, String signature, String attempt, String body, int answered) {}

    private final HttpServer server;
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private volatile int failFirstOfEach;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String alertId = exchange.getRequestHeaders().getFirst("X-Watch-Alert-Id");
            AtomicInteger left = failuresLeft.computeIfAbsent(exchange.getRequestURI().getPath() + "|" + alertId,
                    k -> new AtomicInteger(failFirstOfEach));
            int status = left.getAndDecrement() > 0 ? 500 : 204;
            hits.add(new Hit(Instant.now(), exchange.getRequestURI().getPath(), alertId,
                    exchange.getRequestHeaders().getFirst("X-Watch-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Watch-Attempt"), new String(body, StandardCharsets.UTF_8), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** From now on, the first {@code n} attempts of every new alert id fail with 500. */
    void failFirstAttempts(int n) {
        failFirstOfEach = n;
    }

    String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    List<Hit> hits(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
