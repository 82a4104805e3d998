-- Years of the working-day calendar replaced by an administrator (PUT /api/v1/admin/holidays/{year}); a year without a
-- row is the one bundled with common (calendar/vn-<year>.json, or derived from the Labour Code). document is the
-- holiday-year JSON as common's HolidayYear writes it; revision grows with each replacement of the year.
CREATE TABLE holiday_year (
    year        INT PRIMARY KEY,
    revision    BIGINT      NOT NULL,
    document    TEXT        NOT NULL,
    replaced_at TIMESTAMPTZ NOT NULL,
    replaced_by TEXT
);
