-- Customers. CPR/CVR are personal data (R-DATA-01): they live here and nowhere else (no events, no logs, no URLs).
CREATE TABLE customer (
    id                 TEXT PRIMARY KEY,
    kind               TEXT        NOT NULL CHECK (kind IN ('PRIVATE', 'BUSINESS')),
    cpr                TEXT,
    cvr                TEXT,
    name               TEXT        NOT NULL,
    street             TEXT        NOT NULL,
    postal_code        TEXT        NOT NULL,
    city               TEXT        NOT NULL,
    email              TEXT        NOT NULL,
    contact_number     TEXT,
    payment_method_ref TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL,
    CHECK ((kind = 'PRIVATE' AND cpr IS NOT NULL) OR (kind = 'BUSINESS' AND cvr IS NOT NULL))
);
CREATE UNIQUE INDEX customer_by_cpr ON customer (cpr) WHERE cpr IS NOT NULL;
CREATE UNIQUE INDEX customer_by_cvr ON customer (cvr) WHERE cvr IS NOT NULL;

-- Campaigns an order may name; a campaign may waive the creation fee (R-ORD-06).
CREATE TABLE campaign (
    code                 TEXT PRIMARY KEY,
    name                 TEXT    NOT NULL,
    waives_creation_fee  BOOLEAN NOT NULL,
    active               BOOLEAN NOT NULL
);
INSERT INTO campaign (code, name, waives_creation_fee, active) VALUES
    ('FREE-START', 'Gratis oprettelse', TRUE, TRUE),
    ('SPRING-DEVICE', 'Telefon til forårspris', FALSE, TRUE),
    ('OLD-2024', 'Udløbet kampagne', TRUE, FALSE);

-- Our own numbers (R-ORD-03): a new-number line reserves one at checkout; a refused, lapsed or withdrawn order
-- gives it back.
CREATE TABLE pool_number (
    number      TEXT PRIMARY KEY,
    reserved_by UUID,
    reserved_at TIMESTAMPTZ
);
INSERT INTO pool_number (number)
SELECT '+4552' || lpad(n::text, 6, '0') FROM generate_series(990000, 999999) AS n;

-- An order. The idempotency key makes a retried checkout return the same order (R-ORD-07).
CREATE TABLE customer_order (
    id                    UUID PRIMARY KEY,
    customer_id           TEXT        NOT NULL REFERENCES customer (id),
    channel               TEXT        NOT NULL CHECK (channel IN ('WEBSHOP', 'AGENT', 'TELESALES')),
    status                TEXT        NOT NULL,
    idempotency_key       TEXT        NOT NULL,
    request_hash          TEXT        NOT NULL,
    placed_by             TEXT        NOT NULL,
    campaign              TEXT REFERENCES campaign (code),
    creation_fee_ore      BIGINT      NOT NULL,
    creation_fee_waived   BOOLEAN     NOT NULL,
    device                TEXT,
    device_received_on    DATE,
    credit_decision       TEXT,
    credit_reason         TEXT,
    credit_attempts       INTEGER     NOT NULL DEFAULT 0,
    accepted_on           DATE,
    withdrawal_deadline   DATE,
    acceptance_token_hash TEXT,
    acceptance_expires_at TIMESTAMPTZ,
    withdrawn_on          DATE,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    version               BIGINT      NOT NULL
);
CREATE UNIQUE INDEX order_by_idempotency_key ON customer_order (idempotency_key);
CREATE INDEX order_by_customer ON customer_order (customer_id);

-- One subscription line of an order, with the step its saga is at.
CREATE TABLE order_line (
    id                 UUID PRIMARY KEY,
    order_id           UUID        NOT NULL REFERENCES customer_order (id),
    position           INTEGER     NOT NULL,
    plan_code          TEXT        NOT NULL REFERENCES plan (code),
    number_kind        TEXT        NOT NULL CHECK (number_kind IN ('NEW', 'PORT_IN')),
    number             TEXT        NOT NULL,
    donor_iccid        TEXT,
    porting_mode       TEXT,
    donor_term_ends_on DATE,
    sim_kind           TEXT        NOT NULL CHECK (sim_kind IN ('SIM', 'ESIM')),
    binding_months     INTEGER     NOT NULL DEFAULT 0,
    step               TEXT        NOT NULL,
    sim_iccid          TEXT,
    shipped_on         DATE,
    delivered_on       DATE,
    port_in_id         TEXT,
    port_date          DATE,
    reject_code        TEXT,
    subscription_id    UUID,
    version            BIGINT      NOT NULL
);
CREATE INDEX line_by_order ON order_line (order_id);
CREATE INDEX line_by_port_in ON order_line (port_in_id);

