-- Recompute from facts (POST /api/v1/admin/recompute with "facts": true): the stored objects still to re-evaluate, and
-- the orders, so that an operator (and the benchmark) can see when the work is done.

-- Objects (kind DOSSIER, PETITION, DECISION) to re-evaluate from their stored facts; instances take them in batches
-- with FOR UPDATE SKIP LOCKED, in key order.
CREATE TABLE fact_recompute (
    kind       TEXT NOT NULL,
    object_key TEXT NOT NULL,
    PRIMARY KEY (kind, object_key)
);

-- Every recompute order. A facts order is reconciled once its objects are re-evaluated (counters made equal to the
-- stored contributions of its scope); an order is finished when nothing is left queued.
CREATE TABLE recompute_order (
    id            BIGSERIAL PRIMARY KEY,
    ordered_at    TIMESTAMPTZ NOT NULL,
    ordered_by    TEXT,
    rule_set      TEXT,
    facts         BOOLEAN     NOT NULL,
    periods       TEXT[]      NOT NULL,
    units         TEXT[]      NOT NULL,
    objects       BIGINT      NOT NULL,
    scores        BIGINT      NOT NULL,
    reconciled_at TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ
);
CREATE INDEX recompute_order_open ON recompute_order (id) WHERE finished_at IS NULL;
