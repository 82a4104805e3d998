package dvc766.indicator.messaging;

import dvc766.indicator.config.IndicatorConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Works off recompute orders from facts every second, beside the due checks (its own job, so a long recompute does not
 * hold back deadlines passing); several instances share the queue ({@code FOR UPDATE SKIP LOCKED}).
 */
@ApplicationScoped
public class FactRecomputeScheduler {

    private final FactRecompute recompute;
    private final IndicatorConfig config;

    public FactRecomputeScheduler(FactRecompute recompute, IndicatorConfig config) {
        this.recompute = recompute;
        this.config = config;
    }

    @Scheduled(identity = "fact-recompute", every = "${dvc.indicator.checks.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (!config.checks().enabled()) return;
        // a run ends after a bounded amount of work, so that a stopping service is not held for the whole backlog
        recompute.drain(100L * config.recompute().maxBatch());
    }
}