CREATE TABLE subscription (
    id                   UUID PRIMARY KEY,
    customer_id          TEXT        NOT NULL REFERENCES customer (id),
    order_id             UUID        NOT NULL REFERENCES customer_order (id),
    line_id              UUID        NOT NULL REFERENCES order_line (id),
    number               TEXT        NOT NULL,
    iccid                TEXT,
    plan_code            TEXT        NOT NULL REFERENCES plan (code),
    status               TEXT        NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'BLOCKED', 'ENDED')),
    block_reason         TEXT,
    end_reason           TEXT,
    binding_months       INTEGER     NOT NULL,
    created_on           DATE        NOT NULL,
    activation_due_on    DATE,
    activated_on         DATE,
    binding_ends_on      DATE,
    notice_given_on      DATE,
    ends_on              DATE,
    ended_on             DATE,
    voice_seconds_used   BIGINT      NOT NULL DEFAULT 0,
    data_megabytes_used  BIGINT      NOT NULL DEFAULT 0,
    first_used_at        TIMESTAMPTZ,
    version              BIGINT      NOT NULL
);
CREATE INDEX subscription_by_customer ON subscription (customer_id);
CREATE INDEX subscription_by_order ON subscription (order_id);
CREATE INDEX subscription_by_number ON subscription (number);

-- Plan changes (R-SUB-02..05): immediate ones are EFFECTIVE at once; others SCHEDULED until the month change.
CREATE TABLE plan_change (
    id            UUID PRIMARY KEY,
    subscription_id UUID      NOT NULL REFERENCES subscription (id),
    from_plan     TEXT        NOT NULL,
    to_plan       TEXT        NOT NULL,
    immediate     BOOLEAN     NOT NULL,
    ordered_on    DATE        NOT NULL,
    effective_on  DATE        NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('SCHEDULED', 'EFFECTIVE', 'CANCELLED')),
    ordered_by    TEXT        NOT NULL,
    version       BIGINT      NOT NULL
);
CREATE INDEX plan_change_by_subscription ON plan_change (subscription_id);

-- Transfer of ownership (R-SUB-09): the new owner's data waits here until accepted within 48 hours.
CREATE TABLE ownership_transfer (
    id                 UUID PRIMARY KEY,
    subscription_id    UUID        NOT NULL REFERENCES subscription (id),
    from_customer_id   TEXT        NOT NULL,
    to_customer_id     TEXT        NOT NULL REFERENCES customer (id),
    status             TEXT        NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'LAPSED')),
    requested_at       TIMESTAMPTZ NOT NULL,
    expires_at         TIMESTAMPTZ NOT NULL,
    accepted_at        TIMESTAMPTZ,
    token_hash         TEXT,
    version            BIGINT      NOT NULL
);
CREATE INDEX transfer_by_subscription ON ownership_transfer (subscription_id);

-- Saga timers are rows, fired once by whichever replica locks them first.
CREATE TABLE saga_timer (
    id           UUID PRIMARY KEY,
    kind         TEXT        NOT NULL,
    aggregate_id UUID        NOT NULL,
    due_at       TIMESTAMPTZ NOT NULL,
    fired_at     TIMESTAMPTZ,
    UNIQUE (kind, aggregate_id)
);
CREATE INDEX saga_timer_due ON saga_timer (due_at) WHERE fired_at IS NULL;

-- What happened to an order and its subscriptions, in order, for the agent console.
CREATE TABLE timeline_entry (
    id              BIGSERIAL PRIMARY KEY,
    order_id        UUID,
    subscription_id UUID,
    customer_id     TEXT        NOT NULL,
    at              TIMESTAMPTZ NOT NULL,
    source          TEXT        NOT NULL,
    what            TEXT        NOT NULL,
    detail          TEXT
);
CREATE INDEX timeline_by_order ON timeline_entry (order_id, id);
CREATE INDEX timeline_by_subscription ON timeline_entry (subscription_id, id);

-- Every agent action, with the agent's identity (R-DATA-02), and every look at a full CPR number (R-DATA-01).
CREATE TABLE audit_entry (
    id          BIGSERIAL PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    customer_id TEXT,
    target      TEXT,
    reason      TEXT
);
CREATE INDEX audit_by_customer ON audit_entry (customer_id, id);

-- Usage reported by the network, once per usage id: counts towards the withdrawal exception (R-WDR-04), triggers
-- first-use activation (R-SUB-01), and usage beyond the plan goes to billing.
CREATE TABLE usage_record (
    usage_id        TEXT PRIMARY KEY,
    subscription_id UUID        NOT NULL REFERENCES subscription (id),
    used_on         DATE        NOT NULL,
    voice_seconds   BIGINT      NOT NULL,
    data_megabytes  BIGINT      NOT NULL,
    amount_ore      BIGINT      NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL
);
