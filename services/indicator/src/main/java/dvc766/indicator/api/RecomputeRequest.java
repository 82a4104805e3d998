package dvc766.indicator.api;

import java.util.List;

/** A recompute order: a rule set, optionally only some periods (2026-11, 2026-Q4, 2026) and units; absent or empty: all. */
public record RecomputeRequest(String ruleSet, List<String> periods, List<String> units) {}
