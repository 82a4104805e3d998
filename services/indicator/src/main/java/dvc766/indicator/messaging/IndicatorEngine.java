package dvc766.indicator.messaging;

import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.common.period.Period;
import dvc766.contracts.events.DossierData;
import dvc766.contracts.events.ProcedureData;
import dvc766.contracts.events.UnitData;
import dvc766.indicator.domain.Counts;
import dvc766.indicator.domain.DossierContributions;
import dvc766.indicator.domain.DossierFacts;
import dvc766.indicator.domain.DossierTiming;
import dvc766.indicator.domain.ProcedureFacts;
import dvc766.indicator.store.CounterKey;
import dvc766.indicator.store.CounterStore;
import dvc766.indicator.store.FactStore;
import dvc766.indicator.store.ProcedureLock;
import dvc766.indicator.store.TreeLock;
import dvc766.indicator.store.UnitPeriod;
import dvc766.indicator.store.UnitStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Applies facts and the passing of time to the counters, incrementally and exactly: a dossier's new contributions
 * (from {@link DossierContributions}) minus its stored ones go to its unit and every ancestor, in the caller's
 * transaction, and the touched scores are re-published. Work per event is bounded by the dossier's periods, its
 * indicators and the depth of the tree, never by the size of the province.
 */
@ApplicationScoped
public class IndicatorEngine {

    private final FactStore facts;
    private final UnitStore units;
    private final CounterStore counters;
    private final ScorePublisher publisher;
    private final TreeLock tree;
    private final ProcedureLock procedureLock;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    public IndicatorEngine(FactStore facts, UnitStore units, CounterStore counters, ScorePublisher publisher, TreeLock tree,
            ProcedureLock procedureLock, WorkingDayCalendar calendar, Clock clock) {
        this.procedureLock = procedureLock;
        this.facts = facts;
        this.units = units;
        this.counters = counters;
        this.publisher = publisher;
        this.tree = tree;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Now, at the database's precision, so that what is stored and what is published are the same instant. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Applies dossier states (newer ones only) and re-publishes the scores they change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyDossiers(List<DossierData> states) {
        applyDossiers(states, now());
    }

