package dvc766.gateway.domain;

/**
 * A token bucket: {@code capacity} requests at once, refilled at {@code refillPerSecond}. Time is passed in
 * (nanoseconds of a monotonic clock) so tests need no sleeping.
 */
public final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    public TokenBucket(int capacity, double refillPerSecond, long nowNanos) {
        if (capacity < 1 || !(refillPerSecond > 0)) {
            throw new IllegalArgumentException("capacity must be ≥ 1 and refill > 0");
        }
        this.capacity = capacity;
        this.perNano = refillPerSecond / 1e9;
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /**
     * The outcome of one attempt: whether a token was taken, the whole tokens left after it, and the
     * nanoseconds until the next whole token is available (0 while some remain).
     */
    public record Take(boolean allowed, long remaining, long waitNanos) {}

    /** @return 0 if a token was taken, otherwise the nanoseconds until one will be available */
    public long tryTake(long nowNanos) {
        Take t = take(nowNanos);
        return t.allowed() ? 0 : t.waitNanos();
    }

    public synchronized Take take(long nowNanos) {
        refill(nowNanos);
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long remaining = (long) Math.floor(tokens);
        long wait = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
        return new Take(allowed, remaining, wait);
    }

    /** Full and untouched long enough to be forgotten without changing any answer. */
    public synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - last;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * perNano);
            last = nowNanos;
        }
    }
}
