-- The unit tree is dated (index-766 §3): each unit's parent edges over [valid_from, valid_to), as the unit's event
-- carries them. A day no edge holds is a day the unit is a root. A period's pooled counters pool the units that were
-- below each unit on the period's tree day (te's local date); unit_closure stays the closure of the current tree
-- (the '*' period's day), used for the present-state catalogue.
CREATE TABLE unit_edge (
    child_code  TEXT NOT NULL,
    parent_code TEXT NOT NULL,
    valid_from  DATE NOT NULL,                             -- '-infinity' when open
    valid_to    DATE NOT NULL,                             -- 'infinity' when open
    PRIMARY KEY (child_code, valid_from),
    CHECK (valid_from < valid_to)
);
-- walking down (a subtree on a day) and finding the edges that begin or end between two days
CREATE INDEX unit_edge_by_parent ON unit_edge (parent_code, valid_from);
CREATE INDEX unit_edge_by_start ON unit_edge (valid_from);
CREATE INDEX unit_edge_by_end ON unit_edge (valid_to);

-- The tree day each period's pooled counters are pooled under: min(the period's last day, today) when first written,
-- moved forward by the scheduler (with the counts of the units whose place changed in between). '*' is the present.
CREATE TABLE period_tree (
    period    TEXT PRIMARY KEY,
    tree_date DATE NOT NULL
);

-- Existing trees had one parent per unit, valid throughout: the same tree on every day.
INSERT INTO unit_edge (child_code, parent_code, valid_from, valid_to)
SELECT code, parent_code, '-infinity', 'infinity' FROM unit WHERE parent_code IS NOT NULL;
INSERT INTO period_tree (period, tree_date)
SELECT DISTINCT period, (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date FROM pooled_counter
UNION SELECT '*', (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;
