-- Idempotency-Key (IETF draft "The Idempotency-Key HTTP Header Field"): one row per key a client used on a route.
-- Claimed IN_FLIGHT in a short transaction of its own before the write, COMPLETED with the final response after it.
CREATE TABLE idempotency_key (
    client_id      TEXT        NOT NULL,                 -- token azp, or subject when it has none
    method         TEXT        NOT NULL,
    path           TEXT        NOT NULL,
    idem_key       TEXT        NOT NULL,
    request_sha256 TEXT        NOT NULL,                 -- of the request body: same key, other body -> 422
    state          TEXT        NOT NULL CHECK (state IN ('IN_FLIGHT', 'COMPLETED')),
    owner          UUID        NOT NULL,                 -- the attempt holding the key; only it may complete it
    created_at     TIMESTAMPTZ NOT NULL,
    locked_until   TIMESTAMPTZ NOT NULL,                 -- an IN_FLIGHT row older than this was left by a crash
    status         INT,
    content_type   TEXT,
    body           BYTEA,
    completed_at   TIMESTAMPTZ,
    PRIMARY KEY (client_id, method, path, idem_key),
    CHECK (state = 'IN_FLIGHT' OR (status IS NOT NULL AND content_type IS NOT NULL AND body IS NOT NULL))
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
