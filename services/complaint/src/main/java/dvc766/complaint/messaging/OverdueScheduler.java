package dvc766.complaint.messaging;

import dvc766.complaint.config.ComplaintConfig;
import dvc766.complaint.store.ComplaintWrites;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Makes time count without events: every second takes the PAKN whose next check is due (a deadline passed, the
 * calendar changed) in small batches with FOR UPDATE SKIP LOCKED, so several instances share the work. Started at
 * start-up too, so everything that fell due while the service was down is caught up at once.
 */
@ApplicationScoped
public class OverdueScheduler {

    private static final Logger LOG = Logger.getLogger(OverdueScheduler.class);
    private static final int MAX_BATCHES_PER_RUN = 50;

    private final ComplaintWrites writes;
    private final ComplaintConfig config;

    public OverdueScheduler(ComplaintWrites writes, ComplaintConfig config) {
        this.writes = writes;
        this.config = config;
    }

    void catchUp(@Observes StartupEvent e) {
        if (config.checks().enabled()) LOG.infof("caught up on %d due PAKN checks at start", runNow());
    }

    @Scheduled(identity = "pakn-checks", every = "${dvc.complaint.checks.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (config.checks().enabled()) runNow();
    }

    /** Drains due checks; returns how many PAKN were evaluated. */
    public int runNow() {
        int batch = config.checks().batchSize();
        int total = 0;
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            int n;
            try {
                n = QuarkusTransaction.requiringNew().call(() -> writes.evaluateDue(batch));
            } catch (RuntimeException ex) {
                LOG.warnf("PAKN checks failed, retrying on the next run: %s", ex.getMessage());
                return total;
            }
            total += n;
            if (n < batch) break;
        }
        return total;
    }
}
