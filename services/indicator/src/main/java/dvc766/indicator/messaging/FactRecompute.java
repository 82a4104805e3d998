package dvc766.indicator.messaging;

import dvc766.common.period.Period;
import dvc766.indicator.config.IndicatorConfig;
import dvc766.indicator.config.RuleSetCatalog;
import dvc766.indicator.domain.RuleSet;
import dvc766.indicator.store.ConfigLock;
import dvc766.indicator.store.CounterRepair;
import dvc766.indicator.store.CounterStore;
import dvc766.indicator.store.FactRecomputeQueue;
import dvc766.indicator.store.ItemStore;
import dvc766.indicator.store.RecomputeOrders;
import dvc766.indicator.store.RecomputeQueue;
import dvc766.indicator.store.TreeLock;
import dvc766.indicator.store.UnitPeriod;
import dvc766.indicator.store.UnitStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Administrators' recompute orders. An order from facts queues every stored object of its scope; instances then take
 * them in batches ({@code FOR UPDATE SKIP LOCKED}) and re-evaluate each through the engine's one contribution path
 * ({@link IndicatorEngine#recomputeFromFacts}), queueing the scores whose counts changed; once nothing is left to
 * re-evaluate, the counters of the scope are reconciled with the stored contributions ({@link CounterRepair}: repairs
 * counters that drifted by themselves), and the queued scores are re-scored and published by the scheduler.
 */
@ApplicationScoped
public class FactRecompute {

    private static final Logger LOG = Logger.getLogger(FactRecompute.class);

    /** Small kinds first: a big dossier backlog does not hold back the PAKN and decisions. */
    static final List<String> KINDS = List.of(IndicatorEngine.DECISION, IndicatorEngine.PETITION, IndicatorEngine.DOSSIER);

    /** What an order queued. */
    public record Ordered(long scores, Map<String, Long> objects) {}

    /** The work still pending, and when the last order was given and finished. */
    public record Status(Map<String, Long> objects, long reconciling, long scores, Instant lastOrderedAt, Instant lastFinishedAt) {
        public boolean pending() {
            return reconciling > 0 || scores > 0 || objects.values().stream().anyMatch(n -> n > 0)
                    || (lastOrderedAt != null && lastFinishedAt == null);
        }
    }

    private final FactRecomputeQueue objects;
    private final RecomputeQueue scores;
    private final RecomputeOrders orders;
    private final CounterRepair repair;
    private final CounterStore counters;
    private final ItemStore items;
    private final IndicatorEngine engine;
    private final RuleSetCatalog ruleSets;
    private final ConfigLock configLock;
    private final TreeLock tree;
    private final UnitStore units;
    private final IndicatorConfig config;
    private final Clock clock;

    public FactRecompute(FactRecomputeQueue objects, RecomputeQueue scores, RecomputeOrders orders, CounterRepair repair, CounterStore counters,
            ItemStore items, IndicatorEngine engine, RuleSetCatalog ruleSets, ConfigLock configLock, TreeLock tree, UnitStore units,
            IndicatorConfig config, Clock clock) {
        this.objects = objects;
        this.scores = scores;
        this.orders = orders;
        this.repair = repair;
        this.counters = counters;
        this.items = items;
        this.engine = engine;
        this.ruleSets = ruleSets;
        this.configLock = configLock;
        this.tree = tree;
        this.units = units;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Records an order and queues its work in one transaction. Without facts: the rule set's scores of the periods and
     * units (exactly those units), from the counters. With facts: every stored object of the units' subtrees (received
     * before the end of the last period, when periods are given), and, when a rule set is named, its scores there too.
     */
    public Ordered order(String ruleSet, List<String> periods, List<String> unitCodes, boolean facts, String by) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Map<String, Long> queued = new LinkedHashMap<>();
            long scoreCount = 0;
            if (facts) {
                Instant receivedBefore = periods.stream().map(p -> Period.parse(p).end()).max(Instant::compareTo).orElse(null);
                for (String kind : KINDS) queued.put(kind, objects.enqueue(kind, unitCodes, receivedBefore));
                if (ruleSet != null) {
                    List<String> subtrees = new ArrayList<>();
                    for (String u : new TreeSet<>(unitCodes)) subtrees.addAll(units.subtree(u));
                    scoreCount = scores.enqueue(ruleSet, periods, subtrees);
                }
            } else {
                scoreCount = scores.enqueue(ruleSet, periods, unitCodes);
            }
            long total = queued.values().stream().mapToLong(Long::longValue).sum();
            orders.record(now, by, ruleSet, facts, periods, unitCodes, total, scoreCount);
            return new Ordered(scoreCount, queued);
        });
    }

    /**
     * Re-evaluates queued objects in batches, each one transaction, until none is left (or {@code maxObjects} were
     * taken); then reconciles the orders whose objects are all done and marks finished what is finished. Returns how many
     * objects were re-evaluated.
     */
    public long drain(long maxObjects) {
        long done = 0;
        long longestMs = 0;
        long start = System.nanoTime();
        Map<String, Long> pending;
        try {
            pending = objects.pending();
        } catch (RuntimeException e) {
            LOG.warnf("recompute from facts: cannot read the queue, retrying on the next run: %s", e.getMessage());
            return 0;
        }
        for (String kind : KINDS) {
            long left = pending.getOrDefault(kind, 0L);
            while (left > 0 && done < maxObjects) {
                int size = batchSize(left);
                long t0 = System.nanoTime();
                int n;
                try {
                    n = QuarkusTransaction.requiringNew().call(() -> batch(kind, size));
                } catch (RuntimeException e) {
                    LOG.warnf("recompute of %s objects failed, retrying on the next run: %s", kind, e.getMessage());
                    return done;
                }
                if (n == 0) break;
                longestMs = Math.max(longestMs, (System.nanoTime() - t0) / 1_000_000);
                done += n;
                left -= n;
            }
        }
        if (done > 0) {
            // the longest batch bounds how long a live event on one of its objects or counters waited
            LOG.infof("recomputed %d objects from their facts in %.1f s; longest batch %d ms", done, (System.nanoTime() - start) / 1e9, longestMs);
        }
        if (done >= maxObjects) return done;
        try {
            while (QuarkusTransaction.requiringNew().call(this::reconcileNext)) {
                // one order per transaction
            }
            QuarkusTransaction.requiringNew().run(() -> orders.finishIfIdle(clock.instant().truncatedTo(ChronoUnit.MICROS)));
        } catch (RuntimeException e) {
            LOG.warnf("reconciling recomputed counters failed, retrying on the next run: %s", e.getMessage());
        }
        return done;
    }

    /** Bigger batches while much is queued (fewer, larger set-based writes); small ones for a small order. */
    int batchSize(long queued) {
        long size = queued / 20;
        return (int) Math.max(config.recompute().minBatch(), Math.min(config.recompute().maxBatch(), size));
    }

    private int batch(String kind, int size) {
        tree.shared();
        // lock order as everywhere: tree, rule sets (the deadline profiles), then the objects' rows
        IndicatorEngine.Profiles profiles = engine.profiles();
        List<String> taken = objects.take(kind, size);
        if (taken.isEmpty()) return 0;
        Set<UnitPeriod> touched = engine.recomputeFromFacts(kind, objects.lockExisting(kind, taken), profiles);
        queueScores(touched);
        return taken.size();
    }

    /** Reconciles the oldest order whose objects are all re-evaluated; false when there is none. */
    private boolean reconcileNext() {
        Optional<RecomputeOrders.Scope> next = orders.lockNextToReconcile();
        if (next.isEmpty()) return false;
        RecomputeOrders.Scope scope = next.get();
        long t0 = System.nanoTime();
        CounterRepair.Drift drift = repair.drift(scope.periods(), scope.units());
        if (!drift.isEmpty()) {
            LOG.warnf("recompute order %d: counters had drifted from the stored contributions (%d own, %d pooled, %d item references); corrected",
                    scope.id(), drift.own().size(), drift.pooled().size(), drift.refs().size());
            counters.addToOwn(drift.own());
            items.applyDirect(drift.refs());
            queueScores(counters.apply(Map.of(), drift.pooled()));
        }
        orders.reconciled(scope.id(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        LOG.infof("recompute order %d reconciled in %d ms", scope.id(), (System.nanoTime() - t0) / 1_000_000);
        return true;
    }

    /** Queues the pairs' scores under every active rule set, following a rule set stored meanwhile (as re-scoring does). */
    private void queueScores(Collection<UnitPeriod> touched) {
        if (touched.isEmpty()) return;
        configLock.shared(ConfigLock.Kind.RULE_SETS);
        ruleSets.refreshIfChanged();
        scores.enqueue(touched, ruleSets.active().stream().map(RuleSet::id).toList());
    }

    public Status status() {
        Map<String, Long> pending = new TreeMap<>();
        KINDS.forEach(k -> pending.put(k, 0L));
        pending.putAll(objects.pending());
        Optional<RecomputeOrders.Last> last = orders.last();
        return new Status(pending, orders.toReconcile(), scores.pending(), last.map(RecomputeOrders.Last::orderedAt).orElse(null),
                last.map(RecomputeOrders.Last::finishedAt).orElse(null));
    }
}
