package dvc766.indicator.api;

import java.util.List;

/**
 * A recompute order: optionally only some periods (2026-11, 2026-Q4, 2026) and units; absent or empty: all. Without
 * {@code facts}: the scores of {@code ruleSet} (required) from the counters. With {@code facts: true}: every stored
 * dossier, PAKN and publishing decision of the units' subtrees re-evaluated from its facts, the counters reconciled,
 * the changed scores published under every active rule set (and, when {@code ruleSet} is named, all its scores there).
 */
public record RecomputeRequest(String ruleSet, List<String> periods, List<String> units, Boolean facts) {}
