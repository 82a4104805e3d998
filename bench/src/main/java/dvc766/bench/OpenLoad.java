package dvc766.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * An open-model load generator: request i is due at {@code start + i / rate}, whether or not earlier answers have
 * come back, and its latency is counted from that intended instant, not from when it was actually sent. A server (or
 * a generator) that stalls therefore shows its stall in every request that should have gone out meanwhile: no
 * coordinated omission. Requests still unanswered {@code timeout} after their due time count as errors.
 */
public final class OpenLoad {

    private OpenLoad() {}

    /**
     * @param warmup sent at the same rate first, not recorded
     * @param request the i-th request (called on the scheduling thread; keep it cheap)
     */
    public static Stats run(HttpClient client, IntFunction<HttpRequest> request, double perSecond, Duration warmup,
            Duration measured, Duration timeout) throws InterruptedException {
        if (!warmup.isZero()) pace(client, request, perSecond, warmup, timeout, null);
        Stats stats = new Stats();
        pace(client, request, perSecond, measured, timeout, stats);
        return stats;
    }

    private static void pace(HttpClient client, IntFunction<HttpRequest> request, double perSecond, Duration length,
            Duration timeout, Stats stats) throws InterruptedException {
        long interval = Math.round(1e9 / perSecond);
        int total = (int) Math.max(1, length.toNanos() / interval);
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
            client.sendAsync(request.apply(i), HttpResponse.BodyHandlers.discarding()).orTimeout(
                    timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((resp, failure) -> {
                        long latency = System.nanoTime() - due;
                        if (stats != null) {
                            if (failure == null && resp.statusCode() / 100 == 2) stats.record(latency, 1);
                            else if (failure == null) stats.error("HTTP " + resp.statusCode());
                            else stats.error(failure instanceof java.util.concurrent.TimeoutException
                                    || failure.getCause() instanceof java.net.http.HttpTimeoutException
                                    || failure instanceof java.util.concurrent.CompletionException
                                            && failure.getCause() instanceof java.util.concurrent.TimeoutException
                                    ? "no answer within " + timeout.toSeconds() + " s" : failure.getClass().getSimpleName());
                        }
                        done.countDown();
                    });
        }
        done.await(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        if (stats != null) stats.wall(System.nanoTime() - start);
    }
}
