package dvc766.indicator.messaging;

import dvc766.indicator.config.RuleSetCatalog;
import dvc766.indicator.domain.RuleSet;
import dvc766.indicator.store.ConfigLock;
import dvc766.indicator.store.RecomputeQueue;
import dvc766.indicator.store.RuleSetStore;
import dvc766.indicator.store.TreeLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Stores rule sets and queues the recomputation of scores under them. Each change commits with its queued work, under
 * the exclusive rule-set lock (see {@link ConfigLock}), so no score computed meanwhile is missed; the scheduler drains the
 * queue in small batches.
 */
@ApplicationScoped
public class RuleSetAdmin {

    public enum Effect { CREATED, UPDATED, UNCHANGED }

    /**
     * A store that brings a new deadline profile re-evaluates every PAKN and decision in its transaction: seconds for
     * thousands, more on a loaded machine; a rare administrator's action, so it gets more than the default 60 s.
     */
    static final int STORE_TIMEOUT_SECONDS = 600;

    public record Stored(Effect effect, int queued) {}

    /** A changed document must carry a higher version than the one in force. */
    public static class VersionNotIncreased extends RuntimeException {
        public final int held;

        VersionNotIncreased(int held) {
            super("version must be greater than " + held + ", the version in force, for a changed rule set");
            this.held = held;
        }
    }

    private final RuleSetStore store;
    private final RecomputeQueue queue;
    private final RuleSetCatalog catalog;
    private final ConfigLock lock;
    private final RuleSetEvents events;
    private final Clock clock;
    private final IndicatorEngine engine;
    private final TreeLock tree;

    public RuleSetAdmin(RuleSetStore store, RecomputeQueue queue, RuleSetCatalog catalog, ConfigLock lock, RuleSetEvents events,
            Clock clock, IndicatorEngine engine, TreeLock tree) {
        this.engine = engine;
        this.tree = tree;
        this.store = store;
        this.queue = queue;
        this.catalog = catalog;
        this.lock = lock;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores a validated rule set and queues every score of the history under it. An identical document changes nothing.
     * A rule set bringing deadline parameters that no stored rule set has gets its profile's counters built from the
     * stored PAKN and decisions in the same transaction ({@link IndicatorEngine#adoptDeadlineProfiles}), before its
     * scores are queued.
     */
    public Stored store(RuleSet rs, String by) {
        String json = RuleSetCatalog.write(rs);
        try {
            return QuarkusTransaction.requiringNew().timeout(STORE_TIMEOUT_SECONDS).call(() -> {
                // the tree lock before the rule-set lock, the order every engine transaction takes them in
                tree.shared();
                lock.exclusive(ConfigLock.Kind.RULE_SETS);
                catalog.reload();
                RuleSet held = catalog.find(rs.id()).orElse(null);
                if (held != null && RuleSetCatalog.write(held).equals(json)) return new Stored(Effect.UNCHANGED, 0);
                if (held != null && rs.version() <= held.version()) throw new VersionNotIncreased(held.version());
                List<RuleSet> before = catalog.active();
                Instant now = clock.instant();
                boolean created = store.put(rs.id(), rs.version(), json, by, now);
                events.stored(rs, now);
                // this transaction's reads see the stored document: the catalog now holds the rule set
                catalog.reload();
                engine.adoptDeadlineProfiles(before, catalog.active());
                int queued = queue.enqueue(rs.id(), List.of(), List.of());
                return new Stored(created ? Effect.CREATED : Effect.UPDATED, queued);
            });
        } finally {
            // committed or rolled back, the catalog follows what is stored
            catalog.reload();
        }
    }
}
