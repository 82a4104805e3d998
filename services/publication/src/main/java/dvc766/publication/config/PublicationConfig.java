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
}
