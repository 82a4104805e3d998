-- Rule set documents as the indicator service stored them (dvc.rulesets.v1): the public API serves their thresholds,
-- rules, levels, bands and deadlines. One row per rule set, the highest version received; event_id names the event
-- that brought it.
CREATE TABLE rule_set_document (
    id          TEXT        PRIMARY KEY,
    version     INT         NOT NULL,
    document    JSONB       NOT NULL,
    stored_at   TIMESTAMPTZ NOT NULL,
    event_id    TEXT        NOT NULL,
    change_seq  BIGINT      NOT NULL
);
