-- Facts the formulas need, the unit tree as a closure table, per-dossier contributions, counters, scores.

-- Units. A row may be a placeholder (known = false) for a code named by a child or a dossier before the unit's own
-- event arrived, so that the tree and the counters are complete whatever order events come in.
CREATE TABLE unit (
    code                   TEXT PRIMARY KEY,
    known                  BOOLEAN     NOT NULL,
    name                   TEXT,
    level                  TEXT,
    parent_code            TEXT,
    valid_from             DATE,
    valid_to               DATE,
    e_certified_copy_since DATE,
    revision               BIGINT      NOT NULL DEFAULT -1,
    updated_at             TIMESTAMPTZ
);

-- Every (ancestor, descendant) pair of the current tree, each unit being its own ancestor at depth 0.
CREATE TABLE unit_closure (
    ancestor   TEXT NOT NULL,
    descendant TEXT NOT NULL,
    depth      INT  NOT NULL,
    PRIMARY KEY (ancestor, descendant)
);
CREATE INDEX unit_closure_by_descendant ON unit_closure (descendant, ancestor);

CREATE TABLE procedure (
    code              TEXT PRIMARY KEY,
    revision          BIGINT      NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    legal_time_amount INT,
    legal_time_unit   TEXT,
    paper_result      BOOLEAN     NOT NULL,
    data              JSONB       NOT NULL
);

-- Dossiers: the whole last state (data) plus the columns the engine queries. next_check_at is the next instant at
-- which time alone can change what the dossier contributes (its deadline, a new period); the scheduler takes due ones.
CREATE TABLE dossier (
    code           TEXT PRIMARY KEY,
    unit_code      TEXT        NOT NULL,
    procedure_code TEXT        NOT NULL,
    revision       BIGINT      NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ,
    next_check_at  TIMESTAMPTZ,
    data           JSONB       NOT NULL
);
CREATE INDEX dossier_due ON dossier (next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX dossier_by_procedure ON dossier (procedure_code);
CREATE INDEX dossier_by_unit ON dossier (unit_code);

-- What each dossier currently adds to each indicator of each period (only non-zero rows).
CREATE TABLE contribution (
    dossier_code TEXT   NOT NULL,
    period       TEXT   NOT NULL,
    indicator    TEXT   NOT NULL,
    unit_code    TEXT   NOT NULL,
    num          BIGINT NOT NULL,
    den          BIGINT NOT NULL,
    PRIMARY KEY (dossier_code, period, indicator)
);

-- A unit's own counts (its dossiers only) and its pooled counts (its whole subtree), kept by adding deltas.
CREATE TABLE unit_counter (
    unit_code TEXT   NOT NULL,
    period    TEXT   NOT NULL,
    indicator TEXT   NOT NULL,
    num       BIGINT NOT NULL,
    den       BIGINT NOT NULL,
    PRIMARY KEY (unit_code, period, indicator)
);
CREATE TABLE pooled_counter (
    unit_code TEXT   NOT NULL,
    period    TEXT   NOT NULL,
    indicator TEXT   NOT NULL,
    num       BIGINT NOT NULL,
    den       BIGINT NOT NULL,
    PRIMARY KEY (unit_code, period, indicator)
);

-- The score last published per (unit, period, rule set); figures is its canonical form, compared to detect changes.
CREATE TABLE score_current (
    unit_code    TEXT        NOT NULL,
    period       TEXT        NOT NULL,
    rule_set     TEXT        NOT NULL,
    version      BIGINT      NOT NULL,
    figures      TEXT,
    score        JSONB,
    published_at TIMESTAMPTZ,
    PRIMARY KEY (unit_code, period, rule_set)
);

-- Every published score, never updated: an as-of read is the last row at or before the instant.
CREATE TABLE score_history (
    id           BIGSERIAL PRIMARY KEY,
    unit_code    TEXT        NOT NULL,
    period       TEXT        NOT NULL,
    rule_set     TEXT        NOT NULL,
    version      BIGINT      NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    evaluated_at TIMESTAMPTZ NOT NULL,
    score        JSONB       NOT NULL,
    UNIQUE (unit_code, period, rule_set, version)
);
CREATE INDEX score_history_as_of ON score_history (unit_code, period, rule_set, published_at);
