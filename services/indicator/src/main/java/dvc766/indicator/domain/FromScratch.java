package dvc766.indicator.domain;

import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.common.period.Period;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Recomputation from the facts alone, with the same contribution functions as the incremental path: the counts of a
 * unit for a period are computed over every object of its subtree at {@code te = min(pe, now)}, the subtree as the
 * dated tree stood on te's local date. The incremental counters must equal this whenever no time-driven check is
 * pending. The deadline-dependent counts are keyed by the world's deadline profile
 * ({@link PetitionDeadlines#counterCode}, {@link DecisionDeadlines#counterCode}), as the engine keys them.
 */
public final class FromScratch {

    private FromScratch() {}

    /** Every fact the engine holds. */
    public record World(Collection<DossierFacts> dossiers, Map<String, ProcedureFacts> procedures, Collection<PetitionFacts> petitions,
            PetitionDeadlines petitionDeadlines, Collection<DecisionFacts> decisions, DecisionDeadlines decisionDeadlines,
            Map<String, ProcedureCatalog> catalog, Map<String, UnitFacts> units) {

        public World(Collection<DossierFacts> dossiers, Map<String, ProcedureFacts> procedures) {
            this(dossiers, procedures, List.of(), PetitionDeadlines.DEFAULT, List.of(), DecisionDeadlines.DEFAULT, Map.of(), Map.of());
        }

        public World(Collection<DossierFacts> dossiers, Map<String, ProcedureFacts> procedures, Collection<PetitionFacts> petitions,
                PetitionDeadlines petitionDeadlines, Collection<DecisionFacts> decisions, DecisionDeadlines decisionDeadlines) {
            this(dossiers, procedures, petitions, petitionDeadlines, decisions, decisionDeadlines, Map.of(), Map.of());
        }

        /** The receipt of the earliest PAKN naming each dossier. */
        Map<String, Instant> petitionReceipts() {
            Map<String, Instant> out = new HashMap<>();
            for (PetitionFacts p : petitions) {
                if (p.dossierCode() != null && p.receivedAt() != null) out.merge(p.dossierCode(), p.receivedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
            return out;
        }
    }

    /** A unit's level and the day it began to offer electronic certified copies. */
    public record UnitFacts(String level, java.time.LocalDate eCertifiedCopySince) {}

    /**
     * The present-state counts of a subtree (period {@code *}): each procedure of the subtree once (catalogue indicators
     * and usage denominators), each commune once (E_CERTIFIED_COPY).
     */
    public static Map<String, Counts> current(World w, Set<String> subtree, Instant now) {
        Map<String, Counts> out = new TreeMap<>();
        for (ProcedureCatalog p : w.catalog().values()) {
            if (p.unitCodes().stream().noneMatch(subtree::contains)) continue;
            p.counts(now).forEach((k, v) -> out.merge(k, v, Counts::plus));
        }
        w.units().forEach((code, u) -> {
            if (subtree.contains(code)) out.merge(Indicators.E_CERTIFIED_COPY, UnitContributions.eCertifiedCopy(u.level(), u.eCertifiedCopySince(), now), Counts::plus);
        });
        out.values().removeIf(Counts::isZero);
        return out;
    }

    /**
     * @param subtree the unit and every unit below it
     * @param period a period that has started ({@code ps ≤ now})
     */
    public static Map<String, Counts> pooled(Collection<DossierFacts> dossiers, Map<String, ProcedureFacts> procedures,
            Set<String> subtree, Period period, Instant now, WorkingDayCalendar calendar) {
        return pooled(new World(dossiers, procedures), subtree, period, now, calendar);
    }

    public static Map<String, Counts> pooled(World w, Set<String> subtree, Period period, Instant now, WorkingDayCalendar calendar) {
        return pooled(w, subtree, subtree, period, now, calendar);
    }

    /**
     * The unit's counts for the period under the dated tree: {@code subtree} is the unit and every unit below it on the
     * period's tree day ({@link UnitTree#treeDay}), which the facts pool over; {@code currentSubtree} is the same in
     * today's tree, which decides which procedures the subtree holds (the catalogue is present state).
     */
    public static Map<String, Counts> pooled(World w, Set<String> subtree, Set<String> currentSubtree, Period period, Instant now,
            WorkingDayCalendar calendar) {
        Instant te = period.end().isBefore(now) ? period.end() : now;
        Map<String, Counts> out = new TreeMap<>();
        Map<String, Instant> petitionReceipts = w.petitionReceipts();
        for (DossierFacts d : w.dossiers()) {
            if (!subtree.contains(d.unitCode())) continue;
            ProcedureFacts p = w.procedures().get(d.procedureCode());
            // the engine counts a dossier once its procedure is known
            if (p == null) continue;
            DossierContributions.contributionsOf(d, p, period, te, calendar, petitionReceipts.get(d.code())).byIndicator()
                    .forEach((k, v) -> out.merge(k, v, Counts::plus));
        }
        for (PetitionFacts p : w.petitions()) {
            if (!subtree.contains(p.unitCode())) continue;
            PetitionTiming.contributionsOf(p, period, te, w.petitionDeadlines(), calendar).byIndicator()
                    .forEach((k, v) -> out.merge(w.petitionDeadlines().counterCode(k), v, Counts::plus));
        }
        // distinct-counted: a procedure counts once in the subtree, and fails if any object fails it
        Map<String, Map<String, ItemCount>> items = new TreeMap<>();
        for (DecisionFacts d : w.decisions()) {
            if (!subtree.contains(d.unitCode())) continue;
            DecisionContributions.itemsOf(d, period, te, w.decisionDeadlines(), calendar).forEach((indicator, byItem) ->
                    byItem.forEach((item, c) -> items.computeIfAbsent(w.decisionDeadlines().counterCode(indicator), k -> new TreeMap<>()).merge(item, c, ItemCount::plus)));
        }
        items.forEach((indicator, byItem) -> byItem.values().forEach(c -> out.merge(indicator, ItemCount.change(ItemCount.ZERO, c), Counts::plus)));
        // usage numerators: procedures of the subtree, with the feature, having a qualifying dossier of the subtree
        Map<String, Set<String>> used = new TreeMap<>();
        for (DossierFacts d : w.dossiers()) {
            if (!subtree.contains(d.unitCode()) || !w.procedures().containsKey(d.procedureCode())) continue;
            for (String indicator : DossierContributions.usageOf(d, period, te)) {
                used.computeIfAbsent(indicator, k -> new java.util.TreeSet<>()).add(d.procedureCode());
            }
        }
        used.forEach((indicator, procedures) -> {
            for (String code : procedures) {
                ProcedureCatalog p = w.catalog().get(code);
                if (p != null && p.gate(indicator) && p.unitCodes().stream().anyMatch(currentSubtree::contains)) {
                    out.merge(indicator, new Counts(1, 0), Counts::plus);
                }
            }
        });
        out.values().removeIf(Counts::isZero);
        return out;
    }
}
