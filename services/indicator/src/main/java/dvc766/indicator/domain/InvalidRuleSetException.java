package dvc766.indicator.domain;

import java.util.List;

/** A rule set that cannot be used, with every reason. */
public class InvalidRuleSetException extends RuntimeException {

    private final transient List<RuleSetViolation> violations;

    public InvalidRuleSetException(String ruleSet, List<RuleSetViolation> violations) {
        super("rule set " + ruleSet + " is not valid:\n  - " + String.join("\n  - ", violations.stream().map(RuleSetViolation::toString).toList()));
        this.violations = List.copyOf(violations);
    }

    public static InvalidRuleSetException of(String ruleSet, String field, String rule, String message) {
        return new InvalidRuleSetException(ruleSet, List.of(new RuleSetViolation(field, rule, message)));
    }

    public List<RuleSetViolation> violations() { return violations; }

    /** Each violation as "field: message". */
    public List<String> problems() { return violations.stream().map(RuleSetViolation::toString).toList(); }
}
