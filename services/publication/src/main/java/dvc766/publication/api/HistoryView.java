package dvc766.publication.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "History", description = "A unit's current score in every period of a granularity between two periods.")
public record HistoryView(
        @Schema(required = true, description = "The unit's code.") String unitCode,
        @Schema(nullable = true, description = "The unit's name; absent while the unit is not known here.") String name,
        @Schema(required = true, description = "The rule set of the figures.") String ruleSet,
        @Schema(required = true, description = "`month`, `quarter` or `year`.") String granularity,
        @Schema(required = true, description = "The first period of the series.") String from,
        @Schema(required = true, description = "The last period of the series.") String to,
        @Schema(required = true, description = "One point per period, oldest first; a period without a score has no total.")
        List<Point> points) {

    @Schema(name = "HistoryPoint", description = "A period's score; `total` absent (null) when no score is held (no data, not 0).")
    public record Point(
            @Schema(required = true, description = "The period, canonical form.") String period,
            @Schema(nullable = true, description = "Total points; null when the period has no score.") BigDecimal total,
            @Schema(nullable = true, description = "The most points the rule set gives.") BigDecimal max,
            @Schema(nullable = true, description = "The rating band of the total.") String band,
            @Schema(nullable = true, description = "When the indicator service published this score.") OffsetDateTime asOf,
            @Schema(required = true, description = "Points per group; empty when the period has no score.")
            List<ScorecardView.GroupView> groups) {}
}
