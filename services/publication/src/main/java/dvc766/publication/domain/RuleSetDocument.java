package dvc766.publication.domain;

import java.time.OffsetDateTime;

/** A rule set as the indicator service stored it: id, version and the whole document as JSON text. */
public record RuleSetDocument(String id, int version, String json, OffsetDateTime storedAt) {}
