-- Ingestion owns two things: the append-only record of every submission an agency made, and the current
-- state of each object (unit, procedure, dossier) with a revision counter per object.

-- ---------------------------------------------------------------------------------------------------
-- Audit: one row per submitted object, accepted or rejected. Never updated, never deleted.
CREATE TABLE submission (
    id             UUID        PRIMARY KEY,
    kind           TEXT        NOT NULL CHECK (kind IN ('UNIT', 'PROCEDURE', 'DOSSIER')),
    object_key     TEXT,                                   -- natural key (code); absent when unreadable
    client_id      TEXT,                                   -- token azp
    subject        TEXT,                                   -- token sub
    caller_unit    TEXT,                                   -- token unit_code
    received_at    TIMESTAMPTZ NOT NULL,
    batch_id       UUID,                                   -- the batch request this item came in, if any
    batch_index    INT,
    payload_sha256 TEXT        NOT NULL,                   -- hex SHA-256 of the bytes received (of the item, in a batch)
    payload        JSONB,                                  -- the payload as sent, when it was JSON
    payload_text   TEXT,                                   -- the payload as sent, when it was not storable as JSON
    outcome        TEXT        NOT NULL CHECK (outcome IN ('ACCEPTED', 'REJECTED')),
    effect         TEXT        CHECK (effect IN ('CREATED', 'UPDATED', 'UNCHANGED', 'STALE')),
    status         INT         NOT NULL,                   -- HTTP status answered for this object
    errors         JSONB       NOT NULL DEFAULT '[]',      -- [{field, rule, message}]
    CHECK ((outcome = 'ACCEPTED') = (effect IS NOT NULL))
);
CREATE INDEX submission_client ON submission (client_id, received_at);
CREATE INDEX submission_object ON submission (kind, object_key, received_at);
CREATE INDEX submission_batch ON submission (batch_id) WHERE batch_id IS NOT NULL;

CREATE FUNCTION submission_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'submission is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER submission_no_update_delete BEFORE UPDATE OR DELETE ON submission
    FOR EACH ROW EXECUTE FUNCTION submission_append_only();
CREATE TRIGGER submission_no_truncate BEFORE TRUNCATE ON submission
    FOR EACH STATEMENT EXECUTE FUNCTION submission_append_only();

-- ---------------------------------------------------------------------------------------------------
-- Units and their dated parent edges. The unit row is the latest state as the administrator sent it;
-- unit_edge keeps every parent a unit had, each over [valid_from, valid_to), so scoping can ask
-- "was X below Y on that day" both before and after a reorganisation (districts abolished in 2025).
CREATE TABLE unit (
    code                   TEXT        PRIMARY KEY,
    name                   TEXT        NOT NULL,
    level                  TEXT        NOT NULL,
    parent_code            TEXT,
    valid_from             DATE,
    valid_to               DATE,
    e_certified_copy_since DATE,
    updated_at             TIMESTAMPTZ NOT NULL,
    revision               BIGINT      NOT NULL,
    last_submission_id     UUID        NOT NULL,
    changed_at             TIMESTAMPTZ NOT NULL
);

CREATE TABLE unit_edge (
    child_code  TEXT NOT NULL REFERENCES unit (code),
    parent_code TEXT NOT NULL REFERENCES unit (code),
    valid_from  DATE NOT NULL,                             -- '-infinity' when open
    valid_to    DATE NOT NULL,                             -- 'infinity' when open
    PRIMARY KEY (child_code, valid_from),
    CHECK (valid_from < valid_to)
);
CREATE INDEX unit_edge_parent ON unit_edge (parent_code);

-- ---------------------------------------------------------------------------------------------------
-- Procedures (TTHC).
CREATE TABLE procedure (
    code                     TEXT        PRIMARY KEY,
    name                     TEXT        NOT NULL,
    field                    TEXT,
    unit_codes               TEXT[]      NOT NULL,
    applicant_types          TEXT[]      NOT NULL,
    online_level             TEXT        NOT NULL,
    eligible_for_full_online BOOLEAN     NOT NULL,
    fee_bearing              BOOLEAN     NOT NULL,
    payment_integrated       BOOLEAN     NOT NULL,
    paper_result             BOOLEAN     NOT NULL,
    legal_time_amount        INT         NOT NULL,
    legal_time_unit          TEXT        NOT NULL,
    public_parts             TEXT[]      NOT NULL,
    made_public_at           TIMESTAMPTZ,
    updated_at               TIMESTAMPTZ NOT NULL,
    revision                 BIGINT      NOT NULL,
    last_submission_id       UUID        NOT NULL,
    changed_at               TIMESTAMPTZ NOT NULL
);
CREATE INDEX procedure_unit_codes ON procedure USING gin (unit_codes);

-- ---------------------------------------------------------------------------------------------------
-- Dossiers (hồ sơ).
CREATE TABLE dossier (
    code                  TEXT        PRIMARY KEY,
    procedure_code        TEXT        NOT NULL REFERENCES procedure (code),
    unit_code             TEXT        NOT NULL REFERENCES unit (code),
    channel               TEXT        NOT NULL,
    received_at           TIMESTAMPTZ NOT NULL,
    due_at                TIMESTAMPTZ,
    status                TEXT        NOT NULL,
    finished_at           TIMESTAMPTZ,
    finish_kind           TEXT,
    supplements           JSONB       NOT NULL,
    synced_at             TIMESTAMPTZ,
    e_result              BOOLEAN     NOT NULL,
    inputs_digitized      BOOLEAN     NOT NULL,
    reused_data           BOOLEAN     NOT NULL,
    personal_store_linked BOOLEAN     NOT NULL,
    population_data_used  BOOLEAN     NOT NULL,
    fee_amount            NUMERIC     NOT NULL,
    paid_online_at        TIMESTAMPTZ,
    rating                TEXT,
    updated_at            TIMESTAMPTZ NOT NULL,
    revision              BIGINT      NOT NULL,
    last_submission_id    UUID        NOT NULL,
    changed_at            TIMESTAMPTZ NOT NULL,
    CHECK ((finished_at IS NULL) = (finish_kind IS NULL))
);
CREATE INDEX dossier_unit ON dossier (unit_code, received_at);
CREATE INDEX dossier_procedure ON dossier (procedure_code);
