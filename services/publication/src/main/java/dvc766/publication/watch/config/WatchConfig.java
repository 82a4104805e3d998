package dvc766.publication.watch.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;

/** The watch's settings ({@code dvc.publication.watch.*}). */
@ConfigMapping(prefix = "dvc.publication.watch")
public interface WatchConfig {

    /** Name under which the watch records applied and rejected events (its own, apart from the scorecards' intake). */
    @WithDefault("publication-watch")
    String consumerName();

    /** The due-soon window of alerts, in working days (the views take theirs per request). */
    @WithDefault("3")
    int dueSoonWorkingDays();

    /** Threshold of a SCORE_FALL subscription that names none, in points. */
    @WithDefault("1")
    BigDecimal defaultMinFall();

    /** Plain http to localhost is accepted as a webhook URL (dev and test profiles only). */
    @WithDefault("false")
    boolean allowLocalHttp();

    /** Most subscriptions one unit scope may hold. */
    @WithDefault("20")
    int maxSubscriptionsPerScope();

    /** Pause between rounds of the alert scheduler and of the webhook sender (read by their @Scheduled). */
    @WithDefault("1s")
    Duration tick();

    /** Dossiers whose alert time came, and score changes, handled per transaction. */
    @WithDefault("200")
    int alertBatch();

    /** Deliveries claimed per round. */
    @WithDefault("20")
    int deliveryBatch();

    /** How long a claimed delivery is held before another round (or instance) may retry it. */
    @WithDefault("60s")
    Duration deliveryLease();

    /** Connect and response timeout of one webhook call. */
    @WithDefault("5s")
    Duration deliveryTimeout();

    /** Pause after the first failed attempt; doubled after each further failure. */
    @WithDefault("2s")
    Duration retryBase();

    /** Longest pause between attempts. */
    @WithDefault("15m")
    Duration retryMax();

    /** Attempts after which a delivery is given up (kept, with its last error). */
    @WithDefault("15")
    int maxAttempts();

    /** Longest pause of the event intake while the database is away. */
    @WithDefault("5s")
    Duration retryBackoffMax();
}
