package dvc766.indicator.api;

/** How many (unit, period) scores of the rule set were queued; the scheduler recomputes them in small batches. */
public record RecomputeResponse(String ruleSet, int queued) {}
