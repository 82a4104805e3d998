package dvc766.indicator.api;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The recompute work still pending: stored objects to re-evaluate by kind, orders from facts whose counters are still
 * to reconcile, scores queued; when the last order was given and finished. {@code pending} is false when all is done.
 */
public record RecomputeStatus(boolean pending, Map<String, Long> objects, long reconciling, long scores, OffsetDateTime lastOrderedAt,
        OffsetDateTime lastFinishedAt) {}
