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

    public RangeScores(RangeFacts facts, UnitStore units, RuleSetCatalog ruleSets, CalendarHolder calendar, Clock clock,
            @ConfigProperty(name = "dvc.indicator.range.max-dossiers", defaultValue = "200000") long maxDossiers) {
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
        Set<String> subtree = new HashSet<>(units.subtree(unitCode));
        long count = facts.dossierCount(subtree);
        if (count > maxDossiers) {
            throw ProblemException.unprocessable("range-too-costly", "unit " + unitCode + " holds " + count + " dossiers in its subtree; a date range "
                    + "is computed on demand for at most " + maxDossiers + ": ask a smaller unit, or a month, quarter or year");
        }
        // computed with the rule set's own deadline parameters, as its stored counters are (its deadline profile)
        RuleSet rs = ruleSets.find(ruleSetId).orElseThrow();
        DeadlineProfile profile = DeadlineProfile.of(rs);
        FromScratch.World world = facts.load(subtree, profile.petition(), profile.decision());
        Map<String, Counts> pooled = new TreeMap<>(FromScratch.pooled(world, subtree, range, now, calendar.current()));
        // present-state counts (catalogue, communes) hold in every period, as in the stored scores
        FromScratch.current(world, subtree, now).forEach((k, v) -> pooled.merge(k, v, Counts::plus));
        Score s = Scoring.score(rs, level, pooled, RuleSetCatalog.computed(rs));
        Instant te = range.end().isBefore(now) ? range.end() : now;
        // version 0: computed now, never published
        return new ScoreData(unitCode, range.key(), rs.id(), now.atOffset(ZoneOffset.UTC), te.atOffset(ZoneOffset.UTC), 0, s.total(), s.max(),
                s.band(), s.groups().stream().map(g -> new ScoreData.Group(g.code(), g.points(), g.max())).toList(),
                s.indicators().stream().map(i -> new ScoreData.Indicator(i.code(), i.group(), i.numerator(), i.denominator(), i.ratio(),
                        i.points(), i.max(), i.applicable())).toList());
    }
}
