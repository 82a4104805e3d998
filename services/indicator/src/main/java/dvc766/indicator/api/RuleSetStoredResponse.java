package dvc766.indicator.api;

/** What {@code PUT /api/v1/admin/rulesets/{id}} did: CREATED, UPDATED or UNCHANGED, and how many scores it queued for recomputation. */
public record RuleSetStoredResponse(String id, int version, String effect, int recomputeQueued) {}
