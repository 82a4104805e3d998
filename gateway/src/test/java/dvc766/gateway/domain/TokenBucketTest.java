package dvc766.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void burstThenSustainedRate() {
        TokenBucket bucket = new TokenBucket(3, 2, 0);
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        long wait = bucket.tryTake(0);
        assertThat(wait).isEqualTo(SECOND / 2);
        assertThat(bucket.tryTake(SECOND / 4)).isEqualTo(SECOND / 4);
        assertThat(bucket.tryTake(SECOND / 2)).isZero();
        assertThat(bucket.tryTake(SECOND / 2)).isPositive();
    }

    @Test
    void takeTellsWhatIsLeftAndWhenTheNextTokenComes() {
        TokenBucket bucket = new TokenBucket(2, 2, 0);
        assertThat(bucket.take(0)).isEqualTo(new TokenBucket.Take(true, 1, 0));
        assertThat(bucket.take(0)).isEqualTo(new TokenBucket.Take(true, 0, SECOND / 2));
        assertThat(bucket.take(SECOND / 4)).isEqualTo(new TokenBucket.Take(false, 0, SECOND / 4));
        assertThat(bucket.take(SECOND)).isEqualTo(new TokenBucket.Take(true, 1, 0));
    }

    @Test
    void refillNeverExceedsCapacity() {
        TokenBucket bucket = new TokenBucket(2, 100, 0);
        assertThat(bucket.isFull(1000 * SECOND)).isTrue();
        assertThat(bucket.tryTake(1000 * SECOND)).isZero();
        assertThat(bucket.tryTake(1000 * SECOND)).isZero();
        assertThat(bucket.tryTake(1000 * SECOND)).isPositive();
        assertThat(bucket.isFull(1000 * SECOND)).isFalse();
    }

    @Test
    void limiterKeepsKeysApartAndForgetsFullBuckets() {
        RateLimiter limiter = new RateLimiter(key -> key.equals("small")
                ? new RateLimiter.Limit(1, 1) : new RateLimiter.Limit(5, 1));
        assertThat(limiter.tryAcquire("small", 0)).isZero();
        assertThat(limiter.tryAcquire("small", 0)).isPositive();
        assertThat(limiter.tryAcquire("big", 0)).isZero();
        assertThat(limiter.tryAcquire("big", 0)).isZero();
        assertThat(limiter.size()).isEqualTo(2);
        limiter.sweep(0);
        assertThat(limiter.size()).isEqualTo(2);
        limiter.sweep(10 * SECOND);
        assertThat(limiter.size()).isZero();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
