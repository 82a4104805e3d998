-- The next instant at which time alone changes what a procedure's catalogue state (a madePublicAt in the future) or a
-- unit (an eCertifiedCopySince in the future) adds to the present-state counters: the scheduler takes due rows like
-- dossiers, PAKN and decisions, so those facts count at that instant with no new event. Null: nothing pending.
ALTER TABLE procedure_catalog ADD COLUMN next_check_at TIMESTAMPTZ;
CREATE INDEX procedure_catalog_due ON procedure_catalog (next_check_at) WHERE next_check_at IS NOT NULL;
ALTER TABLE unit ADD COLUMN next_check_at TIMESTAMPTZ;
CREATE INDEX unit_due ON unit (next_check_at) WHERE next_check_at IS NOT NULL;
