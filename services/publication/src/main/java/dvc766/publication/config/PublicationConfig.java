package dvc766.publication.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "dvc.publication")
public interface PublicationConfig {

    /** The rule set a public read uses when the request names none. */
    @WithDefault("dvcqg-2026")
    String defaultRuleSet();

    /** The name under which applied and rejected events are recorded (kit_processed_event, kit_rejected_event). */
    @WithDefault("publication")
    String consumerName();

    /** Longest wait between attempts while the database is unavailable; events wait in Kafka meanwhile. */
    @WithDefault("5s")
    Duration retryBackoffMax();

    /** The live stream of score changes ({@code GET /public/v1/stream}). */
    Stream stream();

    /** Size limits of the read API. */
    Limits limits();

    interface Stream {
        /** Clients connected at once per instance; one more is answered 503 with Retry-After. */
        @WithDefault("500")
        int maxClients();

        /** A comment line this often keeps idle connections (and the proxies between) open. */
        @WithDefault("15s")
        Duration heartbeat();

        /** Changes queued for one slow client before its stream is ended (its browser reconnects and re-reads). */
        @WithDefault("256")
        int clientBuffer();

        /**
         * Most changes replayed to a client reconnecting with {@code Last-Event-ID}; when more were missed it gets a
         * {@code reset} event instead (re-read the API).
         */
        @WithDefault("1000")
        int replayMax();
    }

    interface Limits {
        /** Largest page of a ranking; a larger {@code limit} is clamped to it. */
        @WithDefault("1000")
        int rankingPageSize();

        /** Most periods a history series may span. */
        @WithDefault("120")
        int historyPoints();
    }
}
