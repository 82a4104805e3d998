package dvc766.gateway.proxy;

import dvc766.gateway.api.Problems;
import dvc766.gateway.config.GatewayConfig;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Streams one request to a backend and its response back, chunk by chunk with back-pressure in both
 * directions: nothing is buffered whole, so server-sent events and large batches pass as they come.
 * Answers 502 when the backend cannot be reached, 503 when its connection pool is saturated, 504 when it
 * sends no response headers in time, 413 when a body without a declared length grows past the limit.
 */
@ApplicationScoped
public class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class);

    private final Vertx vertx;
    private final HttpClient client;
    private final long maxBodyBytes;
    private final boolean trustForwarded;
    private final long idleTimeoutMs;
    private final long drainLimit;

    public Forwarder(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        GatewayConfig.Proxy proxy = config.proxy();
        this.maxBodyBytes = config.maxBodySize().asLongValue();
        this.trustForwarded = config.trustForwardedHeaders();
        this.idleTimeoutMs = proxy.idleTimeout().toMillis();
        this.drainLimit = drainLimit(maxBodyBytes);
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) proxy.connectTimeout().toMillis())
                .setKeepAlive(true)
                // bytes pass through as the backend encoded them; the client negotiated with Accept-Encoding
                .setDecompressionSupported(false)
                .setTryUseCompression(false)
                .setName("dvc-gateway-proxy");
        PoolOptions pool = new PoolOptions()
                .setHttp1MaxSize(proxy.maxConnectionsPerBackend())
                .setMaxWaitQueueSize(proxy.maxWaitQueue());
        this.client = vertx.createHttpClient(options, pool);
    }

    /** How much of an unwanted request body the gateway reads and drops rather than closing the connection. */
    public static long drainLimit(long maxBodyBytes) {
        return Math.max(maxBodyBytes, 1 << 20) * 2;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * Forwards the (paused) request to {@code backend}, at {@code pathAndQuery} below the backend's base path.
     * The Authorization header goes through unchanged: every service verifies the token again.
     */
    public void forward(HttpServerRequest req, URI backend, String pathAndQuery, Duration responseTimeout,
            String requestId) {
        new Exchange(req, backend, pathAndQuery, responseTimeout, requestId).start();
    }

    /** The state of one proxied request; all callbacks run on the request's event loop or are idempotent. */
    private final class Exchange {
        private final HttpServerRequest req;
        private final HttpServerResponse resp;
        private final URI backend;
        private final String pathAndQuery;
        private final Duration responseTimeout;
        private final String requestId;
        private HttpClientRequest upstream;
        private long timer = -1;
        private long bodyBytes;
        /** Set once the client got (or began to get) an answer, or went away: later events only clean up. */
        private boolean answered;

        Exchange(HttpServerRequest req, URI backend, String pathAndQuery, Duration responseTimeout, String requestId) {
            this.requestId = requestId;
            this.req = req;
            this.resp = req.response();
            this.backend = backend;
            this.pathAndQuery = pathAndQuery;
            this.responseTimeout = responseTimeout;
        }

        void start() {
            resp.closeHandler(v -> clientGone());
            req.exceptionHandler(t -> clientGone());
            timer = vertx.setTimer(Math.max(1, responseTimeout.toMillis()), id -> {
                timer = -1;
                fail(504, "gateway-timeout", "Gateway timeout",
                        "the service did not answer within " + responseTimeout.toMillis() + " ms");
            });
            boolean https = "https".equalsIgnoreCase(backend.getScheme());
            int port = backend.getPort() > 0 ? backend.getPort() : https ? 443 : 80;
            String base = backend.getRawPath() == null ? "" : backend.getRawPath().replaceAll("/+$", "");
            RequestOptions options = new RequestOptions()
                    .setMethod(req.method())
                    .setHost(backend.getHost())
                    .setPort(port)
                    .setSsl(https)
                    .setURI(base + pathAndQuery)
                    .setIdleTimeout(idleTimeoutMs);
            client.request(options).onComplete(ar -> {
                if (ar.failed()) {
                    Throwable cause = ar.cause();
                    if (cause instanceof ConnectionPoolTooBusyException) {
                        fail(503, "service-busy", "Service unavailable", "too many requests wait for this service");
                    } else {
                        LOG.debugf("backend %s unreachable: %s", backend, cause);
                        fail(502, "bad-gateway", "Bad gateway", cause instanceof ConnectTimeoutException
                                ? "the service could not be reached in time" : "the service could not be reached");
                    }
                    return;
                }
                upstream = ar.result();
                if (answered) {
                    upstream.reset();
                    return;
                }
                sendRequest();
            });
        }

        private void sendRequest() {
            MultiMap out = upstream.headers();
            Set<String> dropped = new HashSet<>(Set.of("host", "expect", "content-length", "x-request-id"));
            if (!trustForwarded) {
                dropped.addAll(Headers.FORWARDING);
            }
            Headers.copyEndToEnd(req.headers(), out, dropped);
            String length = req.getHeader("content-length");
            if (length != null) {
                out.set("Content-Length", length);
            }
            String remote = req.remoteAddress() == null ? null : req.remoteAddress().hostAddress();
            if (remote != null) {
                String previous = trustForwarded ? req.getHeader("x-forwarded-for") : null;
                out.set("X-Forwarded-For", previous == null || previous.isBlank() ? remote : previous + ", " + remote);
            }
            if (!trustForwarded || req.getHeader("x-forwarded-proto") == null) {
                out.set("X-Forwarded-Proto", req.scheme() == null ? "http" : req.scheme());
            }
            out.set("X-Request-Id", requestId);
            HostAndPort authority = req.authority();
            if (authority != null && (!trustForwarded || req.getHeader("x-forwarded-host") == null)) {
                out.set("X-Forwarded-Host", authority.toString());
            }

            upstream.exceptionHandler(t -> LOG.debugf("request to %s failed: %s", backend, t));
            upstream.response().onComplete(ar -> {
                if (ar.failed()) {
                    if (!answered) {
                        LOG.debugf("backend %s failed before answering: %s", backend, ar.cause());
                    }
                    fail(502, "bad-gateway", "Bad gateway", "the service closed the connection without an answer");
                    return;
                }
                relayResponse(ar.result());
            });

            if ("100-continue".equalsIgnoreCase(req.getHeader("expect"))) {
                resp.writeContinue();
            }
            req.handler(this::requestChunk);
            req.endHandler(v -> upstream.end());
            req.resume();
        }

        private void requestChunk(Buffer chunk) {
            bodyBytes += chunk.length();
            if (bodyBytes > maxBodyBytes) {
                tooLarge();
                return;
            }
            if (!upstream.isChunked() && upstream.headers().get("content-length") == null) {
                upstream.setChunked(true);
            }
            upstream.write(chunk);
            if (upstream.writeQueueFull()) {
                req.pause();
                upstream.drainHandler(v -> req.resume());
            }
        }

        /** A body without (or beyond) its declared length outgrew the limit: stop it here, close the connection. */
        private void tooLarge() {
            req.handler(null);
            req.endHandler(null);
            if (answered) {
                // the backend already answers: cut both sides, the exchange cannot complete
                upstream.reset();
                resp.reset();
                return;
            }
            answered = true;
            cancelTimer();
            upstream.reset();
            Problems.send(resp, 413, "payload-too-large", "Payload too large",
                    "the request body exceeds " + maxBodyBytes + " bytes", null)
                    .onComplete(v -> {
                        if (req.version() != HttpVersion.HTTP_2) {
                            req.connection().close();
                        }
                    });
            if (req.version() == HttpVersion.HTTP_2) {
                // one stream of a shared connection: drop the rest, flow control bounds it
                req.handler(b -> { });
            }
        }

        private void relayResponse(HttpClientResponse upstreamResp) {
            if (answered) {
                upstream.reset();
                return;
            }
            answered = true;
            cancelTimer();
            resp.setStatusCode(upstreamResp.statusCode());
            if (upstreamResp.statusMessage() != null) {
                resp.setStatusMessage(upstreamResp.statusMessage());
            }
            Headers.copyEndToEnd(upstreamResp.headers(), resp.headers(), Set.of("x-request-id"));
            int status = upstreamResp.statusCode();
            boolean bodiless = req.method() == HttpMethod.HEAD || status == 204 || status == 304 || status < 200;
            if (!bodiless && upstreamResp.getHeader("content-length") == null && req.version() != HttpVersion.HTTP_2) {
                resp.setChunked(true);
            }
            upstreamResp.handler(chunk -> {
                resp.write(chunk);
                if (resp.writeQueueFull()) {
                    upstreamResp.pause();
                    resp.drainHandler(v -> upstreamResp.resume());
                }
            });
            upstreamResp.exceptionHandler(t -> {
                // the backend broke off mid-response: the client must see a broken response, not a short one
                LOG.debugf("backend %s broke off: %s", backend, t);
                resp.reset();
            });
            upstreamResp.endHandler(v -> {
                if (!resp.ended() && !resp.closed()) {
                    resp.end();
                }
            });
        }

        /** Answers with a problem unless an answer is already on its way; the request body is then thrown away. */
        private void fail(int status, String kind, String title, String detail) {
            if (answered) {
                return;
            }
            answered = true;
            cancelTimer();
            if (upstream != null) {
                upstream.reset();
            }
            RequestBodies.discardRest(req, drainLimit, Problems.send(resp, status, kind, title, detail, null));
        }

        private void clientGone() {
            answered = true;
            cancelTimer();
            if (upstream != null) {
                upstream.reset();
            }
        }

        private void cancelTimer() {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
        }
    }
}
