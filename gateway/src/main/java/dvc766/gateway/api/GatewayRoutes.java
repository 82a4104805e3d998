package dvc766.gateway.api;

import dvc766.gateway.config.GatewayConfig;
import dvc766.gateway.domain.AccessPolicy;
import dvc766.gateway.domain.AccessPolicy.Access;
import dvc766.gateway.domain.AccessPolicy.Caller;
import dvc766.gateway.domain.AccessPolicy.Decision;
import dvc766.gateway.domain.PathRules;
import dvc766.gateway.domain.RateLimiter;
import dvc766.gateway.domain.RouteTable;
import dvc766.gateway.domain.RouteTable.Target;
import dvc766.gateway.domain.TokenBucket;
import dvc766.gateway.proxy.Forwarder;
import dvc766.gateway.proxy.RequestBodies;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonString;
import java.net.URI;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The gateway's one Vert.x route: for every request outside the gateway's own {@code /q/} endpoints it checks,
 * in this order, the path (400), the caller's address rate (429), the routing table (404), the declared body
 * size (413), the token and the access policy (401/403), the client's rate (429), then streams the request to
 * the backend. Every refusal is {@code application/problem+json}; every request leaves one access log line.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger ACCESS = Logger.getLogger("dvc766.gateway.access");
    private static final String CLIENT_KEY = "dvc.gateway.client";
    private static final String ROUTE_KEY = "dvc.gateway.route";
    private static final String REQUEST_ID_KEY = "dvc.gateway.request-id";
    private static final String API_KEY = "dvc.gateway.api";
    private static final String PREFLIGHT_KEY = "dvc.gateway.preflight";
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final String BEARER_CHALLENGE = "Bearer realm=\"dvc\"";

    private final GatewayConfig config;
    private final Forwarder forwarder;
    private final MeterRegistry meters;
    private final Vertx vertx;
    private final String ownPrefix;
    private final RouteTable routes;
    private final Map<String, URI> backends;
    private final Map<String, Duration> timeouts = new HashMap<>();
    private final long maxBodyBytes;
    private final RateLimiter perIp;
    private final RateLimiter perClient;
    private final EdgeHeaders edge;

    public GatewayRoutes(GatewayConfig config, Forwarder forwarder, MeterRegistry meters, Vertx vertx,
            @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "/q") String ownRoot) {
        this.config = config;
        this.forwarder = forwarder;
        this.meters = meters;
        this.vertx = vertx;
        this.ownPrefix = (ownRoot.startsWith("/") ? ownRoot : "/" + ownRoot).replaceAll("/+$", "") + "/";
        this.backends = new HashMap<>();
        config.backends().forEach((name, b) -> backends.put(name, b.url()));
        Map<String, Map.Entry<List<String>, String>> table = new HashMap<>();
        config.routes().forEach((name, r) -> {
            if (!backends.containsKey(r.backend())) {
                throw new IllegalStateException("route " + name + " names backend '" + r.backend()
                        + "', which dvc.gateway.backends does not define (known: " + backends.keySet() + ")");
            }
            table.put(name, new AbstractMap.SimpleEntry<>(r.paths(), r.backend()));
            timeouts.put(name, r.responseTimeout().orElse(config.proxy().responseTimeout()));
        });
        this.routes = RouteTable.of(table);
        this.maxBodyBytes = config.maxBodySize().asLongValue();
        GatewayConfig.RateLimit rl = config.rateLimit();
        this.perIp = new RateLimiter(ip -> limit(rl.perIp()));
        this.perClient = new RateLimiter(client -> limit(rl.clients().getOrDefault(client, rl.perClient())));
        this.edge = new EdgeHeaders(config.cors().origins().orElse(List.of()).stream()
                .map(String::strip).filter(o -> !o.isEmpty()).toList());
    }

    private static RateLimiter.Limit limit(GatewayConfig.Limit l) {
        return new RateLimiter.Limit(l.capacity(), l.refillPerSecond());
    }

    void install(@Observes Router router) {
        // first of all routes, so Quarkus's own endpoints (/q/health …) get the headers too
        router.route().order(Integer.MIN_VALUE).handler(this::edgeHeaders);
        router.route().handler(this::handle);
        // forget buckets that refilled, so the maps hold only recently active callers
        vertx.setPeriodic(60_000, id -> {
            long now = System.nanoTime();
            perIp.sweep(now);
            perClient.sweep(now);
        });
    }

    /** On every answer; applied as the head is written, so neither a backend nor a handler can drop them. */
    void edgeHeaders(RoutingContext rc) {
        HttpServerRequest req = rc.request();
        rc.addHeadersEndHandler(v -> edge.apply(rc.response().headers(),
                EdgeHeaders.https(config.trustForwardedHeaders(), req.getHeader("X-Forwarded-Proto"), req.scheme()),
                Boolean.TRUE.equals(rc.get(API_KEY)), req.getHeader("Origin"), Boolean.TRUE.equals(rc.get(PREFLIGHT_KEY))));
        rc.next();
    }

    void handle(RoutingContext rc) {
        HttpServerRequest req = rc.request();
        String rawPath = req.path();
        if (rawPath != null && (rawPath.startsWith(ownPrefix) || rawPath.equals(ownPrefix.substring(0, ownPrefix.length() - 1)))) {
            rc.next();
            return;
        }
        // nothing of the body is read before the caller is known to be allowed
        req.pause();
        long started = System.nanoTime();
        // dot segments resolved; the path is forwarded in this form, and judged in its decoded form
        String forwardPath = rc.normalizedPath();
        PathRules.Canonical canonical = PathRules.canonical(forwardPath);
        String path = canonical.path() != null ? canonical.path() : forwardPath;
        String requestId = requestId(req.getHeader("X-Request-Id"));
        rc.put(REQUEST_ID_KEY, requestId);
        rc.response().putHeader("X-Request-Id", requestId);
        rc.addEndHandler(ar -> finished(rc, path, started, ar.succeeded()));
        rc.put(API_KEY, AccessPolicy.required(path) != Access.ANONYMOUS);
        if (canonical.refusal() != null) {
            reject(rc, 400, "bad-path", "Bad request", canonical.refusal());
            return;
        }
        if (config.rateLimit().enabled() && !withinRate(rc, perIp, "per-ip", "ip:" + remote(req))) {
            return;
        }
        Optional<Target> target = routes.lookup(path);
        if (target.isEmpty()) {
            reject(rc, 404, "not-found", "Not found", "no service answers " + path);
            return;
        }
        rc.put(ROUTE_KEY, target.get().route());
        if (isPreflight(req)) {
            preflight(rc);
            return;
        }
        long declared = declaredLength(req);
        if (declared > maxBodyBytes) {
            reject(rc, 413, "payload-too-large", "Payload too large",
                    "the request body exceeds " + maxBodyBytes + " bytes");
            return;
        }
        Access access = AccessPolicy.required(path);
        if (access == Access.ANONYMOUS) {
            forward(rc, target.get(), forwardPath);
            return;
        }
        Context context = Vertx.currentContext();
        // the gateway answers authentication failures itself (problem+json); Quarkus's default handler would
        // end the response with an empty 401 first
        rc.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (ctx, failure) -> { });
        QuarkusHttpUser.getSecurityIdentity(rc, null).subscribe().with(
                identity -> context.runOnContext(v -> authorised(rc, target.get(), forwardPath, access, identity)),
                failure -> context.runOnContext(v -> unauthorised(rc, true)));
    }

    private void authorised(RoutingContext rc, Target target, String forwardPath, Access access,
            SecurityIdentity identity) {
        Caller caller = caller(identity);
        String clientId = clientId(identity);
        if (clientId != null) {
            rc.put(CLIENT_KEY, clientId);
        }
        Decision decision = AccessPolicy.decide(access, caller);
        switch (decision.outcome()) {
            case UNAUTHENTICATED -> unauthorised(rc, false);
            case FORBIDDEN -> reject(rc, 403, "forbidden", "Forbidden", decision.reason());
            case ALLOW -> {
                String key = clientId != null ? clientId : "sub:" + identity.getPrincipal().getName();
                if (!config.rateLimit().enabled() || withinRate(rc, perClient, "per-client", key)) {
                    forward(rc, target, forwardPath);
                }
            }
        }
    }

    private void forward(RoutingContext rc, Target target, String forwardPath) {
        if (rc.response().closed()) {
            return; // the caller left while its token was checked
        }
        String query = rc.request().query();
        String pathAndQuery = query == null ? forwardPath : forwardPath + "?" + query;
        forwarder.forward(rc.request(), backends.get(target.backend()), pathAndQuery, timeouts.get(target.route()),
                rc.get(REQUEST_ID_KEY));
    }

    /** 401 with a Bearer challenge; {@code invalidToken} when a token came and was refused (RFC 6750 §3.1). */
    private void unauthorised(RoutingContext rc, boolean invalidToken) {
        rc.response().putHeader("WWW-Authenticate",
                invalidToken ? BEARER_CHALLENGE + ", error=\"invalid_token\"" : BEARER_CHALLENGE);
        reject(rc, 401, "unauthorized", "Unauthorized", invalidToken
                ? "the bearer token is not valid (signature, issuer, audience or expiry)"
                : "a valid bearer token is required");
    }

    /** A CORS preflight, when CORS is on: answered here, never forwarded, no token needed. */
    private boolean isPreflight(HttpServerRequest req) {
        return edge.corsEnabled() && req.method() == HttpMethod.OPTIONS && req.getHeader("Origin") != null
                && req.getHeader("Access-Control-Request-Method") != null;
    }

    private void preflight(RoutingContext rc) {
        if (!edge.allowed(rc.request().getHeader("Origin"))) {
            reject(rc, 403, "forbidden", "Forbidden", "this origin may not call the API from a browser");
            return;
        }
        rc.put(PREFLIGHT_KEY, true);
        rc.response().setStatusCode(204);
        RequestBodies.discardRest(rc.request(), Forwarder.drainLimit(maxBodyBytes), rc.response().end());
    }

    /**
     * Takes a token and states the policy and what is left in the IETF draft's structured form
     * ({@code RateLimit-Policy: "per-client";q=2000;w=4}, {@code RateLimit: "per-client";r=1999;t=0}); a request
     * checked by both limiters carries both items.
     */
    private boolean withinRate(RoutingContext rc, RateLimiter limiter, String policy, String key) {
        TokenBucket.Take take = limiter.acquire(key, System.nanoTime());
        RateLimiter.Limit limit = limiter.limitOf(key);
        long window = Math.max(1, (long) Math.ceil(limit.capacity() / limit.refillPerSecond()));
        long seconds = take.waitNanos() == 0 ? 0
                : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(take.waitNanos() + 999_999_999L));
        HttpServerResponse resp = rc.response();
        appendItem(resp, "RateLimit-Policy", "\"" + policy + "\";q=" + limit.capacity() + ";w=" + window);
        appendItem(resp, "RateLimit", "\"" + policy + "\";r=" + take.remaining() + ";t=" + seconds);
        if (take.allowed()) {
            return true;
        }
        rc.response().putHeader("Retry-After", Long.toString(seconds));
        reject(rc, 429, "too-many-requests", "Too many requests", "retry after " + seconds + " s");
        return false;
    }

    private static void appendItem(HttpServerResponse resp, String header, String item) {
        String previous = resp.headers().get(header);
        resp.headers().set(header, previous == null ? item : previous + ", " + item);
    }

    private void reject(RoutingContext rc, int status, String kind, String title, String detail) {
        Future<Void> written = Problems.send(rc.response(), status, kind, title, detail, null);
        RequestBodies.discardRest(rc.request(), Forwarder.drainLimit(maxBodyBytes), written);
    }

    private static Caller caller(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Caller.ANONYMOUS;
        }
        return new Caller(true, stringClaim(identity, "unit_code"), identity.getRoles());
    }

    private static String clientId(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        String azp = stringClaim(identity, "azp");
        return azp != null ? azp : stringClaim(identity, "client_id");
    }

    /** A string claim of the verified token; any other type counts as absent (fail closed). */
    private static String stringClaim(SecurityIdentity identity, String name) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        Object value = jwt.getClaim(name);
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        return null;
    }

    private static long declaredLength(HttpServerRequest req) {
        String length = req.getHeader("content-length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The caller's correlation id if it is a plain token, otherwise a new one; services and logs share it. */
    static String requestId(String offered) {
        return offered != null && REQUEST_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    private static String remote(HttpServerRequest req) {
        return req.remoteAddress() == null ? "unknown" : req.remoteAddress().hostAddress();
    }

    /** One line per request, without personal data: no address, no token, no query, no body. */
    private void finished(RoutingContext rc, String path, long started, boolean completed) {
        long nanos = System.nanoTime() - started;
        int status = rc.response().getStatusCode();
        String route = rc.get(ROUTE_KEY);
        String client = rc.get(CLIENT_KEY);
        Timer.builder("dvc.gateway.requests")
                .description("Requests through the gateway, by route and status")
                .tag("route", route == null ? "none" : route)
                .tag("status", Integer.toString(status))
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS);
        if (config.accessLog()) {
            ACCESS.infof("%s %s %d %dms route=%s client=%s rid=%s%s", rc.request().method().name(),
                    PathRules.forLog(path), status, TimeUnit.NANOSECONDS.toMillis(nanos), route == null ? "-" : route,
                    client == null ? "-" : client, rc.get(REQUEST_ID_KEY), completed ? "" : " aborted");
        }
    }
}
