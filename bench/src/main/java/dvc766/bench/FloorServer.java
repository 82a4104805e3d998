package dvc766.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;

/**
 * The HTTP floor of this machine: a bare Vert.x HTTP server (the HTTP layer Quarkus itself runs on) with no
 * security, no JSON parsing and no database. It reads every request body to the end and answers
 * <ul>
 *   <li>{@code GET /floor/bytes?n=N}: 200 with an {@code application/json} body of N bytes (the size of the real answer);</li>
 *   <li>any other request: 200 {@code {"received":<body bytes>}}.</li>
 * </ul>
 * Run as its own process ({@code java -cp … dvc766.bench.FloorServer <port>}), like a service.
 */
public final class FloorServer implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer server;

    private FloorServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** Starts on the port (0: any free port) with one event loop per core, like a Quarkus service. */
    public static FloorServer start(int port) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Runtime.getRuntime().availableProcessors()));
        HttpServer server = vertx.createHttpServer().requestHandler(req -> req.body().onComplete(body -> {
            if (body.failed()) {
                req.response().setStatusCode(400).end();
                return;
            }
            if (req.path().equals("/floor/bytes")) {
                int n = parseSize(req.getParam("n"));
                req.response().putHeader("Content-Type", "application/json").end(filler(n));
            } else {
                req.response().putHeader("Content-Type", "application/json")
                        .end("{\"received\":" + body.result().length() + "}");
            }
        }));
        server = server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        return new FloorServer(vertx, server);
    }

    public int port() {
        return server.actualPort();
    }

    static int parseSize(String n) {
        try {
            return Math.max(2, Math.min(8 << 20, Integer.parseInt(n == null ? "2" : n)));
        } catch (NumberFormatException e) {
            return 2;
        }
    }

    /** A JSON string literal of exactly n bytes (n ≥ 2). */
    static Buffer filler(int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) 'x');
        b[0] = '"';
        b[n - 1] = '"';
        return Buffer.buffer(b);
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "28090");
        FloorServer s = start(port);
        System.out.println("floor server (bare Vert.x) listening on 127.0.0.1:" + s.port());
        Thread.currentThread().join();
    }
}
