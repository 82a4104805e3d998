package dvc766.indicator.api;

import dvc766.indicator.domain.RuleSet;
import java.math.BigDecimal;
import java.util.List;

/** A rule set as loaded, and which of its indicators the engine computes today (the others are not in scores yet). */
public record RuleSetResponse(
        String id,
        int version,
        String name,
        String description,
        List<String> levels,
        RuleSet.Policy whenEmpty,
        RuleSet.Policy notApplicable,
        List<RuleSet.Group> groups,
        List<RuleSet.IndicatorDef> indicators,
        List<RuleSet.Band> bands,
        RuleSet.Deadlines deadlines,
        BigDecimal max,
        List<String> computedIndicators) {

    static RuleSetResponse of(RuleSet rs, List<String> computed) {
        return new RuleSetResponse(rs.id(), rs.version(), rs.name(), rs.description(), rs.levels(), rs.whenEmpty(), rs.notApplicable(),
                rs.groups(), rs.indicators(), rs.bands(), rs.deadlines(), rs.max(), computed);
    }
}
