-- Rule sets are data (index-766 §9): the version in force per id, every version ever stored, and the queue of scores
-- to recompute after a rule set was stored or an administrator asked for it.

CREATE SEQUENCE rule_set_revision;

-- The rule set in force per id. bundled: seeded from the service's rulesets/<id>.json (an administrator's PUT clears
-- it, and a bundled file never overwrites an administrator's version). revision grows with every store, across ids,
-- so that an instance notices a change with one cheap query.
CREATE TABLE rule_set (
    id        TEXT PRIMARY KEY,
    version   INT         NOT NULL,
    bundled   BOOLEAN     NOT NULL,
    document  JSONB       NOT NULL,
    revision  BIGINT      NOT NULL DEFAULT nextval('rule_set_revision'),
    stored_at TIMESTAMPTZ NOT NULL,
    stored_by TEXT
);

-- Every document stored, never updated (audit of who changed what when).
CREATE TABLE rule_set_version (
    id        BIGSERIAL PRIMARY KEY,
    rule_set  TEXT        NOT NULL,
    version   INT         NOT NULL,
    document  JSONB       NOT NULL,
    stored_at TIMESTAMPTZ NOT NULL,
    stored_by TEXT
);
CREATE INDEX rule_set_version_by_id ON rule_set_version (rule_set, stored_at);

-- (unit, period, rule set) scores to recompute from the pooled counters; the scheduler drains it in small batches
-- (FOR UPDATE SKIP LOCKED, so several instances share the work).
CREATE TABLE score_recompute (
    unit_code   TEXT        NOT NULL,
    period      TEXT        NOT NULL,
    rule_set    TEXT        NOT NULL,
    enqueued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (unit_code, period, rule_set)
);
