-- Every indicator of index-766 §2/§11: PAKN, publishing decisions, procedure-level indicators, E_CERTIFIED_COPY.

-- Contributions become generic: an object of some kind (DOSSIER, PETITION) adds to summable counters. The explain
-- endpoint lists the objects behind lost points with one indexed query per indicator.
ALTER TABLE contribution RENAME COLUMN dossier_code TO object_key;
ALTER TABLE contribution ADD COLUMN kind TEXT NOT NULL DEFAULT 'DOSSIER';
ALTER TABLE contribution DROP CONSTRAINT contribution_pkey;
ALTER TABLE contribution ADD PRIMARY KEY (kind, object_key, period, indicator);
CREATE INDEX contribution_lost ON contribution (period, indicator, unit_code) WHERE num < den;

-- PAKN (phản ánh, kiến nghị): the last state and the next instant at which time alone changes what it contributes.
CREATE TABLE petition (
    id            TEXT PRIMARY KEY,
    unit_code     TEXT        NOT NULL,
    dossier_code  TEXT,
    revision      BIGINT      NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL,
    next_check_at TIMESTAMPTZ,
    data          JSONB       NOT NULL
);
CREATE INDEX petition_due ON petition (next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX petition_by_dossier ON petition (dossier_code) WHERE dossier_code IS NOT NULL;

-- Publishing decisions (QĐCB), key unitCode/number.
CREATE TABLE publishing_decision (
    key           TEXT PRIMARY KEY,
    unit_code     TEXT        NOT NULL,
    revision      BIGINT      NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    next_check_at TIMESTAMPTZ,
    data          JSONB       NOT NULL
);
CREATE INDEX publishing_decision_due ON publishing_decision (next_check_at) WHERE next_check_at IS NOT NULL;

-- Distinct-counted indicators (a procedure counts once per unit subtree, whatever the number of objects naming it).
-- What each object adds to an item (a procedure) at its own unit: refs (objects naming it), fails (those failing it).
CREATE TABLE item_contribution (
    kind       TEXT   NOT NULL,
    object_key TEXT   NOT NULL,
    period     TEXT   NOT NULL,
    indicator  TEXT   NOT NULL,
    item       TEXT   NOT NULL,
    unit_code  TEXT   NOT NULL,
    refs       BIGINT NOT NULL,
    fails      BIGINT NOT NULL,
    PRIMARY KEY (kind, object_key, period, indicator, item)
);
CREATE INDEX item_contribution_by_unit ON item_contribution (unit_code);
CREATE INDEX item_contribution_lost ON item_contribution (period, indicator, unit_code) WHERE fails > 0;

-- The same pooled per ancestor: an item is in the ancestor's counts while refs > 0.
CREATE TABLE item_ref (
    ancestor  TEXT   NOT NULL,
    period    TEXT   NOT NULL,
    indicator TEXT   NOT NULL,
    item      TEXT   NOT NULL,
    refs      BIGINT NOT NULL,
    fails     BIGINT NOT NULL,
    PRIMARY KEY (ancestor, period, indicator, item)
);
CREATE INDEX item_ref_by_item ON item_ref (item, indicator) WHERE refs > 0;

-- The procedure catalogue as the procedure-level indicators see it: who implements each procedure, and for every
-- ancestor of those units, that the procedure belongs to the ancestor's subtree S(a).
CREATE TABLE procedure_unit (
    procedure_code TEXT NOT NULL,
    unit_code      TEXT NOT NULL,
    PRIMARY KEY (procedure_code, unit_code)
);
CREATE INDEX procedure_unit_by_unit ON procedure_unit (unit_code);

CREATE TABLE procedure_member (
    ancestor       TEXT NOT NULL,
    procedure_code TEXT NOT NULL,
    PRIMARY KEY (ancestor, procedure_code)
);
CREATE INDEX procedure_member_by_procedure ON procedure_member (procedure_code);

-- The catalogue state the procedure-level counters currently reflect, per procedure.
CREATE TABLE procedure_catalog (
    code               TEXT PRIMARY KEY,
    online             BOOLEAN NOT NULL,
    fee_bearing        BOOLEAN NOT NULL,
    payment_integrated BOOLEAN NOT NULL,
    citizen            BOOLEAN NOT NULL,
    made_public_at     TIMESTAMPTZ,
    public_full        BOOLEAN NOT NULL
);
