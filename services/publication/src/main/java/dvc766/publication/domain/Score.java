package dvc766.publication.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A unit's score for one period under one rule set, exactly as the indicator service published it; this service
 * stores and shows it and never recomputes any figure. {@code period} is the canonical key ({@code 2026-11}).
 */
public record Score(
        String unitCode,
        String period,
        String ruleSet,
        long version,
        OffsetDateTime asOf,
        OffsetDateTime evaluatedAt,
        BigDecimal total,
        BigDecimal max,
        String band,
        List<GroupScore> groups,
        List<IndicatorScore> indicators) {

    public record GroupScore(String code, BigDecimal points, BigDecimal max) {}

    /** {@code ratio} is absent when the denominator is 0. */
    public record IndicatorScore(
            String code,
            String group,
            BigDecimal numerator,
            BigDecimal denominator,
            BigDecimal ratio,
            BigDecimal points,
            BigDecimal max,
            boolean applicable) {}
}
