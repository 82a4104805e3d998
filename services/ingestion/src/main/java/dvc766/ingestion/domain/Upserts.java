package dvc766.ingestion.domain;

import java.time.Instant;

/** How an incoming state relates to the stored one: the same rule for every kind of object. */
public final class Upserts {

    private Upserts() {}

    /**
     * An incoming state older than the stored one (by the source's {@code updatedAt}) never overrides it; an equal
     * state changes nothing and emits nothing; at the same {@code updatedAt} the later submission wins.
     */
    public static Effect decide(boolean exists, Instant storedUpdatedAt, Instant incomingUpdatedAt, boolean sameContent) {
        if (!exists) return Effect.CREATED;
        if (incomingUpdatedAt.isBefore(storedUpdatedAt)) return Effect.STALE;
        if (sameContent) return Effect.UNCHANGED;
        return Effect.UPDATED;
    }
}
