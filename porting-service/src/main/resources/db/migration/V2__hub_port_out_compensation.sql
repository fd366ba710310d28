-- Port-in additions: when it completed, and since when it is late.
ALTER TABLE port_in ADD COLUMN completed_at TIMESTAMPTZ;
ALTER TABLE port_in ADD COLUMN earliest_port_date DATE;

-- Messages from the hub: stored before we acknowledge them, deduplicated by message id, then processed by a
-- worker. A message that does not apply yet (it came out of order) waits and is tried again.
CREATE TABLE hub_inbox (
    seq             BIGSERIAL   PRIMARY KEY,
    message_id      TEXT        NOT NULL UNIQUE,
    sender          TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    dossier_id      TEXT,
    payload         JSONB       NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPLIED', 'IGNORED', 'ERROR')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    processed_at    TIMESTAMPTZ,
    outcome         TEXT
);

CREATE INDEX hub_inbox_pending ON hub_inbox (next_attempt_at, seq) WHERE status = 'PENDING';

-- Messages to the hub: written with the state change that causes them, sent by a worker with retries and backoff,
-- in order per dossier.
CREATE TABLE hub_outbox (
    seq             BIGSERIAL   PRIMARY KEY,
    message_id      TEXT        NOT NULL UNIQUE,
    kind            TEXT        NOT NULL,
    recipient       TEXT,
    dossier_id      TEXT,
    payload         JSONB       NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    last_error      TEXT
);

CREATE INDEX hub_outbox_pending ON hub_outbox (next_attempt_at, seq) WHERE status = 'PENDING';
CREATE INDEX hub_outbox_by_dossier ON hub_outbox (dossier_id, seq) WHERE status = 'PENDING';

-- The numbers we hold and what may happen to them (fed by subscription events and completed port-ins).
CREATE TABLE number_holding (
    number           TEXT PRIMARY KEY,
    iccid            TEXT,
    customer_id      TEXT        NOT NULL,
    subscription_id  TEXT,
    status           TEXT        NOT NULL
        CHECK (status IN ('ACTIVE', 'ENDED', 'PORTING_OUT', 'PORTED_OUT', 'WINDOW', 'QUARANTINED', 'RETURNED')),
    portable_until   DATE,
    window_until     DATE,
    quarantine_until DATE,
    updated_at       TIMESTAMPTZ NOT NULL,
    version          BIGINT      NOT NULL
);

-- Port-out cases (we are the donor).
CREATE TABLE port_out (
    id                 UUID PRIMARY KEY,
    dossier_id         TEXT        NOT NULL,
    recipient_operator TEXT        NOT NULL,
    number             TEXT        NOT NULL,
    customer_id        TEXT,
    subscription_id    TEXT,
    requested_date     DATE,
    port_date          DATE,
    state              TEXT        NOT NULL,
    reject_code        TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL,
    UNIQUE (recipient_operator, dossier_id)
);

CREATE INDEX port_out_by_number ON port_out (number);

CREATE TABLE port_out_transition (
    id          BIGSERIAL PRIMARY KEY,
    port_out_id UUID        NOT NULL REFERENCES port_out (id),
    at          TIMESTAMPTZ NOT NULL,
    from_state  TEXT,
    to_state    TEXT        NOT NULL,
    cause       TEXT        NOT NULL
);

CREATE INDEX port_out_transition_by_case ON port_out_transition (port_out_id, id);

-- Compensation for porting faults (R-COMP-01..05). One per case and kind.
CREATE TABLE compensation (
    id               UUID PRIMARY KEY,
    customer_id      TEXT        NOT NULL,
    kind             TEXT        NOT NULL CHECK (kind IN ('DELAYED_PORT', 'INTERRUPTION', 'WRONGFUL_PORT')),
    case_id          TEXT        NOT NULL,
    number           TEXT,
    fault_started_at TIMESTAMPTZ NOT NULL,
    fault_fixed_at   TIMESTAMPTZ NOT NULL,
    amount_ore       BIGINT      NOT NULL CHECK (amount_ore >= 0),
    origin           TEXT        NOT NULL,
    granted_at       TIMESTAMPTZ NOT NULL,
    version          BIGINT      NOT NULL,
    UNIQUE (case_id, kind)
);

CREATE INDEX compensation_by_customer ON compensation (customer_id);
