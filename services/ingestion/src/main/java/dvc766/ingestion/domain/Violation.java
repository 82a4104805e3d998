package dvc766.ingestion.domain;

/** One broken rule: the JSON path of the field in the request, the rule's name, a readable message. */
public record Violation(String field, String rule, String message) {}
