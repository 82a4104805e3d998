package dvc766.datagen;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/** Small helpers over {@link SplittableRandom}, which is seeded and gives the same sequence on every JVM. */
final class Rand {

    private Rand() {}

    /** A random generator for one purpose ({@code salt}) of one seed: independent streams, stable when others change. */
    static SplittableRandom stream(long seed, long salt) {
        return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + salt));
    }

    /** The stream of item {@code n} of a seed (a dossier): independent of every other item's. */
    static SplittableRandom forItem(long seed, long n) {
        return new SplittableRandom(mix(mix(seed + 0x632BE59BD9B4E019L) + n * 0x9E3779B97F4A7C15L));
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    static boolean chance(SplittableRandom rng, double p) {
        return rng.nextDouble() < p;
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** {@code t} plus a random duration between {@code lo} and {@code hi}. */
    static Instant plus(SplittableRandom rng, Instant t, Duration lo, Duration hi) {
        long a = lo.getSeconds();
        long b = hi.getSeconds();
        return t.plusSeconds(b > a ? a + rng.nextLong(b - a) : a);
    }

    static Instant plusFraction(Instant t, Duration d, double fraction) {
        return t.plusSeconds((long) (d.getSeconds() * fraction));
    }
}
