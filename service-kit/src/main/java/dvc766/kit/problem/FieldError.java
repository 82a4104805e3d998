package dvc766.kit.problem;

/** One failing field of a request: its JSON path, the rule it broke, and a readable message. */
public record FieldError(String field, String rule, String message) {}
