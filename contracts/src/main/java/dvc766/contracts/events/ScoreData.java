package dvc766.contracts.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A unit's score for one period under one rule set, as the indicator service published it at {@code asOf}.
 * {@code version} grows by one with each change of this (unit, period, rule set).
 * Ratios are absent when the denominator is 0.
 */
public record ScoreData(
        String unitCode,
        String period,
        String ruleSet,
        OffsetDateTime asOf,
        OffsetDateTime evaluatedAt,
        long version,
        BigDecimal total,
        BigDecimal max,
        String band,
        List<Group> groups,
        List<Indicator> indicators) {

    public record Group(String code, BigDecimal points, BigDecimal max) {}

    public record Indicator(
            String code,
            String group,
            BigDecimal numerator,
            BigDecimal denominator,
            BigDecimal ratio,
            BigDecimal points,
            BigDecimal max,
            boolean applicable) {}
}
