package dvc766.indicator.domain;

import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.common.period.Period;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Recomputation from the facts alone, with the same contribution function as the incremental path: the counts of a
 * unit for a period are the sum, over every dossier of its subtree, of what that dossier contributes at
 * {@code te = min(pe, now)}. The incremental counters must equal this whenever no time-driven check is pending.
 */
public final class FromScratch {

    private FromScratch() {}

    /**
     * @param subtree the unit and every unit below it
     * @param period a period that has started ({@code ps ≤ now})
     */
    public static Map<String, Counts> pooled(Collection<DossierFacts> dossiers, Map<String, ProcedureFacts> procedures,
            Set<String> subtree, Period period, Instant now, WorkingDayCalendar calendar) {
        Instant te = period.end().isBefore(now) ? period.end() : now;
        Map<String, Counts> out = new TreeMap<>();
        for (DossierFacts d : dossiers) {
            if (!subtree.contains(d.unitCode())) continue;
            ProcedureFacts p = procedures.get(d.procedureCode());
            // the engine counts a dossier once its procedure is known
            if (p == null) continue;
            DossierContributions.contributionsOf(d, p, period, te, calendar).byIndicator()
                    .forEach((k, v) -> out.merge(k, v, Counts::plus));
        }
        out.values().removeIf(Counts::isZero);
        return out;
    }
}
