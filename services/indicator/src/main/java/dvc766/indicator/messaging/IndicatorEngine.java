package dvc766.indicator.messaging;

import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.indicator.config.CalendarHolder;
import dvc766.common.period.Period;
import dvc766.contracts.events.ComplaintData;
import dvc766.contracts.events.DossierData;
import dvc766.indicator.config.RuleSetCatalog;
import dvc766.indicator.domain.PetitionDeadlines;
import dvc766.indicator.domain.PetitionFacts;
import dvc766.indicator.domain.PetitionTiming;
import dvc766.indicator.domain.RuleSet;
import dvc766.contracts.events.PublishingDecisionData;
import dvc766.indicator.domain.DecisionContributions;
import dvc766.indicator.domain.DeadlineProfile;
import dvc766.indicator.domain.DecisionDeadlines;
import dvc766.indicator.domain.DecisionFacts;
import dvc766.indicator.domain.ItemCount;
import dvc766.indicator.store.DecisionStore;
import dvc766.indicator.store.CatalogStore;
import dvc766.indicator.domain.Indicators;
import dvc766.indicator.domain.UnitContributions;
import dvc766.indicator.domain.ProcedureCatalog;
import dvc766.indicator.store.ItemKey;
import dvc766.indicator.store.ItemStore;
import dvc766.indicator.store.DossierLock;
import dvc766.indicator.store.PetitionStore;
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
import dvc766.indicator.store.UnitEdges;
import dvc766.indicator.store.PeriodTrees;
import dvc766.indicator.domain.UnitTree;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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

    /** Object kinds of the generic contribution rows. */
    public static final String DOSSIER = "DOSSIER", PETITION = "PETITION", DECISION = "DECISION";

    private final FactStore facts;
    private final UnitStore units;
    private final CounterStore counters;
    private final ScorePublisher publisher;
    private final TreeLock tree;
    private final ProcedureLock procedureLock;
    private final CalendarHolder calendars;
    private final Clock clock;
    private final PetitionStore petitions;
    private final DossierLock dossierLock;
    private final RuleSetCatalog ruleSets;
    private final DecisionStore decisions;
    private final ItemStore items;
    private final CatalogStore catalog;
    private final UnitEdges edgesStore;
    private final PeriodTrees periodTrees;

    public IndicatorEngine(FactStore facts, UnitStore units, CounterStore counters, ScorePublisher publisher, TreeLock tree,
            ProcedureLock procedureLock, CalendarHolder calendars, Clock clock, PetitionStore petitions, DossierLock dossierLock,
            RuleSetCatalog ruleSets, DecisionStore decisions, ItemStore items, CatalogStore catalog, UnitEdges edgesStore,
            PeriodTrees periodTrees) {
        this.edgesStore = edgesStore;
        this.periodTrees = periodTrees;
        this.catalog = catalog;
        this.decisions = decisions;
        this.items = items;
        this.petitions = petitions;
        this.dossierLock = dossierLock;
        this.ruleSets = ruleSets;
        this.procedureLock = procedureLock;
        this.facts = facts;
        this.units = units;
        this.counters = counters;
        this.publisher = publisher;
        this.tree = tree;
        this.calendars = calendars;
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
        dossierLock.shared(newest.stream().map(DossierData::code).toList());
        List<String> changed = facts.upsertDossiers(new ArrayList<>(newest));
        if (changed.isEmpty()) return;
        Set<String> changedSet = new TreeSet<>(changed);
        units.ensure(newest.stream().filter(d -> changedSet.contains(d.code())).map(DossierData::unitCode).toList());
        Map<ItemKey, ItemCount> itemDeltas = new TreeMap<>();
        publisher.rescore(commit(reevaluate(changed, now, itemDeltas), itemDeltas, now), now);
    }

    /**
     * Re-evaluates up to {@code limit} dossiers, and up to {@code limit} PAKN, whose next check is due; returns how many
     * objects it took (the scheduler calls again while that reaches {@code limit}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int runDueChecks(int limit) {
        Instant now = now();
        tree.shared();
        // the deadline profiles are read under the shared rule-set lock before any PAKN or decision is locked
        List<PetitionDeadlines> petitionProfiles = petitionProfiles();
        List<DecisionDeadlines> decisionProfiles = decisionProfiles();
        List<String> due = facts.lockDue(now, limit);
        List<String> duePetitions = petitions.lockDue(now, limit);
        List<String> dueDecisions = decisions.lockDue(now, limit);
        List<String> dueProcedures = catalog.lockDue(now, limit);
        List<String> dueUnits = units.lockDue(now, limit);
        if (due.isEmpty() && duePetitions.isEmpty() && dueDecisions.isEmpty() && dueProcedures.isEmpty() && dueUnits.isEmpty()) return 0;
        List<String> sorted = new ArrayList<>(due);
        sorted.sort(null);
        Map<ItemKey, ItemCount> itemDeltas = new TreeMap<>();
        Map<CounterKey, Counts> deltas = new TreeMap<>(reevaluate(sorted, now, itemDeltas));
        reevaluatePetitions(duePetitions, now, petitionProfiles).forEach((k, v) -> deltas.merge(k, v, Counts::plus));
        reevaluateDecisions(dueDecisions, now, decisionProfiles).forEach((k, v) -> itemDeltas.merge(k, v, ItemCount::plus));
        Set<UnitPeriod> touched = new TreeSet<>(commit(deltas, itemDeltas, now));
        touched.addAll(live(counters.apply(unitsDue(dueUnits, now), catalogDue(dueProcedures, now)), now));
        publisher.rescore(touched, now);
        return List.of(due.size(), duePetitions.size(), dueDecisions.size(), dueProcedures.size(), dueUnits.size()).stream()
                .max(Integer::compare).orElse(0);
    }

    /**
     * Re-evaluates stored objects of one kind ({@link #DOSSIER}, {@link #PETITION}, {@link #DECISION}) from their facts at
     * now, exactly as a due check does (fresh minus stored contributions into the counters, next checks set): an
     * administrator's recompute order. The caller holds the tree lock shared and the objects' rows, locked in key order.
     * Returns the (unit, period) pairs whose pooled counts changed; the caller queues their scores instead of re-scoring
     * here, so that a bulk recompute scores each pair once rather than once per batch.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UnitPeriod> recomputeFromFacts(String kind, List<String> lockedKeys, Profiles profiles) {
        if (lockedKeys.isEmpty()) return Set.of();
        Instant now = now();
        Map<ItemKey, ItemCount> itemDeltas = new TreeMap<>();
        Map<CounterKey, Counts> deltas = switch (kind) {
            case DOSSIER -> reevaluate(lockedKeys, now, itemDeltas);
            case PETITION -> reevaluatePetitions(lockedKeys, now, profiles.petition());
            case DECISION -> {
                itemDeltas.putAll(reevaluateDecisions(lockedKeys, now, profiles.decision()));
                yield Map.of();
            }
            default -> throw new IllegalArgumentException("unknown object kind " + kind);
        };
        return commit(deltas, itemDeltas, now);
    }

    /** Applies publishing decisions (newer states only): PUBLISH_ON_TIME and PUBLIC_UPDATE_ON_TIME, per procedure. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyDecisions(List<PublishingDecisionData> states) {
        applyDecisions(states, now());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void applyDecisions(List<PublishingDecisionData> states, Instant now) {
        tree.shared();
        List<DecisionDeadlines> profiles = decisionProfiles();
        List<PublishingDecisionData> newest = new ArrayList<>(newestPerKey(states, PublishingDecisionData::key,
                PublishingDecisionData::revision, PublishingDecisionData::updatedAt));
        List<String> changed = decisions.upsert(newest);
        if (changed.isEmpty()) return;
        units.ensure(newest.stream().map(PublishingDecisionData::unitCode).toList());
        publisher.rescore(commit(Map.of(), reevaluateDecisions(changed, now, profiles), now), now);
    }

    /** The distinct deadline profiles of the stored rule sets, PAKN and decision parts. */
    record Profiles(List<PetitionDeadlines> petition, List<DecisionDeadlines> decision) {}

    /** Both parts of the deadline profiles, read under the shared rule-set lock: call before locking any object row. */
    Profiles profiles() {
        return new Profiles(petitionProfiles(), decisionProfiles());
    }

    /**
     * The distinct publishing-decision deadlines of the stored rule sets, read under the shared rule-set lock (a rule set
     * stored with new deadlines builds their counters under the exclusive lock, so no transaction evaluates with a
     * stale set of profiles and commits after it).
     */
    List<DecisionDeadlines> decisionProfiles() {
        publisher.followRuleSets();
        return DeadlineProfile.decisionProfiles(ruleSets.active());
    }

    /** Re-evaluates the decisions once per deadline profile; stores their items and next checks; returns the item deltas. */
    Map<ItemKey, ItemCount> reevaluateDecisions(List<String> keys, Instant now, List<DecisionDeadlines> profiles) {
        if (keys.isEmpty()) return Map.of();
        Map<String, DecisionFacts> loaded = decisions.load(keys);
        Map<String, Instant> next = new HashMap<>();
        Map<String, Map<ItemKey, ItemCount>> fresh = new HashMap<>();
        for (String key : keys) {
            DecisionFacts d = loaded.get(key);
            if (d == null) continue;
            Map<ItemKey, ItemCount> all = new TreeMap<>();
            Instant nextCheck = null;
            for (DecisionDeadlines dl : profiles) {
                all.putAll(decisionItemsAt(d, now, dl, calendars.current()));
                nextCheck = earliest(nextCheck, DecisionContributions.nextCheckAt(d, now, dl, calendars.current()));
            }
            fresh.put(key, all);
            next.put(key, nextCheck);
        }
        decisions.setNextChecks(next);
        return replaceItems(DECISION, fresh);
    }

    /** The earlier of two optional instants. */
    static Instant earliest(Instant a, Instant b) {
        if (a == null) return b;
        return b == null || a.isBefore(b) ? a : b;
    }

    /** Everything one decision adds to distinct-counted items at {@code now}, over its periods, keyed by the profile's codes. */
    public static Map<ItemKey, ItemCount> decisionItemsAt(DecisionFacts d, Instant now, DecisionDeadlines dl, WorkingDayCalendar calendar) {
        Map<ItemKey, ItemCount> out = new TreeMap<>();
        for (Period period : DecisionContributions.periodsOf(d, now)) {
            Instant te = period.end().isBefore(now) ? period.end() : now;
            DecisionContributions.itemsOf(d, period, te, dl, calendar).forEach((indicator, byItem) -> byItem.forEach(
                    (item, c) -> out.put(new ItemKey(d.unitCode(), period.key(), dl.counterCode(indicator), item), c)));
        }
        return out;
    }

    /** Stores the objects' fresh item contributions where they changed and returns the item deltas (new minus old). */
    Map<ItemKey, ItemCount> replaceItems(String kind, Map<String, Map<ItemKey, ItemCount>> fresh) {
        Map<String, Map<ItemKey, ItemCount>> stored = items.contributions(kind, fresh.keySet());
        Map<String, Map<ItemKey, ItemCount>> replaced = new HashMap<>();
        Map<ItemKey, ItemCount> deltas = new TreeMap<>();
        fresh.forEach((key, now) -> {
            Map<ItemKey, ItemCount> old = stored.getOrDefault(key, Map.of());
            if (old.equals(now)) return;
            replaced.put(key, now);
            now.forEach((k, v) -> deltas.merge(k, v, ItemCount::plus));
            old.forEach((k, v) -> deltas.merge(k, v.negate(), ItemCount::plus));
        });
        items.replaceContributions(kind, replaced);
        deltas.values().removeIf(ItemCount::isZero);
        return deltas;
    }

    /**
     * Writes one transaction's changes: summable deltas go to their units and, through the closure, to every ancestor;
     * item deltas go to every ancestor's item references, and each item entering or leaving an ancestor's counts moves
     * that ancestor's pooled counter by one. Returns the (unit, period) pairs whose pooled counts changed.
     */
    Set<UnitPeriod> commit(Map<CounterKey, Counts> own, Map<ItemKey, ItemCount> itemDeltas, Instant now) {
        return live(counters.apply(own, pooledChanges(items.apply(itemDeltas))), now);
    }

    /** The (period, indicator, item) sums placed at each of the ancestors, times {@code sign}. */
    static Map<ItemKey, ItemCount> at(List<String> ancestors, Map<ItemKey, ItemCount> sums, int sign) {
        Map<ItemKey, ItemCount> out = new TreeMap<>();
        for (String a : ancestors) {
            sums.forEach((k, v) -> out.put(new ItemKey(a, k.period(), k.indicator(), k.item()), sign < 0 ? v.negate() : v));
        }
        return out;
    }

    /**
     * The present-state counters (period {@code *}: catalogue, communes) count in every period's score; a change of them
     * re-scores the unit's live periods (the month, quarter and year holding now). Past periods keep what was published.
     */
    static Set<UnitPeriod> live(Set<UnitPeriod> touched, Instant now) {
        Set<UnitPeriod> out = new TreeSet<>();
        for (UnitPeriod up : touched) {
            if (!Indicators.CURRENT.equals(up.period())) {
                out.add(up);
                continue;
            }
            for (Period.Kind kind : List.of(Period.Kind.MONTH, Period.Kind.QUARTER, Period.Kind.YEAR)) {
                out.add(new UnitPeriod(up.unit(), Period.containing(now, kind).key()));
            }
        }
        return out;
    }

    /**
     * The pooled counter deltas of item changes at ancestors: a decision item entering, leaving or failing an ancestor's
     * counts; a usage item gaining its first or losing its last qualifying dossier, which counts only when the procedure
     * belongs to the ancestor's subtree and has the feature (online, fee-bearing, for citizens).
     */
    Map<CounterKey, Counts> pooledChanges(List<ItemStore.Change> changes) {
        Map<CounterKey, Counts> out = new TreeMap<>();
        List<ItemStore.Change> usage = new ArrayList<>();
        for (ItemStore.Change c : changes) {
            if (Indicators.USAGE.contains(c.key().indicator())) {
                if (c.before().counted() != c.after().counted()) usage.add(c);
                continue;
            }
            Counts delta = ItemCount.change(c.before(), c.after());
            if (!delta.isZero()) out.merge(new CounterKey(c.key().unit(), c.key().period(), c.key().indicator()), delta, Counts::plus);
        }
        if (usage.isEmpty()) return out;
        Map<String, ProcedureCatalog> members = catalog.memberStates(usage.stream().map(c -> new String[] {c.key().unit(), c.key().item()}).toList());
        for (ItemStore.Change c : usage) {
            ProcedureCatalog p = members.get(c.key().unit() + "\n" + c.key().item());
            if (p == null || !p.gate(c.key().indicator())) continue;
            out.merge(new CounterKey(c.key().unit(), c.key().period(), c.key().indicator()), new Counts(c.after().counted() ? 1 : -1, 0), Counts::plus);
        }
        return out;
    }

    /**
     * Pooled deltas of a procedure's catalogue state or membership changing from ({@code before}, {@code beforeMembers})
     * to ({@code after}, {@code afterMembers}): its present-state counts at each ancestor it joins or leaves, and one per
     * (ancestor, period) where it has qualifying dossiers and its feature or membership changed.
     */
    Map<CounterKey, Counts> catalogChange(String code, ProcedureCatalog before, Set<String> beforeMembers, ProcedureCatalog after,
            Set<String> afterMembers, Instant now) {
        Map<CounterKey, Counts> out = new TreeMap<>();
        Set<String> all = new TreeSet<>(beforeMembers);
        all.addAll(afterMembers);
        Map<String, Counts> was = before == null ? Map.of() : before.counts(now);
        Map<String, Counts> is = after == null ? Map.of() : after.counts(now);
        for (String a : all) {
            if (beforeMembers.contains(a)) was.forEach((i, c) -> out.merge(new CounterKey(a, Indicators.CURRENT, i), c.negate(), Counts::plus));
            if (afterMembers.contains(a)) is.forEach((i, c) -> out.merge(new CounterKey(a, Indicators.CURRENT, i), c, Counts::plus));
        }
        for (String[] used : catalog.usedAt(code, all, Indicators.USAGE)) {
            String a = used[0], indicator = used[2];
            int b = beforeMembers.contains(a) && before != null && before.gate(indicator) ? 1 : 0;
            int n = afterMembers.contains(a) && after != null && after.gate(indicator) ? 1 : 0;
            if (b != n) out.merge(new CounterKey(a, used[1], indicator), new Counts(n - b, 0), Counts::plus);
        }
        out.values().removeIf(Counts::isZero);
        return out;
    }

    /** Recomputes the membership of procedures after the tree changed; returns the pooled deltas. */
    Map<CounterKey, Counts> remember(Collection<String> procedures, Instant now) {
        Map<CounterKey, Counts> out = new TreeMap<>();
        Map<String, ProcedureCatalog> states = catalog.lock(procedures);
        Map<String, Instant> pending = catalog.nextChecks(procedures);
        for (String code : new TreeSet<>(procedures)) {
            ProcedureCatalog p = states.get(code);
            if (p == null) continue;
            Set<String> before = catalog.members(code);
            Set<String> after = catalog.ancestorsOf(p.unitCodes());
            if (before.equals(after)) continue;
            // a due catalogue check not run yet is caught up here, so the check must not count it again
            catalogChange(code, p.asCounted(pending.get(code), now), before, p, after, now).forEach((k, v) -> out.merge(k, v, Counts::plus));
            if (pending.containsKey(code)) catalog.setNextChecks(nullable(code, p.nextCheckAt(now)));
            catalog.setMembers(code, after);
        }
        return out;
    }

    /**
     * Applies PAKN states (newer ones only): each counts for its currently competent unit; a PAKN naming a dossier makes
     * that dossier fail DOSSIER_SATISFACTION from the PAKN's receipt, whichever of the two arrived first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyPetitions(List<ComplaintData> states) {
        applyPetitions(states, now());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void applyPetitions(List<ComplaintData> states, Instant now) {
        tree.shared();
        List<PetitionDeadlines> profiles = petitionProfiles();
        List<ComplaintData> newest = new ArrayList<>(newestPerKey(states, ComplaintData::id, ComplaintData::revision, ComplaintData::updatedAt));
        Set<String> named = new TreeSet<>();
        newest.forEach(p -> { if (p.dossierCode() != null && !p.dossierCode().isBlank()) named.add(p.dossierCode()); });
        named.addAll(petitions.namedDossiers(newest.stream().map(ComplaintData::id).toList()).values().stream()
                .map(v -> v.substring(0, v.lastIndexOf('|'))).filter(v -> !v.equals("null")).toList());
        dossierLock.exclusive(named);
        List<PetitionStore.Changed> changed = petitions.upsert(newest);
        if (changed.isEmpty()) return;
        Map<String, String> unitOf = new HashMap<>();
        newest.forEach(p -> unitOf.put(p.id(), p.unitCode()));
        units.ensure(changed.stream().map(c -> unitOf.get(c.id())).toList());
        Map<CounterKey, Counts> deltas = new TreeMap<>(reevaluatePetitions(changed.stream().map(PetitionStore.Changed::id).toList(), now, profiles));
        Set<String> dossiers = new TreeSet<>();
        for (PetitionStore.Changed c : changed) {
            if (!c.dossierLinkChanged()) continue;
            if (c.previousDossier() != null) dossiers.add(c.previousDossier());
            if (c.dossier() != null) dossiers.add(c.dossier());
        }
        List<String> existing = facts.lockExisting(dossiers);
        Map<ItemKey, ItemCount> itemDeltas = new TreeMap<>();
        if (!existing.isEmpty()) reevaluate(existing, now, itemDeltas).forEach((k, v) -> deltas.merge(k, v, Counts::plus));
        publisher.rescore(commit(deltas, itemDeltas, now), now);
    }

    /** The distinct PAKN deadlines of the stored rule sets, read under the shared rule-set lock (see {@link #decisionProfiles}). */
    List<PetitionDeadlines> petitionProfiles() {
        publisher.followRuleSets();
        return DeadlineProfile.petitionProfiles(ruleSets.active());
    }

    /** Re-evaluates the PAKN once per deadline profile; stores their contributions and next checks; returns the deltas. */
    Map<CounterKey, Counts> reevaluatePetitions(List<String> ids, Instant now, List<PetitionDeadlines> profiles) {
        if (ids.isEmpty()) return Map.of();
        Map<String, PetitionFacts> loaded = petitions.load(ids);
        Map<String, Instant> next = new HashMap<>();
        Map<String, Map<CounterKey, Counts>> fresh = new HashMap<>();
        for (String id : ids) {
            PetitionFacts p = loaded.get(id);
            if (p == null) continue;
            Map<CounterKey, Counts> all = new TreeMap<>();
            Instant nextCheck = null;
            for (PetitionDeadlines dl : profiles) {
                // PETITION_CLASSIFICATION keeps its plain code under every profile: the same value, put once
                all.putAll(petitionContributionsAt(p, now, dl, calendars.current()));
                nextCheck = earliest(nextCheck, PetitionTiming.nextCheckAt(p, now, dl, calendars.current()));
            }
            fresh.put(id, all);
            next.put(id, nextCheck);
        }
        petitions.setNextChecks(next);
        return replace(PETITION, fresh);
    }

    /** Everything one PAKN contributes at {@code now}, over every period it counts in, keyed by counter (the profile's codes). */
    public static Map<CounterKey, Counts> petitionContributionsAt(PetitionFacts p, Instant now, PetitionDeadlines dl, WorkingDayCalendar calendar) {
        Map<CounterKey, Counts> out = new TreeMap<>();
        for (Period period : PetitionTiming.periodsOf(p, now)) {
            Instant te = period.end().isBefore(now) ? period.end() : now;
            PetitionTiming.contributionsOf(p, period, te, dl, calendar).byIndicator()
                    .forEach((indicator, c) -> out.put(new CounterKey(p.unitCode(), period.key(), dl.counterCode(indicator)), c));
        }
        return out;
    }

    /** PAKN and decisions are re-evaluated for a new set of deadline profiles in chunks of this many (bounded memory). */
    static final int PROFILE_CHUNK = 1000;

    /**
     * Builds the counters of the deadline profiles that the rule sets {@code after} have and {@code before} had not (and
     * drops those no longer used): every PAKN and publishing decision is re-evaluated, from its stored facts, once per
     * profile of {@code after}, in the caller's transaction. The caller stores the rule set in that same transaction under
     * the exclusive rule-set lock, so no score is computed from a profile's half-built counters, and no PAKN or decision
     * is evaluated meanwhile with the old profiles (those transactions read the profiles under the shared lock). Returns
     * how many objects were re-evaluated (0 when the profiles are the same).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int adoptDeadlineProfiles(Collection<RuleSet> before, Collection<RuleSet> after) {
        List<PetitionDeadlines> petitionProfiles = DeadlineProfile.petitionProfiles(after);
        List<DecisionDeadlines> decisionProfiles = DeadlineProfile.decisionProfiles(after);
        boolean petitionsChange = !petitionProfiles.equals(DeadlineProfile.petitionProfiles(before));
        boolean decisionsChange = !decisionProfiles.equals(DeadlineProfile.decisionProfiles(before));
        if (!petitionsChange && !decisionsChange) return 0;
        Instant now = now();
        tree.shared();
        Set<UnitPeriod> touched = new TreeSet<>();
        int evaluated = 0;
        if (petitionsChange) {
            List<String> ids = petitions.ids();
            for (int i = 0; i < ids.size(); i += PROFILE_CHUNK) {
                List<String> chunk = ids.subList(i, Math.min(ids.size(), i + PROFILE_CHUNK));
                touched.addAll(commit(reevaluatePetitions(chunk, now, petitionProfiles), Map.of(), now));
            }
            evaluated += ids.size();
        }
        if (decisionsChange) {
            List<String> keys = decisions.keys();
            for (int i = 0; i < keys.size(); i += PROFILE_CHUNK) {
                List<String> chunk = keys.subList(i, Math.min(keys.size(), i + PROFILE_CHUNK));
                touched.addAll(commit(Map.of(), reevaluateDecisions(chunk, now, decisionProfiles), now));
            }
            evaluated += keys.size();
        }
        publisher.rescore(touched, now);
        return evaluated;
    }

    /** Stores the objects' fresh contributions where they changed and returns the counter deltas (new minus old). */
    Map<CounterKey, Counts> replace(String kind, Map<String, Map<CounterKey, Counts>> fresh) {
        Map<String, Map<CounterKey, Counts>> stored = counters.contributions(kind, fresh.keySet());
        Map<String, Map<CounterKey, Counts>> replaced = new HashMap<>();
        Map<CounterKey, Counts> deltas = new TreeMap<>();
        fresh.forEach((key, now) -> {
            Map<CounterKey, Counts> old = stored.getOrDefault(key, Map.of());
            if (old.equals(now)) return;
            replaced.put(key, now);
            now.forEach((k, v) -> deltas.merge(k, v, Counts::plus));
            old.forEach((k, v) -> deltas.merge(k, v.negate(), Counts::plus));
        });
        counters.replaceContributions(kind, replaced);
        deltas.values().removeIf(Counts::isZero);
        return deltas;
    }

    /**
     * Applies procedure states. When what the dossier formulas use of a procedure is new or changed, its dossiers are
     * made due, and the scheduler re-evaluates them in small batches.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyProcedures(List<ProcedureData> states) {
        applyProcedures(states, now());
    }

    /** Applies procedure states as if at {@code now} (a past instant leaves a madePublicAt since then due for the scheduler). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyProcedures(List<ProcedureData> states, Instant now) {
        tree.shared();
        List<ProcedureData> newest = new ArrayList<>(newestPerKey(states, ProcedureData::code, ProcedureData::revision, ProcedureData::updatedAt));
        newest.sort(Comparator.comparing(ProcedureData::code));
        procedureLock.exclusive(newest.stream().map(ProcedureData::code).toList());
        Map<String, ProcedureCatalog> held = catalog.lock(newest.stream().map(ProcedureData::code).toList());
        Map<String, Instant> pending = catalog.nextChecks(held.keySet());
        Map<CounterKey, Counts> pooled = new TreeMap<>();
        for (ProcedureData p : newest) {
            FactStore.ProcedureChange change = facts.upsertProcedure(p);
            if (change == FactStore.ProcedureChange.NEW || change == FactStore.ProcedureChange.CHANGED_FACTS) {
                facts.markDueByProcedure(p.code(), now);
            }
            if (change == FactStore.ProcedureChange.STALE) continue;
            ProcedureCatalog after = CatalogStore.of(p);
            units.ensure(after.unitCodes());
            Set<String> beforeMembers = catalog.members(p.code());
            Set<String> afterMembers = catalog.ancestorsOf(after.unitCodes());
            ProcedureCatalog before = held.get(p.code());
            if (before != null) before = before.asCounted(pending.get(p.code()), now);
            catalogChange(p.code(), before, beforeMembers, after, afterMembers, now).forEach((k, v) -> pooled.merge(k, v, Counts::plus));
            catalog.write(after);
            // a madePublicAt in the future counts at that instant, with no new event
            catalog.setNextChecks(nullable(p.code(), after.nextCheckAt(now)));
            catalog.setMembers(p.code(), afterMembers);
        }
        publisher.rescore(live(counters.apply(Map.of(), pooled), now), now);
    }

    /**
     * Applies unit states: each carries the unit's whole dated place in the tree, which replaces the edges held. For
     * every period whose tree day the change reaches, the units whose ancestors on that day changed carry that period's
     * own counts from the ancestors they left to the ones they joined; other periods keep theirs. Runs under the
     * exclusive tree lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyUnits(List<UnitData> states) {
        applyUnits(states, now());
    }

    /** Applies unit states as if at {@code now} (a past instant leaves an eCertifiedCopySince since then due for the scheduler). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyUnits(List<UnitData> states, Instant now) {
        tree.exclusive();
        List<UnitData> newest = new ArrayList<>(newestPerKey(states, UnitData::code, UnitData::revision, UnitData::updatedAt));
        newest.sort(Comparator.comparing(UnitData::code));
        Set<UnitPeriod> touched = new TreeSet<>();
        for (UnitData u : newest) {
            List<UnitData.ParentEdge> edges = u.edges();
            List<String> needed = new ArrayList<>();
            needed.add(u.code());
            edges.forEach(e -> needed.add(e.parentCode()));
            units.ensure(needed);
            UnitStore.UnitRow row = units.lock(u.code());
            if (row.known() && !newer(u.revision(), u.updatedAt(), row.revision(), row.updatedAt() == null ? null : row.updatedAt().toInstant())) {
                continue;
            }
            checkEdges(u.code(), edges);
            boolean levelChanged = !row.known() || !Objects.equals(row.level(), u.level());
            if (!edgesStore.edgesOf(u.code()).equals(edges)) touched.addAll(replaceEdges(u.code(), edges, now));
            units.write(u);
            // E_CERTIFIED_COPY: each commune counts once in its own present-state counters, pooled like dossiers
            Counts certified = UnitContributions.eCertifiedCopy(u.level(), u.eCertifiedCopySince(), now).minus(row.known()
                    ? UnitContributions.eCertifiedCopyCounted(row.level(), row.eCertifiedCopySince(), units.nextCheck(u.code()), now) : Counts.ZERO);
            // a commune offering electronic certified copies from a future day counts from that day, with no new event
            units.setNextChecks(nullable(u.code(), UnitContributions.eCertifiedCopyNextCheck(u.level(), u.eCertifiedCopySince(), now)));
            if (!certified.isZero()) {
                touched.addAll(live(counters.apply(Map.of(new CounterKey(u.code(), Indicators.CURRENT, Indicators.E_CERTIFIED_COPY), certified)), now));
            }
            if (levelChanged) {
                for (String period : counters.periodsOf(u.code())) touched.add(new UnitPeriod(u.code(), period));
            }
        }
        publisher.rescore(live(touched, now), now);
    }

    /** Edges must be ordered, must not overlap and must not make the unit its own ancestor on any day. */
    private void checkEdges(String code, List<UnitData.ParentEdge> edges) {
        UnitData.ParentEdge previous = null;
        for (UnitData.ParentEdge e : edges) {
            if (e.parentCode() == null || e.parentCode().isBlank()) throw new RejectedEventException("unit " + code + ": an edge has no parentCode");
            if (e.validFrom() != null && e.validTo() != null && !e.validFrom().isBefore(e.validTo())) {
                throw new RejectedEventException("unit " + code + ": edge under " + e.parentCode() + " ends before it begins");
            }
            if (previous != null && (previous.validTo() == null || e.validFrom() == null || e.validFrom().isBefore(previous.validTo()))) {
                throw new RejectedEventException("unit " + code + ": parentEdges must be ordered by validFrom and must not overlap");
            }
            if (edgesStore.wouldCycle(code, e.parentCode(), e.validFrom(), e.validTo())) {
                throw new RejectedEventException("unit " + code + " cannot have parent " + e.parentCode()
                        + ": that unit is below it, the tree would become a cycle");
            }
            previous = e;
        }
    }

    /**
     * Replaces the unit's edges. For each period, on its tree day, the unit's subtree (which the unit's own edges do not
     * change) is walked up before and after; the units whose ancestors differ move their counts. Cost: the subtree
     * times the periods held, times the depth.
     */
    Set<UnitPeriod> replaceEdges(String code, List<UnitData.ParentEdge> edges, Instant now) {
        periodTrees.ensure(List.of(Indicators.CURRENT));
        Map<String, LocalDate> days = periodTrees.all();
        Map<LocalDate, Set<String>> subtrees = edgesStore.subtrees(List.of(code), days.values());
        List<UnitEdges.UnitDay> pairs = new ArrayList<>();
        subtrees.forEach((day, members) -> members.forEach(x -> pairs.add(new UnitEdges.UnitDay(x, day))));
        Map<UnitEdges.UnitDay, List<String>> before = edgesStore.ancestors(pairs);
        edgesStore.replace(code, edges);
        Map<UnitEdges.UnitDay, List<String>> after = edgesStore.ancestors(pairs);
        Set<UnitPeriod> touched = new TreeSet<>();
        days.forEach((period, day) -> touched.addAll(regroup(period, onDay(before, day), onDay(after, day))));
        touched.addAll(followCurrentTree(List.of(code), now));
        return touched;
    }

    /**
     * Moves the periods whose tree day is behind te's local date to that day (a day has passed, or a new period has
     * begun in another instance's clock): where an edge begins or ends in between, the units whose ancestors differ
     * carry their counts, as an edge change would. A move dated in the future thus takes effect by itself on its day.
     * Returns how many periods moved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int advanceTree() {
        return advanceTree(now());
    }

    /** As {@link #advanceTree()}, as if at {@code now} (a tree day only ever moves forward). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int advanceTree(Instant now) {
        Map<String, LocalDate> held = periodTrees.all();
        if (held.entrySet().stream().noneMatch(e -> UnitTree.treeDay(e.getKey(), now).isAfter(e.getValue()))) return 0;
        tree.exclusive();
        Map<List<LocalDate>, List<String>> steps = new TreeMap<>(Comparator.comparing((List<LocalDate> l) -> l.get(0)).thenComparing(l -> l.get(1)));
        periodTrees.lockAll().forEach((period, day) -> {
            LocalDate target = UnitTree.treeDay(period, now);
            if (target.isAfter(day)) steps.computeIfAbsent(List.of(day, target), k -> new ArrayList<>()).add(period);
        });
        Set<UnitPeriod> touched = new TreeSet<>();
        int moved = 0;
        for (Map.Entry<List<LocalDate>, List<String>> step : steps.entrySet()) {
            LocalDate from = step.getKey().get(0), to = step.getKey().get(1);
            Set<String> changed = edgesStore.changedBetween(from, to);
            if (!changed.isEmpty()) {
                Set<String> affected = new TreeSet<>();
                edgesStore.subtrees(changed, List.of(from, to)).values().forEach(affected::addAll);
                Map<UnitEdges.UnitDay, List<String>> before = edgesStore.ancestors(affected.stream().map(x -> new UnitEdges.UnitDay(x, from)).toList());
                Map<UnitEdges.UnitDay, List<String>> after = edgesStore.ancestors(affected.stream().map(x -> new UnitEdges.UnitDay(x, to)).toList());
                for (String period : step.getValue()) touched.addAll(regroup(period, onDay(before, from), onDay(after, to)));
            }
            for (String period : step.getValue()) periodTrees.set(period, to);
            moved += step.getValue().size();
            if (step.getValue().contains(Indicators.CURRENT) && !changed.isEmpty()) touched.addAll(followCurrentTree(changed, now));
        }
        publisher.rescore(live(touched, now), now);
        return moved;
    }

    private static Map<String, List<String>> onDay(Map<UnitEdges.UnitDay, List<String>> ancestors, LocalDate day) {
        Map<String, List<String>> out = new TreeMap<>();
        ancestors.forEach((k, v) -> { if (k.day().equals(day)) out.put(k.unit(), v); });
        return out;
    }

    /**
     * Moves one period's counts of the units whose ancestors differ between {@code before} and {@code after}: their own
     * counters leave the ancestors they left and join the ones they joined (summable counts directly, distinct-counted
     * items through their references). Units that move together are summed together. The moved units are touched too:
     * their published place changed.
     */
    Set<UnitPeriod> regroup(String period, Map<String, List<String>> before, Map<String, List<String>> after) {
        Map<List<List<String>>, List<String>> moves = new LinkedHashMap<>();
        Set<UnitPeriod> touched = new TreeSet<>();
        before.forEach((unit, was) -> {
            List<String> is = after.getOrDefault(unit, List.of());
            if (was.equals(is)) return;
            List<String> left = was.stream().filter(a -> !is.contains(a)).toList();
            List<String> joined = is.stream().filter(a -> !was.contains(a)).toList();
            moves.computeIfAbsent(List.of(left, joined), k -> new ArrayList<>()).add(unit);
            touched.add(new UnitPeriod(unit, period));
        });
        moves.forEach((move, movers) -> {
            List<String> left = move.get(0), joined = move.get(1);
            Map<CounterKey, Counts> carried = counters.ownSums(movers, period);
            Map<ItemKey, ItemCount> carriedItems = items.ownSums(movers, period);
            touched.addAll(counters.addToPooled(left, carried, -1));
            touched.addAll(counters.apply(Map.of(), pooledChanges(items.applyDirect(at(left, carriedItems, -1)))));
            touched.addAll(counters.addToPooled(joined, carried, +1));
            touched.addAll(counters.apply(Map.of(), pooledChanges(items.applyDirect(at(joined, carriedItems, +1)))));
        });
        return touched;
    }

    /**
     * Keeps the current tree's closure (which the present-state catalogue uses: which procedures each subtree holds)
     * equal to the tree of the present's day: each unit whose parent on that day differs from its current one is moved,
     * and the membership of its subtree's procedures recomputed.
     */
    Set<UnitPeriod> followCurrentTree(Collection<String> codes, Instant now) {
        LocalDate today = periodTrees.days(List.of(Indicators.CURRENT)).get(Indicators.CURRENT);
        Map<UnitEdges.UnitDay, List<String>> now_ = edgesStore.ancestors(codes.stream().map(x -> new UnitEdges.UnitDay(x, today)).toList());
        Set<UnitPeriod> touched = new TreeSet<>();
        for (String code : new TreeSet<>(codes)) {
            List<String> ancestors = now_.get(new UnitEdges.UnitDay(code, today));
            String parent = ancestors.isEmpty() ? null : ancestors.get(0);
            UnitStore.UnitRow row = units.lock(code);
            if (row == null || Objects.equals(row.parentCode(), parent)) continue;
            List<String> subtree = units.subtree(code);
            units.reparent(code, parent);
            touched.addAll(live(counters.apply(Map.of(), remember(catalog.proceduresOfUnits(subtree), now)), now));
        }
        return touched;
    }

    /**
     * Due catalogue checks: a procedure's {@code madePublicAt} has come, so PUBLIC_CONTENT_FULL counts it now at every
     * ancestor whose subtree holds it. Returns the pooled deltas (keyed by the ancestor itself).
     */
    Map<CounterKey, Counts> catalogDue(List<String> codes, Instant now) {
        Map<CounterKey, Counts> out = new TreeMap<>();
        if (codes.isEmpty()) return out;
        Map<String, ProcedureCatalog> held = catalog.lock(codes);
        Map<String, Instant> pending = catalog.nextChecks(codes);
        Map<String, Instant> next = new HashMap<>();
        for (String code : codes) {
            ProcedureCatalog p = held.get(code);
            next.put(code, p == null ? null : p.nextCheckAt(now));
            if (p == null) continue;
            Set<String> members = catalog.members(code);
            catalogChange(code, p.asCounted(pending.get(code), now), members, p, members, now).forEach((k, v) -> out.merge(k, v, Counts::plus));
        }
        catalog.setNextChecks(next);
        return out;
    }

    /** Due unit checks: a commune's {@code eCertifiedCopySince} day has come. Returns the own deltas of E_CERTIFIED_COPY. */
    Map<CounterKey, Counts> unitsDue(List<String> codes, Instant now) {
        Map<CounterKey, Counts> out = new TreeMap<>();
        Map<String, Instant> next = new HashMap<>();
        for (String code : codes) {
            UnitStore.UnitRow row = units.lock(code);
            if (row == null) continue;
            Counts delta = UnitContributions.eCertifiedCopy(row.level(), row.eCertifiedCopySince(), now)
                    .minus(UnitContributions.eCertifiedCopyCounted(row.level(), row.eCertifiedCopySince(), units.nextCheck(code), now));
            if (!delta.isZero()) out.put(new CounterKey(code, Indicators.CURRENT, Indicators.E_CERTIFIED_COPY), delta);
            next.put(code, UnitContributions.eCertifiedCopyNextCheck(row.level(), row.eCertifiedCopySince(), now));
        }
        units.setNextChecks(next);
        return out;
    }

    /** A one-entry map whose value may be null (no check pending). */
    static Map<String, Instant> nullable(String key, Instant value) {
        Map<String, Instant> out = new HashMap<>();
        out.put(key, value);
        return out;
    }

    /**
     * Recomputes the contributions of the (locked) dossiers at {@code now}, stores the changed ones with each dossier's
     * next time-driven check, and returns the counter deltas (new minus old).
     */
    Map<CounterKey, Counts> reevaluate(List<String> codes, Instant now, Map<ItemKey, ItemCount> itemSink) {
        Map<String, FactStore.LoadedDossier> loaded = facts.load(codes);
        Map<String, Map<CounterKey, Counts>> fresh = new HashMap<>();
        Map<String, Map<ItemKey, ItemCount>> freshItems = new HashMap<>();
        Map<String, Instant> next = new HashMap<>();
        for (String code : codes) {
            FactStore.LoadedDossier ld = loaded.get(code);
            Map<CounterKey, Counts> contributions = new TreeMap<>();
            Map<ItemKey, ItemCount> usage = new TreeMap<>();
            Instant nextCheck = null;
            // a dossier counts once its procedure is known; the procedure's arrival makes it due again
            if (ld != null && ld.procedure() != null) {
                contributions = contributionsAt(ld.facts(), ld.procedure(), now, calendars.current(), ld.petitionReceivedAt());
                usage = usageAt(ld.facts(), now);
                nextCheck = DossierTiming.nextCheckAt(ld.facts(), ld.procedure(), now, calendars.current());
                Instant petition = ld.petitionReceivedAt();
                if (petition != null && petition.isAfter(now) && (nextCheck == null || petition.isBefore(nextCheck))) nextCheck = petition;
            }
            next.put(code, nextCheck);
            fresh.put(code, contributions);
            freshItems.put(code, usage);
        }
        facts.setNextChecks(next);
        replaceItems(DOSSIER, freshItems).forEach((k, v) -> itemSink.merge(k, v, ItemCount::plus));
        return replace(DOSSIER, fresh);
    }

    /** The usage items of one dossier at {@code now}: (its unit, period, usage indicator, its procedure) → one reference. */
    public static Map<ItemKey, ItemCount> usageAt(DossierFacts d, Instant now) {
        Map<ItemKey, ItemCount> out = new TreeMap<>();
        for (Period period : DossierContributions.usagePeriods(d, now)) {
            Instant te = period.end().isBefore(now) ? period.end() : now;
            for (String indicator : DossierContributions.usageOf(d, period, te)) {
                out.put(new ItemKey(d.unitCode(), period.key(), indicator, d.procedureCode()), ItemCount.of(false));
            }
        }
        return out;
    }

    /** Everything one dossier contributes at {@code now}, over every period it counts in, keyed by counter. */
    public static Map<CounterKey, Counts> contributionsAt(DossierFacts d, ProcedureFacts p, Instant now, WorkingDayCalendar calendar) {
        return contributionsAt(d, p, now, calendar, null);
    }

    public static Map<CounterKey, Counts> contributionsAt(DossierFacts d, ProcedureFacts p, Instant now, WorkingDayCalendar calendar,
            Instant petitionReceivedAt) {
        Map<CounterKey, Counts> out = new TreeMap<>();
        for (Period period : DossierTiming.periodsOf(d, now)) {
            Instant te = period.end().isBefore(now) ? period.end() : now;
            DossierContributions.contributionsOf(d, p, period, te, calendar, petitionReceivedAt).byIndicator()
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
