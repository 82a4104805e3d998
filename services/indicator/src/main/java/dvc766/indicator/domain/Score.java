package dvc766.indicator.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A unit's score for one period under one rule set, from its pooled counts. Every figure keeps its numerator and
 * denominator so that anyone can check it; {@code ratio} is absent when the denominator is 0.
 */
public record Score(
        String ruleSet,
        BigDecimal total,
        BigDecimal max,
        String band,
        List<GroupScore> groups,
        List<IndicatorScore> indicators) {

    public record GroupScore(String code, BigDecimal points, BigDecimal max) {}

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
