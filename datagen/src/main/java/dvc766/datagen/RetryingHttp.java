package dvc766.datagen;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Sends requests with the loader's retry policy: 429, 502, 503, 504 and I/O errors are retried with exponential
 * back-off (or the server's {@code Retry-After}); a 401 makes the token source fetch a new token once.
 */
final class RetryingHttp {

    private final HttpClient client;
    private final int maxAttempts;
    private final Duration base;
    private final PrintStream log;
    private final AtomicLong retries = new AtomicLong();

    RetryingHttp(HttpClient client, int maxAttempts, Duration base, PrintStream log) {
        this.client = client;
        this.maxAttempts = maxAttempts;
        this.base = base;
        this.log = log;
    }

    long retries() {
        return retries.get();
    }

    /**
     * Sends the request that {@code build} makes for a bearer token from {@code tokens} (null: no token). Returns the
     * first response that is not retried; throws {@link LoadException} when the attempts are used up.
     */
    HttpResponse<String> send(String what, TokenSource tokens, Function<String, HttpRequest> build) {
        boolean refreshed = false;
        for (int attempt = 1; ; attempt++) {
            String token = tokens == null ? null : tokens.get();
            HttpResponse<String> resp;
            try {
                resp = client.send(build.apply(token), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (attempt >= maxAttempts) {
                    throw new LoadException(what + ": " + e + " (after " + attempt + " attempts)", e);
                }
                pause(what, "I/O error " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                        attempt, backoff(attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoadException(what + ": interrupted", e);
            }
            int status = resp.statusCode();
            if (status == 401 && tokens != null && !refreshed) {
                refreshed = true; // the token may have expired early or been revoked: one fresh try
                tokens.invalidate(token);
                attempt--;
                retries.incrementAndGet();
                continue;
            }
            if ((status == 429 || status == 502 || status == 503 || status == 504) && attempt < maxAttempts) {
                pause(what, "HTTP " + status, attempt, retryAfter(resp).orElse(backoff(attempt)));
                continue;
            }
            return resp;
        }
    }

    private void pause(String what, String why, int attempt, Duration wait) {
        retries.incrementAndGet();
        log.printf("  retry %s: %s, attempt %d/%d in %d ms%n", what, why, attempt + 1, maxAttempts, wait.toMillis());
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadException(what + ": interrupted", e);
        }
    }

    private Duration backoff(int attempt) {
        long ms = Math.min(30_000, base.toMillis() << Math.min(attempt - 1, 16));
        return Duration.ofMillis(ms + (ms > 0 ? ThreadLocalRandom.current().nextLong(ms / 4 + 1) : 0));
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> resp) {
        return resp.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.min(60, Long.parseLong(v.strip()))));
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: fall back to our own back-off
            }
        });
    }
}
