package dvc766.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "dvc.outbox")
public interface OutboxConfig {

    /** Whether this instance relays the outbox to Kafka (only one instance relays at a time anyway). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How long the relay sleeps when the outbox is empty; a commit wakes it earlier. */
    @WithDefault("250ms")
    Duration pollInterval();

    /** How long to wait before retrying after Kafka or the database failed. */
    @WithDefault("1s")
    Duration retryBackoff();

    /** Rows sent per transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long to wait for the broker to acknowledge a batch. */
    @WithDefault("20s")
    Duration ackTimeout();

    /** Sent rows are kept this long (to inspect or replay), then deleted. */
    @WithDefault("P7D")
    Duration retention();
}
