package dvc766.indicator.api;

import dvc766.common.period.Period;
import dvc766.contracts.events.ScoreData;
import dvc766.indicator.config.CalendarHolder;
import dvc766.indicator.config.RuleSetCatalog;
import dvc766.indicator.domain.Counts;
import dvc766.indicator.domain.DeadlineProfile;
import dvc766.indicator.domain.FromScratch;
import dvc766.indicator.domain.RuleSet;
import dvc766.indicator.domain.Score;
import dvc766.indicator.domain.Scoring;
import dvc766.indicator.store.RangeFacts;
import dvc766.indicator.store.UnitStore;
import dvc766.indicator.store.UnitEdges;
import dvc766.indicator.domain.UnitTree;
import java.time.LocalDate;
import dvc766.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A unit's score over any date range, computed on demand from the facts of its subtree with the engine's own
 * contribution functions (FromScratch) at {@code te = min(range end, now)}: exact, never stored nor published.
 */
@ApplicationScoped
public class RangeScores {

    /** Longest range computed on demand, in days. */
    public static final int MAX_DAYS = 366;

    private final RangeFacts facts;
    private final UnitStore units;
    private final RuleSetCatalog ruleSets;
    private final CalendarHolder calendar;
    private final Clock clock;
    private final long maxDossiers;

    private final UnitEdges edges;

    public RangeScores(RangeFacts facts, UnitStore units, RuleSetCatalog ruleSets, CalendarHolder calendar, Clock clock,
            @ConfigProperty(name = "dvc.indicator.range.max-dossiers", defaultValue = "200000") long maxDossiers, UnitEdges edges) {
        this.edges = edges;
        this.facts = facts;
        this.units = units;
        this.ruleSets = ruleSets;
        this.calendar = calendar;
        this.clock = clock;
        this.maxDossiers = maxDossiers;
    }

    public ScoreData score(String unitCode, Period range, String ruleSetId) {
        Instant now = clock.instant();
        String level = units.levels(List.of(unitCode)).get(unitCode);
        if (level == null) throw ProblemException.notFound("no unit " + unitCode);
        // the facts pool over the tree of the range's last day (or today); the catalogue over today's tree
        LocalDate day = UnitTree.treeDay(range.key(), now);
        Set<String> subtree = edges.subtree(unitCode, day);
        List<String> ancestors = edges.ancestors(List.of(new UnitEdges.UnitDay(unitCode, day))).get(new UnitEdges.UnitDay(unitCode, day));
        Set<String> currentSubtree = new HashSet<>(units.subtree(unitCode));
        Set<String> both = new HashSet<>(subtree);
        both.addAll(currentSubtree);
        long count = facts.dossierCount(subtree);
        if (count > maxDossiers) {
            throw ProblemException.unprocessable("range-too-costly", "unit " + unitCode + " holds " + count + " dossiers in its subtree; a date range "
                    + "is computed on demand for at most " + maxDossiers + ": ask a smaller unit, or a month, quarter or year");
        }
        // computed with the rule set's own deadline parameters, as its stored counters are (its deadline profile)
        RuleSet rs = ruleSets.find(ruleSetId).orElseThrow();
        DeadlineProfile profile = DeadlineProfile.of(rs);
        FromScratch.World world = facts.load(both, profile.petition(), profile.decision());
        Map<String, Counts> pooled = new TreeMap<>(FromScratch.pooled(world, subtree, currentSubtree, range, now, calendar.current()));
        // present-state counts (catalogue, communes) hold in every period, as in the stored scores
        FromScratch.current(world, currentSubtree, now).forEach((k, v) -> pooled.merge(k, v, Counts::plus));
        Score s = Scoring.score(rs, level, pooled, RuleSetCatalog.computed(rs));
        Instant te = range.end().isBefore(now) ? range.end() : now;
        // version 0: computed now, never published
        return new ScoreData(unitCode, range.key(), rs.id(), now.atOffset(ZoneOffset.UTC), te.atOffset(ZoneOffset.UTC), 0, s.total(), s.max(),
                s.band(), s.groups().stream().map(g -> new ScoreData.Group(g.code(), g.points(), g.max())).toList(),
                s.indicators().stream().map(i -> new ScoreData.Indicator(i.code(), i.group(), i.numerator(), i.denominator(), i.ratio(),
                        i.points(), i.max(), i.applicable())).toList(), parent(ancestors), ancestors);
    }

    private static String parent(List<String> ancestors) {
        return ancestors.isEmpty() ? null : ancestors.get(0);
    }
}
