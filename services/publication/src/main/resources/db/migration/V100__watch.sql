-- The watch (internal views and alerts, package dvc766.publication.watch). Numbered from 100 so that the
-- scorecard read models' migrations (V1..V99) always come first.

-- Legal processing time of each procedure, from dvc.procedures.v1; a newer revision replaces the held one.
CREATE TABLE watch_procedure (
    code         TEXT        PRIMARY KEY,
    legal_amount INT,
    legal_unit   TEXT,
    revision     BIGINT      NOT NULL,
    updated_at   TIMESTAMPTZ
);

-- Every dossier seen on dvc.dossiers.v1 (closed ones are kept so a stale event cannot reopen them), with its deadline
-- split as DossierClock does: deadline = base deadline + ended waits; while a supplement is awaited the deadline
-- moves with time (awaiting_since); a second request to supplement makes the dossier overdue.
CREATE TABLE watch_dossier (
    code                TEXT        PRIMARY KEY,
    unit_code           TEXT        NOT NULL,
    procedure_code      TEXT        NOT NULL,
    received_at         TIMESTAMPTZ NOT NULL,
    due_at              TIMESTAMPTZ,
    status              TEXT        NOT NULL,
    is_open             BOOLEAN     NOT NULL,
    supplements         JSONB       NOT NULL,
    supplement_requests INT         NOT NULL,
    awaiting_since      TIMESTAMPTZ,
    deadline            TIMESTAMPTZ,
    revision            BIGINT      NOT NULL,
    updated_at          TIMESTAMPTZ,
    next_alert_at       TIMESTAMPTZ,
    applied_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX watch_dossier_next_alert ON watch_dossier (next_alert_at) WHERE next_alert_at IS NOT NULL;
CREATE INDEX watch_dossier_open_deadline ON watch_dossier (deadline) WHERE is_open;
CREATE INDEX watch_dossier_open_unit ON watch_dossier (unit_code, deadline) WHERE is_open;
CREATE INDEX watch_dossier_open_by_procedure ON watch_dossier (procedure_code) WHERE is_open AND due_at IS NULL;

-- Webhook subscriptions; unit_scope NULL = every unit (only for callers who see everything).
CREATE TABLE watch_subscription (
    id          UUID        PRIMARY KEY,
    url         TEXT        NOT NULL,
    secret      TEXT        NOT NULL,
    kinds       TEXT[]      NOT NULL,
    unit_scope  TEXT,
    min_fall    NUMERIC     NOT NULL,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX watch_subscription_scope ON watch_subscription (unit_scope);

-- An alert, once per alert_key (e.g. DUE_SOON/<dossier>/<deadline>); body is the exact JSON sent and signed.
CREATE TABLE watch_alert (
    id         UUID        PRIMARY KEY,
    alert_key  TEXT        NOT NULL UNIQUE,
    kind       TEXT        NOT NULL,
    unit_code  TEXT        NOT NULL,
    body       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Outbox-like: one row per (subscription, alert), delivered at most once successfully, retried with backoff.
CREATE TABLE watch_delivery (
    id              BIGSERIAL   PRIMARY KEY,
    subscription_id UUID        NOT NULL REFERENCES watch_subscription (id) ON DELETE CASCADE,
    alert_id        UUID        NOT NULL REFERENCES watch_alert (id),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    lease_until     TIMESTAMPTZ,
    delivered_at    TIMESTAMPTZ,
    gave_up_at      TIMESTAMPTZ,
    last_status     INT,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (subscription_id, alert_id)
);
CREATE INDEX watch_delivery_pending ON watch_delivery (next_attempt_at) WHERE delivered_at IS NULL AND gave_up_at IS NULL;
CREATE INDEX watch_delivery_alert ON watch_delivery (alert_id);

-- Score changes to examine for SCORE_FALL alerts: a row per score_history row, written by a trigger in the same
-- transaction as the history row, so none is missed and none is seen twice (rows are deleted once examined).
CREATE TABLE watch_score_change (
    history_id BIGINT      PRIMARY KEY,
    noted_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE FUNCTION watch_note_score_change() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO watch_score_change (history_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;
CREATE TRIGGER watch_note_score_change AFTER INSERT ON score_history
    FOR EACH ROW EXECUTE FUNCTION watch_note_score_change();
