package dvc766.indicator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "dvc.indicator")
public interface IndicatorConfig {

    /**
     * Rule sets bundled with the service ({@code rulesets/<id>.json} on the classpath), validated and seeded into the
     * database at start. Every stored rule set is scored side by side, these and those an administrator stored.
     */
    @WithDefault("dvcqg-2026")
    List<String> ruleSets();

    /** The rule set a read uses when none is named; one of the bundled ones. */
    @WithDefault("dvcqg-2026")
    String defaultRuleSet();

    /** The name under which this service records the events it applied. */
    @WithDefault("indicator")
    String consumerName();

    Checks checks();

    Intake intake();

    Recompute recompute();

    /** Time-driven re-evaluation of open dossiers (deadlines passing, new periods starting). */
    interface Checks {

        /** Whether this instance runs the checks (several instances share them safely). */
        @WithDefault("true")
        boolean enabled();

        /** How often due dossiers are looked for (also the {@code @Scheduled} interval, see the scheduler). */
        @WithDefault("1s")
        Duration every();

        /** Dossiers re-evaluated per transaction. */
        @WithDefault("200")
        int batchSize();

        /** Transactions per run at most, so that a backlog (a new month) drains quickly but a run still ends. */
        @WithDefault("100")
        int maxBatchesPerRun();
    }

    /** Kafka intake. */
    interface Intake {

        /** Attempts for an event whose batch failed, before it is kept aside as rejected. */
        @WithDefault("3")
        int attempts();

        @WithDefault("200ms")
        Duration retryBackoff();
    }

    /** Recompute from facts: stored objects re-evaluated in batches, bigger while much is queued. */
    interface Recompute {

        /** Objects per transaction when little is queued. */
        @WithDefault("200")
        int minBatch();

        /**
         * Objects per transaction at most, when much is queued: a live event on one of them, or on a counter the batch
         * writes, waits for that transaction (see the README).
         */
        @WithDefault("5000")
        int maxBatch();
    }
}
