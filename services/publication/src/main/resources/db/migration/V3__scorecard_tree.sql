-- A scorecard carries the unit's place in the tree as it stood for that period's evaluation (from the score event:
-- parentCode and ancestors, nearest first), so that rankings follow each period's tree, not today's, and a ranking
-- "within" a unit finds the units below it at any depth.
ALTER TABLE scorecard ADD COLUMN ancestors TEXT[] NOT NULL DEFAULT '{}';

-- Rows held before: the chain of the unit's current parent, as they were ranked until now.
WITH RECURSIVE up(code, a, depth) AS (
    SELECT code, parent_code, 1 FROM unit WHERE parent_code IS NOT NULL
    UNION ALL
    SELECT up.code, u.parent_code, up.depth + 1 FROM up JOIN unit u ON u.code = up.a
    WHERE u.parent_code IS NOT NULL AND up.depth < 32
)
UPDATE scorecard s SET ancestors = x.chain
FROM (SELECT code, array_agg(a ORDER BY depth) AS chain FROM up GROUP BY code) x
WHERE x.code = s.unit_code;

CREATE INDEX scorecard_by_ancestor ON scorecard USING gin (ancestors);
