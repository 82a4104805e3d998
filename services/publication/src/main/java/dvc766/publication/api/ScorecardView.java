package dvc766.publication.api;

import dvc766.publication.domain.Score;
import dvc766.publication.domain.UnitLevel;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Scorecard", description = "A unit's score for one period under one rule set, as last published by the "
        + "indicator service: total, band, every group and every indicator with its numerator and denominator.")
public record ScorecardView(
        @Schema(required = true, description = "The unit's code.") String unitCode,
        @Schema(nullable = true, description = "The unit's name; absent while the unit is not yet known here.") String name,
        @Schema(nullable = true, description = "The unit's level; absent while the unit is not yet known here.") UnitLevel level,
        @Schema(required = true, description = "The period, canonical form (`2026-11`, `2026-Q4`, `2026`).") String period,
        @Schema(required = true, description = "The rule set that produced these figures.") String ruleSet,
        @Schema(required = true, description = "When the indicator service published this score.") OffsetDateTime asOf,
        @Schema(nullable = true, description = "The evaluation instant: the end of the period, or the time of computation for the current period.") OffsetDateTime evaluatedAt,
        @Schema(required = true, description = "The total points: the sum of the groups' points (exact, not rounded).") BigDecimal total,
        @Schema(nullable = true, description = "The most points the rule set gives.") BigDecimal max,
        @Schema(nullable = true, description = "The rating band of the total, a code of the rule set, e.g. `TOT` (Tốt).") String band,
        @Schema(required = true, description = "Points per indicator group.") List<GroupView> groups,
        @Schema(required = true, description = "Every indicator with the figures behind it.") List<IndicatorView> indicators) {

    @Schema(name = "ScorecardGroup", description = "An indicator group's points.")
    public record GroupView(
            @Schema(required = true, description = "The group's code (index-766), e.g. `TDGQ`.") String code,
            @Schema(nullable = true, description = "Points earned: the sum of the group's indicators' points.") BigDecimal points,
            @Schema(nullable = true, description = "The group's maximum.") BigDecimal max) {}

    @Schema(name = "ScorecardIndicator", description = "One indicator: numerator, denominator, ratio and points.")
    public record IndicatorView(
            @Schema(required = true, description = "The indicator's code (index-766), e.g. `ON_TIME_PROCESSING`.") String code,
            @Schema(nullable = true, description = "The code of the group it belongs to.") String group,
            @Schema(nullable = true, description = "Numerator of the ratio.") BigDecimal numerator,
            @Schema(nullable = true, description = "Denominator of the ratio.") BigDecimal denominator,
            @Schema(nullable = true, description = "numerator / denominator; absent (null) when the denominator is 0.") BigDecimal ratio,
            @Schema(nullable = true, description = "Points earned.") BigDecimal points,
            @Schema(nullable = true, description = "The indicator's maximum.") BigDecimal max,
            @Schema(required = true, description = "Whether the indicator applies at the unit's level.") boolean applicable) {}

    static ScorecardView of(Score s, String name, UnitLevel level) {
        return new ScorecardView(s.unitCode(), name, level, s.period(), s.ruleSet(), s.asOf(), s.evaluatedAt(), s.total(),
                s.max(), s.band(),
                groups(s.groups()),
                s.indicators().stream().map(i -> new IndicatorView(i.code(), i.group(), i.numerator(), i.denominator(),
                        i.ratio(), i.points(), i.max(), i.applicable())).toList());
    }

    static List<GroupView> groups(List<Score.GroupScore> groups) {
        if (groups == null) return List.of();
        return groups.stream().map(g -> new GroupView(g.code(), g.points(), g.max())).toList();
    }
}
