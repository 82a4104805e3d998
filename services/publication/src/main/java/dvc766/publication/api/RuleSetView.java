package dvc766.publication.api;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RuleSet", description = "A rule set that published scores carry: its groups with their maxima, how many "
        + "indicators, and the names of its bands.")
public record RuleSetView(
        @Schema(required = true, description = "The rule set's id, e.g. `dvcqg-2026`.") String id,
        @Schema(required = true, description = "Whether the public API uses it when a request names none.") boolean defaultRuleSet,
        @Schema(required = true, description = "The groups, by code.") List<Group> groups,
        @Schema(required = true, description = "How many indicators its scores carry.") int indicatorCount,
        @Schema(required = true, description = "Band codes with their Vietnamese names, best first.") List<Band> bands) {

    @Schema(name = "RuleSetGroup", description = "A group of indicators.")
    public record Group(
            @Schema(required = true, description = "The group's code (index-766), e.g. `TDGQ`.") String code,
            @Schema(required = true, description = "The group's Vietnamese name.") String name,
            @Schema(nullable = true, description = "The group's maximum points.") BigDecimal max) {}

    @Schema(name = "RuleSetBand", description = "A rating band.")
    public record Band(
            @Schema(required = true, description = "The band's code, e.g. `TOT`.") String code,
            @Schema(required = true, description = "The band's Vietnamese name, e.g. `Tốt`.") String name) {}

    @Schema(name = "IndicatorDefinition", description = "An indicator of a rule set as its published scores carry it.")
    public record Indicator(
            @Schema(required = true, description = "The rule set.") String ruleSet,
            @Schema(required = true, description = "The indicator's code (index-766), e.g. `ON_TIME_PROCESSING`.") String code,
            @Schema(nullable = true, description = "The code of its group.") String group,
            @Schema(required = true, description = "The indicator's Vietnamese name (its code when none is known).") String name,
            @Schema(nullable = true, description = "Its maximum points; 0 for an indicator shown without points.") BigDecimal max) {}
}
