package dvc766.gateway.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** One token bucket per key (a client id or an address); full buckets are swept so memory stays bounded. */
public final class RateLimiter {

    /** Burst and sustained rate of one key. */
    public record Limit(int capacity, double refillPerSecond) {}

    private final Function<String, Limit> limitOf;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Function<String, Limit> limitOf) {
        this.limitOf = limitOf;
    }

    /** @return 0 if the request may pass, otherwise the nanoseconds until it would */
    public long tryAcquire(String key, long nowNanos) {
        TokenBucket.Take t = acquire(key, nowNanos);
        return t.allowed() ? 0 : t.waitNanos();
    }

    /** Takes a token for {@code key} if there is one, and tells what is left (for the RateLimit headers). */
    public TokenBucket.Take acquire(String key, long nowNanos) {
        TokenBucket bucket = buckets.computeIfAbsent(key, k -> {
            Limit l = limitOf.apply(k);
            return new TokenBucket(l.capacity(), l.refillPerSecond(), nowNanos);
        });
        return bucket.take(nowNanos);
    }

    public Limit limitOf(String key) {
        return limitOf.apply(key);
    }

    /** Forgets buckets that refilled completely: a new one would answer the same. */
    public void sweep(long nowNanos) {
        buckets.entrySet().removeIf(e -> e.getValue().isFull(nowNanos));
    }

    public int size() {
        return buckets.size();
    }
}
