package dvc766.indicator.domain;

/**
 * One problem of a rule set: the JSON path of the element ({@code indicators[3].threshold}), the rule it breaks and a
 * readable message that names the element. Shaped like an API field error so that it maps one to one.
 */
public record RuleSetViolation(String field, String rule, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
