package dvc766.indicator.messaging;

import dvc766.common.period.Period;
import dvc766.contracts.events.EventType;
import dvc766.contracts.events.ScoreData;
import dvc766.indicator.config.RuleSetCatalog;
import dvc766.indicator.domain.Counts;
import dvc766.indicator.domain.RuleSet;
import dvc766.indicator.domain.Score;
import dvc766.indicator.domain.Scoring;
import dvc766.indicator.store.ConfigLock;
import dvc766.indicator.store.CounterStore;
import dvc766.indicator.store.ScoreKey;
import dvc766.indicator.store.ScoreStore;
import dvc766.indicator.store.UnitPeriod;
import dvc766.indicator.store.UnitStore;
import dvc766.indicator.store.UnitEdges;
import dvc766.indicator.store.PeriodTrees;
import java.time.LocalDate;
import java.util.HashMap;
import dvc766.kit.events.EventJson;
import dvc766.kit.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Re-scores the (unit, period) pairs whose pooled counts changed, under every active rule set (each score is kept and
 * published per rule set, side by side), and publishes each score that differs from the last published one: a history row and a {@code dvc.score.changed} event in the outbox,
 * in the caller's transaction. Called once per transaction with every pair it touched, so a burst of dossier events
 * gives one event per key.
 */
@ApplicationScoped
public class ScorePublisher {

    private static final Logger LOG = Logger.getLogger(ScorePublisher.class);

    private final UnitStore units;
    private final CounterStore counters;
    private final ScoreStore scores;
    private final RuleSetCatalog ruleSets;
    private final Outbox outbox;
    private final Counter published;
    private final ConfigLock lock;
    private final UnitEdges edges;
    private final PeriodTrees periodTrees;

    public ScorePublisher(UnitStore units, CounterStore counters, ScoreStore scores, RuleSetCatalog ruleSets, Outbox outbox,
            MeterRegistry meters, ConfigLock lock, UnitEdges edges, PeriodTrees periodTrees) {
        this.edges = edges;
        this.periodTrees = periodTrees;
        this.lock = lock;
        this.units = units;
        this.counters = counters;
        this.scores = scores;
        this.ruleSets = ruleSets;
        this.outbox = outbox;
        this.published = meters.counter("dvc.indicator.scores.published");
    }

