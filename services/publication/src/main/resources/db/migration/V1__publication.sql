-- Read models of the publication service, built from events only (dvc.units.v1, dvc.scores.v1).

-- Every applied change takes a number from this sequence; a read's ETag is derived from the numbers of the rows it
-- shows (count and sum), so any change to one of them, or a row entering or leaving, changes the ETag.
CREATE SEQUENCE change_seq;

-- The unit tree as ingestion last published it; only a newer revision replaces a row.
CREATE TABLE unit (
    code        TEXT        PRIMARY KEY,
    name        TEXT        NOT NULL,
    level       TEXT        NOT NULL,
    parent_code TEXT,
    valid_from  DATE,
    valid_to    DATE,
    revision    BIGINT      NOT NULL,
    updated_at  TIMESTAMPTZ,
    change_seq  BIGINT      NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX unit_parent ON unit (parent_code);

-- The current score of each (unit, period, rule set): the public scorecard as JSON, plus the unit's name, level and
-- parent copied from the tree (kept in step when the unit changes) so that a ranking is one indexed query.
CREATE TABLE scorecard (
    unit_code   TEXT        NOT NULL,
    period      TEXT        NOT NULL,
    rule_set    TEXT        NOT NULL,
    version     BIGINT      NOT NULL,
    total       NUMERIC     NOT NULL,
    band        TEXT,
    unit_name   TEXT,
    unit_level  TEXT,
    parent_code TEXT,
    as_of       TIMESTAMPTZ NOT NULL,
    body        JSONB       NOT NULL,
    change_seq  BIGINT      NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (unit_code, period, rule_set)
);
CREATE INDEX scorecard_by_level ON scorecard (rule_set, period, unit_level, parent_code, total DESC);
CREATE INDEX scorecard_by_parent ON scorecard (rule_set, period, parent_code, total DESC);

-- Every accepted score change, in the order accepted; never updated nor deleted.
CREATE TABLE score_history (
    id           BIGSERIAL   PRIMARY KEY,
    unit_code    TEXT        NOT NULL,
    period       TEXT        NOT NULL,
    rule_set     TEXT        NOT NULL,
    version      BIGINT      NOT NULL,
    total        NUMERIC     NOT NULL,
    band         TEXT,
    as_of        TIMESTAMPTZ NOT NULL,
    evaluated_at TIMESTAMPTZ,
    body         JSONB       NOT NULL,
    event_id     TEXT        NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (unit_code, period, rule_set, version)
);
CREATE INDEX score_history_as_of ON score_history (unit_code, period, rule_set, as_of);

CREATE FUNCTION score_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'score_history is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER score_history_append_only BEFORE UPDATE OR DELETE ON score_history
    FOR EACH ROW EXECUTE FUNCTION score_history_append_only();
