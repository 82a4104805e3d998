package dvc766.complaint.api;

import dvc766.complaint.config.ComplaintConfig;
import dvc766.kit.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards the anonymous writes (POST /public/v1/complaints and …/rating) before their body is read: a body over
 * {@code dvc.complaint.public-body-max-bytes} (or of unknown length) is refused, and each client IP has a token
 * bucket ({@code dvc.complaint.rate-limit.*}): over it, 429 with Retry-After. The gateway limits too; this holds
 * when the service is reached directly.
 */
@ApplicationScoped
public class PublicWriteGuard {

    private final ComplaintConfig config;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public PublicWriteGuard(ComplaintConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public Response guard(ContainerRequestContext ctx, HttpServerRequest req) {
        String path = ctx.getUriInfo().getPath();
        if (!"POST".equals(ctx.getMethod()) || !path.startsWith("/public/")) return null;
        String length = ctx.getHeaderString("Content-Length");
        if (length == null) {
            return problem(411, "length-required", "Length required", "an anonymous POST must declare Content-Length");
        }
        long declared;
        try {
            declared = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return problem(400, "bad-request", "Bad request", "Content-Length is not a number");
        }
        if (declared > config.publicBodyMaxBytes()) {
            return problem(413, "payload-too-large", "Payload too large",
                    "the body exceeds " + config.publicBodyMaxBytes() + " bytes");
        }
        String ip = ClientAddress.of(req, config.rateLimit().trustedProxies());
        long waitSeconds = take(ip, System.nanoTime());
        if (waitSeconds > 0) {
            Problem p = Problem.of(429, "rate-limited", "Too many requests",
                    "too many PAKN writes from this address; try again in " + waitSeconds + " s");
            return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", waitSeconds).entity(p).build();
        }
        return null;
    }

    /** Takes a token; returns 0 when granted, else the seconds until one is available. */
    long take(String ip, long nowNanos) {
        if (buckets.size() > 100_000) sweep(nowNanos);
        Bucket b = buckets.computeIfAbsent(ip, k -> new Bucket(config.rateLimit().capacity(), nowNanos));
        return b.take(config.rateLimit().capacity(), config.rateLimit().refillPerHour(), nowNanos);
    }

    private void sweep(long nowNanos) {
        int cap = config.rateLimit().capacity();
        buckets.entrySet().removeIf(e -> e.getValue().full(cap, config.rateLimit().refillPerHour(), nowNanos));
    }

    private static Response problem(int status, String kind, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, kind, title, detail)).build();
    }

    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.at = now;
        }

        synchronized long take(int capacity, int perHour, long now) {
            refill(capacity, perHour, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * 3600.0 / Math.max(1, perHour));
        }

        synchronized boolean full(int capacity, int perHour, long now) {
            refill(capacity, perHour, now);
            return tokens >= capacity;
        }

        private void refill(int capacity, int perHour, long now) {
            tokens = Math.min(capacity, tokens + (now - at) / 3.6e12 * perHour);
            at = now;
        }
    }
}
