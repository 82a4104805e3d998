package dvc766.ingestion.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

@ConfigMapping(prefix = "dvc.ingestion")
public interface IngestionConfig {

    /**
     * Largest request body answered with a problem (413) instead of being read. Kept below
     * {@code quarkus.http.limits.max-body-size}, the hard limit at which Quarkus itself cuts a streamed body off.
     */
    @WithDefault("2M")
    MemorySize maxBodySize();

    /** Most items one batch request may carry. */
    @WithDefault("1000")
    int batchMaxItems();

    /** How far in the future a time may lie (clocks of agency systems drift) before it is implausible. */
    @WithDefault("PT5M")
    Duration futureSkew();

    /** Where calendar days begin: the unit tree is dated in local days. */
    @WithDefault("Asia/Ho_Chi_Minh")
    ZoneId zone();

    /** How often a write is retried when a concurrent request created the same object first. */
    @WithDefault("3")
    int conflictAttempts();

    /** Idempotency-Key handling of the agency writes. */
    Idempotency idempotency();

    interface Idempotency {

        /** How long a key and its stored answer are kept (and replayed); older ones are purged. */
        @WithDefault("PT24H")
        Duration retention();

        /** How long a request may hold its key IN_FLIGHT; after that a crashed request's key may be retried. */
        @WithDefault("PT60S")
        Duration inFlightTimeout();
    }
}
