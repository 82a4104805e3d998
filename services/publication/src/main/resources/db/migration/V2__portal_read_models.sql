-- Read models for the public API of issue 6: group points on each scorecard row (rankings show them without reading
-- the scorecard body), and the rule sets' groups and indicators as the published scores carry them.

-- The scorecard's groups ([{code, points, max}]), copied from the body: small, so a ranking reads it cheaply.
ALTER TABLE scorecard ADD COLUMN groups JSONB NOT NULL DEFAULT '[]'::jsonb;
UPDATE scorecard SET groups = coalesce(body -> 'groups', '[]'::jsonb);

-- Groups and indicators of each rule set as the newest score that carried them (publication computes nothing: it
-- reports what the indicator service published). kind = GROUP | INDICATOR; group_code is set for indicators.
CREATE TABLE rule_set_item (
    rule_set    TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    code        TEXT        NOT NULL,
    group_code  TEXT,
    max         NUMERIC,
    seen_as_of  TIMESTAMPTZ NOT NULL,
    change_seq  BIGINT      NOT NULL,
    PRIMARY KEY (rule_set, kind, code)
);


INSERT INTO rule_set_item (rule_set, kind, code, group_code, max, seen_as_of, change_seq)
SELECT DISTINCT ON (s.rule_set, g.code) s.rule_set, 'GROUP', g.code, NULL, g.max, s.as_of, nextval('change_seq')
FROM scorecard s, jsonb_to_recordset(s.body -> 'groups') AS g(code TEXT, max NUMERIC)
WHERE g.code IS NOT NULL
ORDER BY s.rule_set, g.code, s.as_of DESC;

INSERT INTO rule_set_item (rule_set, kind, code, group_code, max, seen_as_of, change_seq)
SELECT DISTINCT ON (s.rule_set, i.code) s.rule_set, 'INDICATOR', i.code, i."group", i.max, s.as_of, nextval('change_seq')
FROM scorecard s, jsonb_to_recordset(s.body -> 'indicators') AS i(code TEXT, "group" TEXT, max NUMERIC)
WHERE i.code IS NOT NULL
ORDER BY s.rule_set, i.code, s.as_of DESC;
