-- PAKN (phản ánh, kiến nghị): the current state of each, the append-only record of every action on it, the citizen's
-- contact apart and encrypted, the unit tree and calendar years as other services announce them.
DROP TABLE complaint_placeholder;

-- The unit tree from dvc.units.v1 (current parent only): to validate unit codes and scope officials and agencies.
CREATE TABLE unit (
    code        TEXT        PRIMARY KEY,
    name        TEXT        NOT NULL,
    level       TEXT        NOT NULL,
    parent_code TEXT,
    updated_at  TIMESTAMPTZ,
    revision    BIGINT      NOT NULL
);
CREATE INDEX unit_parent ON unit (parent_code);

-- Calendar years replaced by an administrator (dvc.calendar.v1), applied over the bundled calendar at start.
CREATE TABLE holiday_year (
    year       INT         PRIMARY KEY,
    revision   BIGINT      NOT NULL,
    document   TEXT        NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE complaint (
    id                TEXT        PRIMARY KEY,              -- tracking code, or the source system's id when imported
    ref               BIGSERIAL   UNIQUE,                   -- the public serial number shown on open data
    channel           TEXT        NOT NULL,
    unit_code         TEXT        NOT NULL,                 -- the unit currently competent
    category          TEXT        NOT NULL CHECK (category IN ('TTHC_REGULATION', 'OFFICIAL_CONDUCT')),
    procedure_code    TEXT,
    dossier_code      TEXT,
    received_at       TIMESTAMPTZ NOT NULL,
    transfers         JSONB       NOT NULL DEFAULT '[]',    -- [{at, fromUnitCode, toUnitCode}]
    info_requests     JSONB       NOT NULL DEFAULT '[]',    -- [{requestedAt, returnedAt}]
    refused_at        TIMESTAMPTZ,
    answered_at       TIMESTAMPTZ,
    published_at      TIMESTAMPTZ,
    withdrawn_at      TIMESTAMPTZ,
    rating            TEXT        CHECK (rating IN ('SATISFIED', 'DISSATISFIED')),
    raised_again      BOOLEAN     NOT NULL DEFAULT false,
    status            TEXT        NOT NULL,
    overdue           BOOLEAN     NOT NULL DEFAULT false,
    answer_due_at     TIMESTAMPTZ,                          -- the answer deadline as of the last evaluation
    next_check_at     TIMESTAMPTZ,                          -- when the on-time state may change without any event
    updated_at        TIMESTAMPTZ NOT NULL,                 -- time of this state as announced; grows strictly
    source_updated_at TIMESTAMPTZ,                          -- imported: the source's updatedAt, orders imports
    revision          BIGINT      NOT NULL,
    text              TEXT,                                 -- the citizen's text (NFC); NULL once erased or imported
    text_fingerprint  TEXT,                                 -- SHA-256 of unit + normalised text, for duplicates
    answer            TEXT,
    refusal_reason    TEXT,
    info_note         TEXT,                                 -- what the unit asked the citizen for
    raised_again_text TEXT,
    secret_sha256     TEXT,                                 -- hash of the citizen's follow-up secret (portal only)
    personal_data_erased_at TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX complaint_unit_status ON complaint (unit_code, status, received_at);
CREATE INDEX complaint_received ON complaint (received_at);
CREATE INDEX complaint_next_check ON complaint (next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX complaint_fingerprint ON complaint (text_fingerprint, received_at) WHERE text_fingerprint IS NOT NULL;

-- Personal data, apart: AES-GCM ciphertext of the contact JSON; deleted on an erasure request.
CREATE TABLE complaint_contact (
    complaint_id TEXT        PRIMARY KEY REFERENCES complaint (id),
    key_id       TEXT        NOT NULL,
    nonce        BYTEA       NOT NULL,
    ciphertext   BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Audit: one row per action on a PAKN, with who did it. Never updated, never deleted. Holds no personal data.
CREATE TABLE complaint_action (
    id            BIGSERIAL   PRIMARY KEY,
    complaint_id  TEXT        NOT NULL,
    action        TEXT        NOT NULL,
    at            TIMESTAMPTZ NOT NULL,
    actor_kind    TEXT        NOT NULL CHECK (actor_kind IN ('CITIZEN', 'OFFICIAL', 'AGENCY', 'ADMIN', 'SYSTEM')),
    actor_subject TEXT,
    actor_client  TEXT,
    actor_unit    TEXT,
    from_status   TEXT,
    to_status     TEXT,
    details       JSONB       NOT NULL DEFAULT '{}'
);
CREATE INDEX complaint_action_complaint ON complaint_action (complaint_id, id);

CREATE FUNCTION complaint_action_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'complaint_action is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER complaint_action_no_update_delete BEFORE UPDATE OR DELETE ON complaint_action
    FOR EACH ROW EXECUTE FUNCTION complaint_action_append_only();
CREATE TRIGGER complaint_action_no_truncate BEFORE TRUNCATE ON complaint_action
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_action_append_only();

-- Proof-of-work challenges already spent: each nonce buys one submission.
CREATE TABLE used_challenge (
    nonce      TEXT        PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX used_challenge_expiry ON used_challenge (expires_at);
