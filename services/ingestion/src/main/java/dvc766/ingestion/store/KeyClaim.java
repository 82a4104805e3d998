package dvc766.ingestion.store;

import dvc766.ingestion.store.IdempotencyStore.Scope;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The {@code Idempotency-Key} a request holds while it runs, or {@link #NONE}. A write stores its answer under the key
 * inside the write's own transaction ({@link Writes#transaction}), so the key is COMPLETED exactly when the write
 * commits: no crash can leave a committed write whose key is still IN_FLIGHT, nor a stored answer without its write.
 * One per request; not thread-safe.
 */
public final class KeyClaim {

    public static final KeyClaim NONE = new KeyClaim(null, null, null, null);

    /** An answer as stored and replayed: status, content type and the exact bytes of the body. */
    public record Answer(int status, String contentType, byte[] body) {}

    private final IdempotencyStore store;
    private final Scope scope;
    private final UUID owner;
    private final Function<Object, Answer> serialiser;
    private Answer pending;
    private Answer committed;

    /** {@code serialiser} turns what the write answers (a JAX-RS response) into the bytes to store and send. */
    public KeyClaim(IdempotencyStore store, Scope scope, UUID owner, Function<Object, Answer> serialiser) {
        this.store = store;
        this.scope = scope;
        this.owner = owner;
        this.serialiser = serialiser;
    }

    public Scope scope() { return scope; }

    public UUID owner() { return owner; }

    /** Inside the write's transaction: stores its answer with it (fails if the key was taken over meanwhile). */
    void storeWithWrite(Object answer, Instant now) {
        if (scope == null) return;
        Answer a = serialiser.apply(answer);
        store.completeInCurrentTransaction(scope, owner, a.status(), a.contentType(), a.body(), now);
        pending = a;
    }

    void afterCommit() {
        committed = pending;
        pending = null;
    }

    void afterRollback() {
        pending = null;
    }

    /** The answer stored with a committed write, if a write stored one; else the caller stores it itself. */
    public Optional<Answer> committedAnswer() {
        return Optional.ofNullable(committed);
    }
}
