-- Transactional outbox: rows are written in the same transaction as the change they announce,
-- and the relay sends them to Kafka in id order after commit.
CREATE TABLE kit_outbox (
    id          BIGSERIAL PRIMARY KEY,
    topic       TEXT        NOT NULL,
    event_key   TEXT        NOT NULL,
    event_id    UUID        NOT NULL UNIQUE,
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at     TIMESTAMPTZ
);
CREATE INDEX kit_outbox_unsent ON kit_outbox (id) WHERE sent_at IS NULL;
CREATE INDEX kit_outbox_sent_at ON kit_outbox (sent_at) WHERE sent_at IS NOT NULL;

-- Idempotent intake: the ids of the events a consumer has applied, written with their effect.
CREATE TABLE kit_processed_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX kit_processed_event_at ON kit_processed_event (processed_at);

-- Events that could not be applied (malformed, schema violations): kept for inspection, never lost.
CREATE TABLE kit_rejected_event (
    id          BIGSERIAL PRIMARY KEY,
    consumer    TEXT        NOT NULL,
    topic       TEXT        NOT NULL,
    event_key   TEXT,
    payload     TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
