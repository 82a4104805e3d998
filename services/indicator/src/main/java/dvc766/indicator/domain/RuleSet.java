package dvc766.indicator.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned rule set (index-766 §9): groups, indicators with their points and scoring rule, applicability per unit
 * level, what an empty or not-applicable indicator is worth, rating bands and deadline parameters. Pure data; it is
 * loaded from JSON and checked by {@link RuleSetValidator} before use. {@code max} is the declared total (100 for the
 * portal's index): the groups' maxima must add up to it.
 */
public record RuleSet(
        String id,
        int version,
        String name,
        String description,
        List<String> levels,
        Policy whenEmpty,
        Policy notApplicable,
        List<Group> groups,
        List<IndicatorDef> indicators,
        List<Band> bands,
        Deadlines deadlines,
        BigDecimal max) {

    /** What an indicator is worth when its denominator is 0 or when it does not apply at the unit's level. */
    public enum Policy {
        /** Full points (the portal's practice). */
        FULL,
        /** Zero points, the indicator's max still counts. */
        ZERO,
        /** Left out: neither points nor max count. */
        EXCLUDE
    }

    public enum Rule {
        /** points = max × ratio */
        LINEAR,
        /** points = max × min(1, ratio / threshold) */
        THRESHOLD,
        /** computed and published, worth no points */
        SHOWN
    }

    public enum Measure {
        /** numerator / denominator */
        RATIO,
        /** numerator is a sum of seconds, the figure is the mean in hours */
        MEAN_HOURS
    }

    public record Group(String code, String name, BigDecimal max) {}

    /**
     * One indicator. {@code levels} lists the unit levels where it applies (absent: all of the rule set's levels);
     * {@code ratioTimes} names an indicator whose ratio multiplies this one's (ONLINE_DOSSIER_RATE × DOSSIER_SYNC).
     */
    public record IndicatorDef(
            String code,
            String group,
            String name,
            BigDecimal max,
            Rule rule,
            BigDecimal threshold,
            List<String> levels,
            Measure measure,
            String ratioTimes) {

        public boolean appliesTo(String level) { return levels == null || levels.contains(level); }

        public Measure measureOrDefault() { return measure == null ? Measure.RATIO : measure; }
    }

    /** A rating band: a total of at least {@code minPercent} % of the maximum earns it. */
    public record Band(String code, String name, BigDecimal minPercent) {}

    /** Deadline parameters in working days (index-766 §11, publishing decisions and PAKN). */
    public record Deadlines(
            Map<String, Integer> publishWorkingDaysBeforeEffective,
            Map<String, Integer> publicUpdateWorkingDaysAfterSigning,
            int petitionAnswerWorkingDays,
            int petitionRefusalWorkingDays,
            int petitionInfoRequestWorkingDays,
            int petitionPublishAnswerWorkingDays) {}

    public Optional<IndicatorDef> indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