    /**
     * Applies dossier states as if at {@code now}: the dossiers' next checks are computed from that instant, so an
     * instant in the past leaves them due and the scheduler catches up, exactly as after a stop of the service.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyDossiers(List<DossierData> states, Instant now) {
        tree.shared();
        Collection<DossierData> newest = newestPerKey(states, DossierData::code, DossierData::revision, DossierData::updatedAt);
        procedureLock.shared(newest.stream().map(DossierData::procedureCode).toList());
        List<String> changed = facts.upsertDossiers(new ArrayList<>(newest));
        if (changed.isEmpty()) return;
        Set<String> changedSet = new TreeSet<>(changed);
        units.ensure(newest.stream().filter(d -> changedSet.contains(d.code())).map(DossierData::unitCode).toList());
        publisher.rescore(counters.apply(reevaluate(changed, now)), now);
    }

    /** Re-evaluates up to {@code limit} dossiers whose next check is due; returns how many it took. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int runDueChecks(int limit) {
        Instant now = now();
        tree.shared();
        List<String> due = facts.lockDue(now, limit);
        if (due.isEmpty()) return 0;
        List<String> sorted = new ArrayList<>(due);
        sorted.sort(null);
        publisher.rescore(counters.apply(reevaluate(sorted, now)), now);
        return due.size();
    }

    /**
     * Applies procedure states. When what the dossier formulas use of a procedure is new or changed, its dossiers are
     * made due, and the scheduler re-evaluates them in small batches.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyProcedures(List<ProcedureData> states) {
        Instant now = now();
        List<ProcedureData> newest = new ArrayList<>(newestPerKey(states, ProcedureData::code, ProcedureData::revision, ProcedureData::updatedAt));
        newest.sort(Comparator.comparing(ProcedureData::code));
        procedureLock.exclusive(newest.stream().map(ProcedureData::code).toList());
        for (ProcedureData p : newest) {
            FactStore.ProcedureChange change = facts.upsertProcedure(p);
            if (change == FactStore.ProcedureChange.NEW || change == FactStore.ProcedureChange.CHANGED_FACTS) {
                facts.markDueByProcedure(p.code(), now);
            }
        }
    }

    /**
     * Applies unit states. A new parent moves the unit's whole subtree: its own counts leave the old ancestors' pooled
     * counters and join the new ones'. Runs under the exclusive tree lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyUnits(List<UnitData> states) {
        Instant now = now();
        tree.exclusive();
        List<UnitData> newest = new ArrayList<>(newestPerKey(states, UnitData::code, UnitData::revision, UnitData::updatedAt));
        newest.sort(Comparator.comparing(UnitData::code));
        Set<UnitPeriod> touched = new TreeSet<>();
        for (UnitData u : newest) {
            List<String> needed = new ArrayList<>();
            needed.add(u.code());
            if (u.parentCode() != null) needed.add(u.parentCode());
            units.ensure(needed);
            UnitStore.UnitRow row = units.lock(u.code());
            if (row.known() && !newer(u.revision(), u.updatedAt(), row.revision(), row.updatedAt() == null ? null : row.updatedAt().toInstant())) {
                continue;
            }
            boolean levelChanged = !row.known() || !Objects.equals(row.level(), u.level());
            if (!Objects.equals(row.parentCode(), u.parentCode())) {
                List<String> subtree = units.subtree(u.code());
                if (u.parentCode() != null && subtree.contains(u.parentCode())) {
                    throw new RejectedEventException("unit " + u.code() + " cannot have parent " + u.parentCode()
                            + ": that unit is below it, the tree would become a cycle");
                }
                Map<CounterKey, Counts> carried = counters.ownSums(subtree);
                touched.addAll(counters.addToPooled(units.ancestors(u.code()), carried, -1));
                units.reparent(u.code(), u.parentCode());
                touched.addAll(counters.addToPooled(units.ancestors(u.code()), carried, +1));
            }
            units.write(u);
            if (levelChanged) {
                for (String period : counters.periodsOf(u.code())) touched.add(new UnitPeriod(u.code(), period));
            }
        }
        publisher.rescore(touched, now);
    }

    /**
     * Recomputes the contributions of the (locked) dossiers at {@code now}, stores the changed ones with each dossier's
     * next time-driven check, and returns the counter deltas (new minus old).
     */
    Map<CounterKey, Counts> reevaluate(List<String> codes, Instant now) {
        Map<String, FactStore.LoadedDossier> loaded = facts.load(codes);
        Map<String, Map<CounterKey, Counts>> stored = counters.contributions(codes);
        Map<String, Map<CounterKey, Counts>> replaced = new HashMap<>();
        Map<String, Instant> next = new HashMap<>();
        Map<CounterKey, Counts> deltas = new TreeMap<>();
        for (String code : codes) {
            FactStore.LoadedDossier ld = loaded.get(code);
            Map<CounterKey, Counts> fresh = new TreeMap<>();
            Instant nextCheck = null;
            // a dossier counts once its procedure is known; the procedure's arrival makes it due again
            if (ld != null && ld.procedure() != null) {
                fresh = contributionsAt(ld.facts(), ld.procedure(), now, calendar);
                nextCheck = DossierTiming.nextCheckAt(ld.facts(), ld.procedure(), now, calendar);
            }
            next.put(code, nextCheck);
            Map<CounterKey, Counts> old = stored.getOrDefault(code, Map.of());
            if (old.equals(fresh)) continue;
            replaced.put(code, fresh);
            fresh.forEach((k, v) -> deltas.merge(k, v, Counts::plus));
            old.forEach((k, v) -> deltas.merge(k, v.negate(), Counts::plus));
        }
        counters.replaceContributions(replaced);
        facts.setNextChecks(next);
        deltas.values().removeIf(Counts::isZero);
        return deltas;
    }

    /** Everything one dossier contributes at {@code now}, over every period it counts in, keyed by counter. */
    public static Map<CounterKey, Counts> contributionsAt(DossierFacts d, ProcedureFacts p, Instant now, WorkingDayCalendar calendar) {
        Map<CounterKey, Counts> out = new TreeMap<>();
        for (Period period : DossierTiming.periodsOf(d, now)) {
            Instant te = period.end().isBefore(now) ? period.end() : now;
            DossierContributions.contributionsOf(d, p, period, te, calendar).byIndicator()
                    .forEach((indicator, c) -> out.put(new CounterKey(d.unitCode(), period.key(), indicator), c));
        }
        return out;
    }

    /** Keeps, per key, the state with the highest (revision, updatedAt); equal states keep the first seen. */
    static <T> Collection<T> newestPerKey(List<T> states, Function<T, String> key, ToLongFunction<T> revision,
            Function<T, OffsetDateTime> updatedAt) {
        Map<String, T> out = new TreeMap<>();
        for (T s : states) {
            out.merge(key.apply(s), s, (a, b) -> newer(revision.applyAsLong(b), updatedAt.apply(b), revision.applyAsLong(a),
                    updatedAt.apply(a) == null ? null : updatedAt.apply(a).toInstant()) ? b : a);
        }
        return new ArrayList<>(out.values());
    }

    private static boolean newer(long revision, OffsetDateTime updatedAt, long heldRevision, Instant heldUpdatedAt) {
        if (revision != heldRevision) return revision > heldRevision;
        if (updatedAt == null) return false;
        return heldUpdatedAt == null || updatedAt.toInstant().isAfter(heldUpdatedAt);
    }
}
