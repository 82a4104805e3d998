package dvc766.indicator.messaging;

import dvc766.indicator.config.IndicatorConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Makes time count without events: every second, takes the dossiers whose next check is due (a deadline passed, a new
 * month started) in small batches with {@code FOR UPDATE SKIP LOCKED}, so several instances share the work, and
 * re-evaluates them exactly as an event would. The first run after start-up catches up on everything that fell due
 * while the service was down.
 */
@ApplicationScoped
public class DueCheckScheduler {

    private static final Logger LOG = Logger.getLogger(DueCheckScheduler.class);

    private final IndicatorEngine engine;
    private final IndicatorConfig config;

    public DueCheckScheduler(IndicatorEngine engine, IndicatorConfig config) {
        this.engine = engine;
        this.config = config;
    }

    @Scheduled(identity = "dossier-checks", every = "${dvc.indicator.checks.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (!config.checks().enabled()) return;
        runNow();
    }

    /** Drains due checks; returns how many dossiers were re-evaluated. */
    public int runNow() {
        int batch = config.checks().batchSize();
        int total = 0;
        for (int i = 0; i < config.checks().maxBatchesPerRun(); i++) {
            int n;
            try {
                n = QuarkusTransaction.requiringNew().call(() -> engine.runDueChecks(batch));
            } catch (RuntimeException e) {
                LOG.warnf("dossier checks failed, retrying on the next run: %s", e.getMessage());
                return total;
            }
            total += n;
            if (n < batch) break;
        }
        return total;
    }
}
