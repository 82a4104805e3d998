package dvc766.contracts.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A unit's score for one period under one rule set, as the indicator service published it at {@code asOf}.
 * {@code version} grows by one with each change of this (unit, period, rule set).
 * Ratios are absent when the denominator is 0. {@code parentCode} and {@code ancestors} (nearest first) place the unit in the
 * tree as it stood for this period's evaluation (the tree of te's local date), so rankings follow that tree.
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
        List<Indicator> indicators,
        String parentCode,
        List<String> ancestors) {

    public ScoreData {
        ancestors = ancestors == null ? List.of() : List.copyOf(ancestors);
    }

    /** A score without its place in the tree (a root, as far as this state says). */
    public ScoreData(String unitCode, String period, String ruleSet, OffsetDateTime asOf, OffsetDateTime evaluatedAt, long version,
            BigDecimal total, BigDecimal max, String band, List<Group> groups, List<Indicator> indicators) {
        this(unitCode, period, ruleSet, asOf, evaluatedAt, version, total, max, band, groups, indicators, null, List.of());
    }

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
