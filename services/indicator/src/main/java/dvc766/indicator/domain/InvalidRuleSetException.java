package dvc766.indicator.domain;

import java.util.List;

/** A rule set that cannot be used, with every reason. */
public class InvalidRuleSetException extends RuntimeException {

    private final transient List<String> problems;

    public InvalidRuleSetException(String ruleSet, List<String> problems) {
        super("rule set " + ruleSet + " is not valid:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() { return problems; }
}
