-- Publishing decisions (quyết định công bố, QĐCB, index-766 §10): a number is unique per issuing unit only,
-- so the natural key is (unit_code, number). Its procedures, with their action and the time each was made
-- public for this decision, are a small list read and written whole: JSONB [{procedureCode, action, madePublicAt}].
CREATE TABLE publishing_decision (
    unit_code          TEXT        NOT NULL REFERENCES unit (code),
    number             TEXT        NOT NULL,
    signed_on          DATE        NOT NULL,
    legal_effective_on DATE        NOT NULL,
    procedures         JSONB       NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    revision           BIGINT      NOT NULL,
    last_submission_id UUID        NOT NULL,
    changed_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (unit_code, number)
);
CREATE INDEX publishing_decision_signed ON publishing_decision (unit_code, signed_on);

-- The audit now records submissions of publishing decisions too (its rows are still never updated).
ALTER TABLE submission DROP CONSTRAINT submission_kind_check;
ALTER TABLE submission ADD CONSTRAINT submission_kind_check
    CHECK (kind IN ('UNIT', 'PROCEDURE', 'DOSSIER', 'PUBLISHING_DECISION'));
