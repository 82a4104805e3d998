package dvc766.publication.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RuleSet", description = "A rule set: its groups with their maxima, how many indicators, its bands and, once "
        + "the indicator service's document of it has arrived, its version, name, levels, policies, band cut-offs and "
        + "deadline parameters (null until then: only what the published scores carry is known).")
public record RuleSetView(
        @Schema(required = true, description = "The rule set's id, e.g. `dvcqg-2026`.") String id,
        @Schema(required = true, description = "Whether the public API uses it when a request names none.") boolean defaultRuleSet,
        @Schema(required = true, description = "The groups, in the document's order (by code when only scores are known).") List<Group> groups,
        @Schema(required = true, description = "How many indicators it has (its scores carry, when no document is held).") int indicatorCount,
        @Schema(required = true, description = "Band codes with their Vietnamese names, best first.") List<Band> bands,
        @Schema(nullable = true, description = "The version of the document held.") Integer version,
        @Schema(nullable = true, description = "The rule set's name.") String name,
        @Schema(nullable = true, description = "What the rule set is.") String description,
        @Schema(nullable = true, description = "The declared total, the sum of the groups' maxima (100 for the portal's index).") BigDecimal max,
        @Schema(nullable = true, description = "Unit levels the rule set scores.") List<String> levels,
        @Schema(nullable = true, description = "What an indicator with a denominator of 0 is worth: `FULL`, `ZERO` or `EXCLUDE` "
                + "(left out, its maximum too).") String whenEmpty,
        @Schema(nullable = true, description = "What an indicator that does not apply at the unit's level is worth: `FULL`, "
                + "`ZERO` or `EXCLUDE`.") String notApplicable,
        @Schema(nullable = true, description = "Deadline parameters in working days (index-766 §11).") Deadlines deadlines,
        @Schema(nullable = true, description = "When the indicator service stored this version.") OffsetDateTime storedAt) {

    @Schema(name = "RuleSetGroup", description = "A group of indicators.")
    public record Group(
            @Schema(required = true, description = "The group's code (index-766), e.g. `TDGQ`.") String code,
            @Schema(required = true, description = "The group's Vietnamese name.") String name,
            @Schema(nullable = true, description = "The group's maximum points.") BigDecimal max) {}

    @Schema(name = "RuleSetBand", description = "A rating band.")
    public record Band(
            @Schema(required = true, description = "The band's code, e.g. `TOT`.") String code,
            @Schema(required = true, description = "The band's Vietnamese name, e.g. `Tốt`.") String name,
            @Schema(nullable = true, description = "A total of at least this percentage of the maximum earns the band, e.g. 80 "
                    + "(null until the rule set's document has arrived).") BigDecimal minPercent) {}

    @Schema(name = "RuleSetDeadlines", description = "Deadline parameters in working days.")
    public record Deadlines(
            @Schema(nullable = true, description = "Working days before its effective date by which a procedure must be "
                    + "published, by the publishing body's level.") Map<String, Integer> publishWorkingDaysBeforeEffective,
            @Schema(nullable = true, description = "Working days after signing by which a published procedure must be on the "
                    + "national database, by level.") Map<String, Integer> publicUpdateWorkingDaysAfterSigning,
            @Schema(nullable = true, description = "Working days to answer a PAKN.") Integer petitionAnswerWorkingDays,
            @Schema(nullable = true, description = "Working days to refuse a PAKN.") Integer petitionRefusalWorkingDays,
            @Schema(nullable = true, description = "Working days to ask for more information on a PAKN.") Integer petitionInfoRequestWorkingDays,
            @Schema(nullable = true, description = "Working days to publish a PAKN's answer.") Integer petitionPublishAnswerWorkingDays) {}

    @Schema(name = "IndicatorDefinition", description = "An indicator of a rule set. Its scoring fields are null until the "
            + "rule set's document has arrived (only what the published scores carry is known then).")
    public record Indicator(
            @Schema(required = true, description = "The rule set.") String ruleSet,
            @Schema(required = true, description = "The indicator's code (index-766), e.g. `ON_TIME_PROCESSING`.") String code,
            @Schema(nullable = true, description = "The code of its group.") String group,
            @Schema(required = true, description = "The indicator's Vietnamese name (its code when none is known).") String name,
            @Schema(nullable = true, description = "Its maximum points; 0 for an indicator shown without points.") BigDecimal max,
            @Schema(nullable = true, description = "How its points are computed: `LINEAR` (max × ratio), `THRESHOLD` "
                    + "(max × min(1, ratio / threshold)) or `SHOWN` (published, worth no points).") String rule,
            @Schema(nullable = true, description = "The ratio earning full points under `THRESHOLD`, e.g. 0.90.") BigDecimal threshold,
            @Schema(nullable = true, description = "Unit levels where it applies; null: every level of the rule set.") List<String> levels,
            @Schema(nullable = true, description = "`RATIO` (numerator / denominator) or `MEAN_HOURS` (mean time in hours).") String measure,
            @Schema(nullable = true, description = "An indicator whose ratio multiplies this one's, e.g. `DOSSIER_SYNC`.") String ratioTimes) {

        /** An indicator known only from the scores. */
        static Indicator fromScores(String ruleSet, String code, String group, String name, BigDecimal max) {
            return new Indicator(ruleSet, code, group, name, max, null, null, null, null, null);
        }
    }
}
