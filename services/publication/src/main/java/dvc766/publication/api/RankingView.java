package dvc766.publication.api;

import dvc766.publication.domain.UnitLevel;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Ranking", description = "Scored units ranked by total, highest first; equal totals share a rank. Units "
        + "under the filter without a score for the period are listed apart in `noData` (no data is not a total of 0).")
public record RankingView(
        @Schema(required = true, description = "The period, canonical form.") String period,
        @Schema(nullable = true, description = "The level ranked; absent when the request named none (all levels).") UnitLevel level,
        @Schema(nullable = true, description = "The unit within which units are ranked (at any depth); absent when the request named none.") String parent,
        @Schema(required = true, description = "The rule set of the totals.") String ruleSet,
        @Schema(required = true, description = "How many units are ranked in all (every page).") int count,
        @Schema(required = true, description = "Items skipped before this page.") int offset,
        @Schema(required = true, description = "Largest number of items on this page (after clamping).") int limit,
        @Schema(required = true, description = "The ranked units of this page.") List<Item> items,
        @Schema(required = true, description = "Units under the filter without a score for the period, by name.") List<NoData> noData) {

    @Schema(name = "RankingItem", description = "A unit's place in the ranking.")
    public record Item(
            @Schema(required = true, description = "1 for the highest total; equal totals share a rank (1, 2, 2, 4).") int rank,
            @Schema(required = true, description = "The unit's code.") String unitCode,
            @Schema(nullable = true, description = "The unit's name.") String name,
            @Schema(required = true, description = "The unit's total points (exact).") BigDecimal total,
            @Schema(nullable = true, description = "The rating band of the total.") String band,
            @Schema(nullable = true, description = "Total minus the same unit's total in the previous period of the same kind; "
                    + "absent when that total is unknown.") BigDecimal change,
            @Schema(required = true, description = "Points per indicator group, as on the unit's scorecard.")
            List<ScorecardView.GroupView> groups) {}

    @Schema(name = "RankingNoData", description = "A unit with no score for the period: not ranked, and not a total of 0.")
    public record NoData(
            @Schema(required = true, description = "The unit's code.") String unitCode,
            @Schema(nullable = true, description = "The unit's name.") String name) {}
}
