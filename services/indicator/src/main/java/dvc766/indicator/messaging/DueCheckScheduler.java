package dvc766.indicator.messaging;

import dvc766.indicator.config.IndicatorConfig;
import dvc766.indicator.store.RecomputeQueue;
import dvc766.indicator.store.ScoreKey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Makes time count without events: every second, takes the objects whose next check is due (a deadline passed, a new
 * month started) in small batches with {@code FOR UPDATE SKIP LOCKED}, so several instances share the work, and
 * re-evaluates them exactly as an event would. The first run after start-up catches up on everything that fell due
 * while the service was down. Then drains the queued score recomputations (a rule set stored, an administrator's
 * order) the same way. A unit move dated in the future is such a check too: on its day the live periods' tree day
 * moves and their counts follow ({@link IndicatorEngine#advanceTree}). Each run first follows the stored holiday years ({@link HolidayAdmin#follow}).
 */
@ApplicationScoped
public class DueCheckScheduler {

    private static final Logger LOG = Logger.getLogger(DueCheckScheduler.class);

    private final IndicatorEngine engine;
    private final IndicatorConfig config;
    private final RecomputeQueue recomputes;
    private final ScorePublisher publisher;
    private final Clock clock;
    private final HolidayAdmin holidays;

    public DueCheckScheduler(IndicatorEngine engine, IndicatorConfig config, RecomputeQueue recomputes, ScorePublisher publisher, Clock clock,
            HolidayAdmin holidays) {
        this.holidays = holidays;
        this.engine = engine;
        this.config = config;
        this.recomputes = recomputes;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Scheduled(identity = "dossier-checks", every = "${dvc.indicator.checks.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (!config.checks().enabled()) return;
        try {
            // a year replaced on another instance: swap the calendar before evaluating anything with it
            holidays.follow();
        } catch (RuntimeException e) {
            LOG.warnf("could not follow the holiday calendar, retrying on the next run: %s", e.getMessage());
        }
        runNow();
        drainRecomputes();
    }

    /**
     * Moves the periods' tree days forward first (a unit move dated today takes effect), then drains due checks; returns
     * how many objects were re-evaluated.
     */
    public int runNow() {
        try {
            QuarkusTransaction.requiringNew().call(engine::advanceTree);
        } catch (RuntimeException e) {
            LOG.warnf("moving the tree days failed, retrying on the next run: %s", e.getMessage());
        }
        int batch = config.checks().batchSize();
        int total = 0;
        for (int i = 0; i < config.checks().maxBatchesPerRun(); i++) {
            int n;
            try {
                n = QuarkusTransaction.requiringNew().call(() -> engine.runDueChecks(batch));
            } catch (RuntimeException e) {
                LOG.warnf("due checks failed, retrying on the next run: %s", e.getMessage());
                return total;
            }
            total += n;
            if (n < batch) break;
        }
        return total;
    }

    /** Recomputes queued scores in batches, each batch one transaction; returns how many scores were recomputed. */
    public int drainRecomputes() {
        int batch = config.checks().batchSize();
        int total = 0;
        for (int i = 0; i < config.checks().maxBatchesPerRun(); i++) {
            int n;
            try {
                n = QuarkusTransaction.requiringNew().call(() -> {
                    List<ScoreKey> keys = recomputes.take(batch);
                    publisher.rescoreKeys(keys, clock.instant().truncatedTo(ChronoUnit.MICROS));
                    return keys.size();
                });
            } catch (RuntimeException e) {
                LOG.warnf("score recomputation failed, retrying on the next run: %s", e.getMessage());
                return total;
            }
            total += n;
            if (n < batch) break;
        }
        return total;
    }
}
