package dvc766.ingestion.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvc766.ingestion.config.IngestionConfig;
import dvc766.ingestion.store.IdempotencyStore;
import dvc766.ingestion.store.IdempotencyStore.Claim;
import dvc766.ingestion.store.IdempotencyStore.InFlight;
import dvc766.ingestion.store.IdempotencyStore.Replay;
import dvc766.ingestion.store.IdempotencyStore.Reused;
import dvc766.ingestion.store.IdempotencyStore.Scope;
import dvc766.ingestion.store.IdempotencyStore.Started;
import dvc766.ingestion.store.KeyClaim;
import dvc766.ingestion.store.KeyClaim.Answer;
import dvc766.kit.problem.FieldError;
import dvc766.kit.problem.Problem;
import dvc766.kit.problem.ProblemException;
import dvc766.kit.problem.ProblemMappers;
import dvc766.kit.security.Caller;
import dvc766.kit.security.Callers;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The {@code Idempotency-Key} header (IETF draft "The Idempotency-Key HTTP Header Field") for every agency write: the
 * first request with a key is processed and its final answer stored; a retry with the same body gets that answer again
 * ({@code Idempotent-Replayed: true}) and writes nothing; the same key with another body is 422, and while the first
 * request is still running 409. Keys are scoped per client and per method and path.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Logger LOG = Logger.getLogger(IdempotentRequests.class);

    private final IdempotencyStore store;
    private final Callers callers;
    private final Clock clock;
    private final ObjectMapper json;
    private final IngestionConfig.Idempotency config;
    private final CurrentVertxRequest request;

    public IdempotentRequests(IdempotencyStore store, Callers callers, Clock clock, ObjectMapper json,
            IngestionConfig config, CurrentVertxRequest request) {
        this.request = request;
        this.store = store;
        this.callers = callers;
        this.clock = clock;
        this.json = json;
        this.config = config.idempotency();
    }

    /**
     * Runs {@code write} at most once per key; without a key (null) simply runs it with {@link KeyClaim#NONE}. The
     * write gets the claim to hand to its transaction, which stores the answer with the write itself.
     */
    public Response run(String key, String method, String path, byte[] body, Function<KeyClaim, Response> write) {
        if (key == null && request.getCurrent() != null) {
            key = request.getCurrent().request().getHeader(HEADER); // JAX-RS gives an empty header as null
        }
        if (key == null) return write.apply(KeyClaim.NONE);
        check(key);
        Caller caller = callers.current();
        Scope scope = new Scope(caller.clientId() != null ? caller.clientId() : caller.subject(), method, path, key);
        Claim claim = store.claim(scope, sha256(body), clock.instant(), config.inFlightTimeout(), config.retention());
        if (claim instanceof Replay r) {
            return Response.status(r.status()).type(r.contentType()).header(REPLAYED, "true").entity(r.body()).build();
        }
        if (claim instanceof Reused) {
            throw new ProblemException(new Problem("urn:dvc766:problem:idempotency-key-reused", "Idempotency key reused",
                    422, "this " + HEADER + " was already used for another request body", null, null));
        }
        if (claim instanceof InFlight) {
            throw new ProblemException(new Problem("urn:dvc766:problem:idempotency-key-in-flight",
                    "Request in progress", 409, "a request with this " + HEADER + " is still being processed; "
                            + "retry once it has been answered", null, null));
        }
        Started started = (Started) claim;
        KeyClaim held = new KeyClaim(store, scope, started.owner(), this::toAnswer);
        Response answer;
        try {
            answer = write.apply(held);
        } catch (ProblemException e) {
            answer = ProblemMappers.respond(e.problem());
        } catch (RuntimeException e) {
            release(scope, started);
            throw e;
        }
        if (answer.getStatus() >= 500) {
            release(scope, started);
            return answer;
        }
        Answer stored = held.committedAnswer().orElse(null);
        if (stored == null) {
            // no write transaction stored it (refused before any write): stored now, still before answering, so a
            // 2xx is never sent while its replay could be lost
            stored = toAnswer(answer);
            store.complete(scope, started.owner(), stored.status(), stored.contentType(), stored.body(), clock.instant());
        }
        return Response.status(stored.status()).type(stored.contentType()).entity(stored.body()).build();
    }

    /** A response as stored and replayed: its status, content type and body bytes. */
    private Answer toAnswer(Object response) {
        Response r = (Response) response;
        MediaType type = r.getMediaType() != null ? r.getMediaType() : MediaType.APPLICATION_JSON_TYPE;
        return new Answer(r.getStatus(), type.toString(), serialise(r.getEntity()));
    }

    @Scheduled(every = "${dvc.ingestion.idempotency.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purge();
    }

    /** Deletes the keys older than {@code dvc.ingestion.idempotency.retention}; returns how many. */
    public int purge() {
        int n = store.purge(clock.instant(), config.retention());
        if (n > 0) LOG.debugf("purged %d expired idempotency keys", n);
        return n;
    }

    private void release(Scope scope, Started started) {
        try {
            store.release(scope, started.owner());
        } catch (RuntimeException e) {
            LOG.warn("cannot release idempotency key; it expires after the in-flight timeout", e);
        }
    }

    /** 1 to 255 printable ASCII characters. */
    static void check(String key) {
        boolean ok = !key.isEmpty() && key.length() <= 255 && key.chars().allMatch(ch -> ch >= 0x20 && ch <= 0x7e);
        if (!ok) {
            throw ProblemException.validation(List.of(new FieldError(HEADER, "pattern",
                    "the " + HEADER + " header must be 1 to 255 printable ASCII characters")));
        }
    }

    private byte[] serialise(Object entity) {
        if (entity == null) return new byte[0];
        if (entity instanceof byte[] b) return b;
        try {
            return json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the answer", e);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
