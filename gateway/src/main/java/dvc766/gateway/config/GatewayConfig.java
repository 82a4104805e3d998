package dvc766.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gateway's routing table, proxy timeouts and limits ({@code dvc.gateway.*}). */
@ConfigMapping(prefix = "dvc.gateway")
public interface GatewayConfig {

    /** Backend services by name, e.g. {@code dvc.gateway.backends.ingestion.url=http://localhost:8081}. */
    Map<String, Backend> backends();

    /**
     * Named routes: path patterns and the backend that serves them. The most specific pattern wins.
     * A pattern {@code =/x} matches only {@code /x}; {@code /x/} matches everything below {@code /x/};
     * {@code /x} matches {@code /x} and whatever continues it with {@code /} or {@code :}.
     */
    Map<String, Route> routes();

    Proxy proxy();

    /** Largest request body forwarded; larger ones are answered 413. */
    @WithDefault("4M")
    MemorySize maxBodySize();

    /**
     * Keep the client's {@code X-Forwarded-*} and append to them (only behind a trusted load balancer);
     * by default the gateway is the edge and replaces them.
     */
    @WithDefault("false")
    boolean trustForwardedHeaders();

    RateLimit rateLimit();

    Cors cors();

    /** Browser origins allowed to call the gateway cross-origin (the portal); none = no CORS headers at all. */
    interface Cors {
        Optional<List<String>> origins();
    }

    @WithDefault("true")
    boolean accessLog();

    interface Backend {
        URI url();
    }

    interface Route {
        List<String> paths();

        String backend();

        /** Overrides {@code dvc.gateway.proxy.response-timeout} for this route. */
        Optional<Duration> responseTimeout();
    }

    interface Proxy {
        @WithDefault("2s")
        Duration connectTimeout();

        /** Time to the backend's response headers; then the body may stream for as long as it lasts. */
        @WithDefault("30s")
        Duration responseTimeout();

        /** A streamed response with no bytes for this long is cut (SSE streams send heartbeats well within). */
        @WithDefault("10m")
        Duration idleTimeout();

        @WithDefault("500")
        int maxConnectionsPerBackend();

        /** Requests waiting for a backend connection beyond this are answered 503. */
        @WithDefault("1000")
        int maxWaitQueue();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Per client address, before the token is even looked at. */
        Limit perIp();

        /** Per authenticated client ({@code azp}), the default for clients not listed in {@link #clients()}. */
        Limit perClient();

        /** Per-client overrides by client id. */
        Map<String, Limit> clients();
    }

    interface Limit {
        /** Burst size. */
        @WithDefault("200")
        int capacity();

        /** Sustained requests per second. */
        @WithDefault("50")
        double refillPerSecond();
    }
}
