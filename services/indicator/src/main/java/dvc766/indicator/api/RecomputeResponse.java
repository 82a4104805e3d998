package dvc766.indicator.api;

import java.util.Map;

/**
 * What an order queued: (unit, period) scores of the rule set, and, for an order from facts, the stored objects to
 * re-evaluate by kind (DOSSIER, PETITION, DECISION). The scheduler works them off in batches.
 */
public record RecomputeResponse(String ruleSet, long queued, Map<String, Long> objects) {}