    /**
     * Re-scores the touched (unit, period) pairs under every active rule set; returns how many score events were
     * published. Takes the rule-set lock shared and follows a rule set stored meanwhile, so a score is never missed by
     * a rule set whose recompute was queued while this transaction's counters were not yet committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int rescore(Collection<UnitPeriod> touched, Instant now) {
        if (touched.isEmpty()) return 0;
        followRuleSets();
        TreeSet<ScoreKey> keys = new TreeSet<>();
        for (UnitPeriod up : touched) {
            for (RuleSet rs : ruleSets.active()) keys.add(new ScoreKey(up.unit(), up.period(), rs.id()));
        }
        return publish(keys, now);
    }

    /** Re-scores exactly these (unit, period, rule set) keys (a queued recompute); returns how many events were published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int rescoreKeys(Collection<ScoreKey> keys, Instant now) {
        if (keys.isEmpty()) return 0;
        followRuleSets();
        TreeSet<ScoreKey> known = new TreeSet<>();
        for (ScoreKey k : keys) {
            if (!scoredPeriod(k.period())) continue;
            if (ruleSets.find(k.ruleSet()).isPresent()) known.add(k);
            else LOG.warnf("recompute of %s skipped: rule set %s is not active here", k.eventKey(), k.ruleSet());
        }
        return publish(known, now);
    }

    /** Months, quarters and years are scored; other counter periods (present-state rows) only feed them. */
    private static boolean scoredPeriod(String key) {
        try {
            return Period.parse(key).kind() != Period.Kind.RANGE;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Takes the rule-set lock shared (held to the end of the transaction) and follows the stored rule sets: whatever the
     * caller then reads of the catalog stays true until it commits.
     */
    void followRuleSets() {
        lock.shared(ConfigLock.Kind.RULE_SETS);
        ruleSets.refreshIfChanged();
    }

    private int publish(TreeSet<ScoreKey> candidates, Instant now) {
        Set<String> unitCodes = new HashSet<>();
        candidates.forEach(k -> unitCodes.add(k.unit()));
        // placeholders (units named before their own event arrived) have no level and no score yet
        Map<String, String> levels = units.levels(unitCodes);
        TreeSet<ScoreKey> keys = new TreeSet<>();
        for (ScoreKey k : candidates) if (levels.containsKey(k.unit())) keys.add(k);
        if (keys.isEmpty()) return 0;
        Map<ScoreKey, ScoreStore.Current> current = scores.lock(keys);
        List<UnitPeriod> pairs = new ArrayList<>();
        keys.forEach(k -> pairs.add(new UnitPeriod(k.unit(), k.period())));
        Map<UnitPeriod, Map<String, Counts>> pooled = counters.pooled(new TreeSet<>(pairs));
        Map<UnitPeriod, List<String>> places = places(pairs);
        List<ScoreStore.Published> rows = new ArrayList<>();
        List<Outbox.Event> events = new ArrayList<>();
        for (ScoreKey key : keys) {
            RuleSet rs = ruleSets.find(key.ruleSet()).orElseThrow();
            Score score = Scoring.score(rs, levels.get(key.unit()), pooled.getOrDefault(new UnitPeriod(key.unit(), key.period()), Map.of()),
                    RuleSetCatalog.computed(rs));
            List<String> ancestors = places.get(new UnitPeriod(key.unit(), key.period()));
            // the place in the period's tree is part of what is compared: a move republishes the unit's score
            String figures = EventJson.write(score) + "\n" + String.join("/", ancestors);
            ScoreStore.Current cur = current.get(key);
            if (cur != null && figures.equals(cur.figures())) continue;
            long version = (cur == null ? 0 : cur.version()) + 1;
            Period period = Period.parse(key.period());
            Instant te = period.end().isBefore(now) ? period.end() : now;
            ScoreData data = toData(key, score, version, now, te, ancestors);
            rows.add(new ScoreStore.Published(key, version, figures, EventJson.write(data), now, te));
            events.add(new Outbox.Event(key.eventKey(), data));
        }
        scores.publish(rows);
        outbox.appendAll(EventType.SCORE_CHANGED, events);
        published.increment(rows.size());
        return rows.size();
    }

    /** Each unit's ancestors, nearest first, in the tree of its period's day. */
    private Map<UnitPeriod, List<String>> places(List<UnitPeriod> pairs) {
        Map<String, LocalDate> days = periodTrees.days(pairs.stream().map(UnitPeriod::period).toList());
        Map<UnitEdges.UnitDay, List<String>> ancestors = edges.ancestors(pairs.stream()
                .map(p -> new UnitEdges.UnitDay(p.unit(), days.get(p.period()))).toList());
        Map<UnitPeriod, List<String>> out = new HashMap<>();
        for (UnitPeriod p : pairs) out.put(p, ancestors.get(new UnitEdges.UnitDay(p.unit(), days.get(p.period()))));
        return out;
    }

    static ScoreData toData(ScoreKey key, Score s, long version, Instant asOf, Instant evaluatedAt, List<String> ancestors) {
        return new ScoreData(key.unit(), key.period(), key.ruleSet(), utc(asOf), utc(evaluatedAt), version, s.total(), s.max(), s.band(),
                s.groups().stream().map(g -> new ScoreData.Group(g.code(), g.points(), g.max())).toList(),
                s.indicators().stream().map(i -> new ScoreData.Indicator(i.code(), i.group(), i.numerator(), i.denominator(), i.ratio(),
                        i.points(), i.max(), i.applicable())).toList(),
                ancestors.isEmpty() ? null : ancestors.get(0), ancestors);
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
