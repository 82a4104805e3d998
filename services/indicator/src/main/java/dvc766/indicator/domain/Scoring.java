package dvc766.indicator.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a unit's pooled counts into points under a rule set (index-766 §2, §3, §8, §11 "Points"): linear or threshold
 * rules, {@code whenEmpty} for an empty denominator, {@code notApplicable} for the unit's level, group and total sums,
 * the rating band. Constant work per indicator.
 */
public final class Scoring {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private Scoring() {}

    /**
     * @param level the unit's level (PROVINCE, DEPARTMENT, …)
     * @param pooled the unit's counts pooled over its subtree, by counter code: the four deadline-dependent indicators are
     *     read from the counters of the rule set's deadline profile ({@link DeadlineProfile#select})
     * @param computed the indicators the engine computes; the others are left out of the score, its total and its max
     */
    public static Score score(RuleSet rs, String level, Map<String, Counts> counters, Set<String> computed) {
        Map<String, Counts> pooled = DeadlineProfile.of(rs).select(counters);
        List<Score.IndicatorScore> indicators = new ArrayList<>();
        Map<String, BigDecimal[]> groups = new LinkedHashMap<>();
        for (RuleSet.Group g : rs.groups()) groups.put(g.code(), null);
        for (RuleSet.IndicatorDef ind : rs.indicators()) {
            if (!computed.contains(ind.code())) continue;
            Score.IndicatorScore s = indicator(rs, ind, level, pooled);
            indicators.add(s);
            BigDecimal[] sum = groups.get(ind.group());
            if (sum == null) groups.put(ind.group(), sum = new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(s.points());
            sum[1] = sum[1].add(s.max());
        }
        List<Score.GroupScore> groupScores = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal[]> g : groups.entrySet()) {
            if (g.getValue() == null) continue;
            groupScores.add(new Score.GroupScore(g.getKey(), Decimals.plain(g.getValue()[0]), Decimals.plain(g.getValue()[1])));
            total = total.add(g.getValue()[0]);
            max = max.add(g.getValue()[1]);
        }
        return new Score(rs.id(), Decimals.plain(total), Decimals.plain(max), band(rs, total, max), List.copyOf(groupScores),
                List.copyOf(indicators));
    }

    static Score.IndicatorScore indicator(RuleSet rs, RuleSet.IndicatorDef ind, String level, Map<String, Counts> pooled) {
        Counts c = pooled.getOrDefault(ind.code(), Counts.ZERO);
        boolean applicable = ind.appliesTo(level);
        boolean empty = c.denominator() == 0;
        BigDecimal den = BigDecimal.valueOf(c.denominator());
        BigDecimal num;
        // the ratio as a fraction rn / rd, divided once at the end so that nothing is rounded twice
        BigDecimal rn;
        BigDecimal rd;
        if (ind.measureOrDefault() == RuleSet.Measure.MEAN_HOURS) {
            num = Decimals.divide(BigDecimal.valueOf(c.numerator()), SECONDS_PER_HOUR);
            rn = BigDecimal.valueOf(c.numerator());
            rd = den.multiply(SECONDS_PER_HOUR);
        } else {
            num = BigDecimal.valueOf(c.numerator());
            rn = num;
            rd = den;
            if (ind.ratioTimes() != null) {
                Counts other = pooled.getOrDefault(ind.ratioTimes(), Counts.ZERO);
                if (other.denominator() > 0) {
                    rn = rn.multiply(BigDecimal.valueOf(other.numerator()));
                    rd = rd.multiply(BigDecimal.valueOf(other.denominator()));
                } else if (rs.whenEmpty() != RuleSet.Policy.FULL) {
                    rn = BigDecimal.ZERO;
                }
            }
        }
        BigDecimal ratio = empty ? null : Decimals.divide(rn, rd);
        BigDecimal max = ind.max();
        BigDecimal points;
        if (ind.rule() == RuleSet.Rule.SHOWN) {
            points = BigDecimal.ZERO;
            max = BigDecimal.ZERO;
        } else if (!applicable || empty) {
            RuleSet.Policy policy = !applicable ? rs.notApplicable() : rs.whenEmpty();
            switch (policy) {
                case FULL -> points = max;
                case ZERO -> points = BigDecimal.ZERO;
                default -> {
                    points = BigDecimal.ZERO;
                    max = BigDecimal.ZERO;
                }
            }
        } else if (ind.rule() == RuleSet.Rule.THRESHOLD) {
            BigDecimal needed = ind.threshold().multiply(rd);
            points = rn.compareTo(needed) >= 0 ? max : Decimals.divide(max.multiply(rn), needed);
        } else {
            points = Decimals.divide(max.multiply(rn), rd);
        }
        return new Score.IndicatorScore(ind.code(), ind.group(), Decimals.plain(num), Decimals.plain(den), ratio,
                Decimals.plain(points), Decimals.plain(max), applicable);
    }

    /** The first band, from the top, whose cut-off the total reaches, as a percentage of the maximum. */
    static String band(RuleSet rs, BigDecimal total, BigDecimal max) {
        BigDecimal percent = max.signum() == 0 ? BigDecimal.valueOf(100) : Decimals.percent(total, max);
        for (RuleSet.Band b : rs.bands()) {
            if (percent.compareTo(b.minPercent()) >= 0) return b.code();
        }
        return rs.bands().get(rs.bands().size() - 1).code();
    }
}
