package dvc766.publication.watch.domain;

import java.time.Duration;

/** Exponential backoff between delivery attempts: base, 2 × base, 4 × base, … up to max. */
public record Backoff(Duration base, Duration max) {

    /** The pause after the {@code attempt}-th failed attempt (1-based). */
    public Duration after(int attempt) {
        int shift = Math.max(0, Math.min(attempt - 1, 30));
        long millis = base.toMillis() << shift;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
