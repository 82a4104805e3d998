package dvc766.indicator.domain;

import java.util.Map;

/**
 * Working days for publishing decisions (index-766 §11): signed at least {@code publishBefore} working days before the
 * legal document takes effect; made public within {@code updateAfter} working days of signing. The rule set gives
 * them per kind of authority (PROVINCE 5/5, MINISTRY 20/10); a province's platform uses PROVINCE.
 */
public record DecisionDeadlines(int publishBefore, int updateAfter) {

    public static final String AUTHORITY = "PROVINCE";
    public static final DecisionDeadlines DEFAULT = new DecisionDeadlines(5, 5);

    public static DecisionDeadlines of(RuleSet.Deadlines d) {
        if (d == null) return DEFAULT;
        return new DecisionDeadlines(get(d.publishWorkingDaysBeforeEffective(), DEFAULT.publishBefore),
                get(d.publicUpdateWorkingDaysAfterSigning(), DEFAULT.updateAfter));
    }

    /** The profile's name in counter codes: the two parameters, e.g. {@code D3-3}. */
    public String profile() {
        return "D" + publishBefore + "-" + updateAfter;
    }

    /**
     * The counter code of a decision indicator under these deadlines: both depend on them and are kept per profile
     * ({@code PUBLISH_ON_TIME@D3-3}); the standard deadlines keep the plain code.
     */
    public String counterCode(String indicator) {
        return Indicators.DECISION.contains(indicator) && !equals(DEFAULT) ? indicator + "@" + profile() : indicator;
    }

    private static int get(Map<String, Integer> byAuthority, int fallback) {
        if (byAuthority == null) return fallback;
        Integer v = byAuthority.get(AUTHORITY);
        return v == null ? fallback : v;
    }
}
