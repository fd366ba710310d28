-- Port-in cases (we are the recipient) and their timeline: every transition with its time and cause.
CREATE TABLE port_in (
    id                  UUID PRIMARY KEY,
    order_id            TEXT        NOT NULL,
    line_id             TEXT        NOT NULL,
    customer_id         TEXT        NOT NULL,
    number              TEXT        NOT NULL,
    donor_iccid         TEXT        NOT NULL,
    donor_operator      TEXT,
    mode                TEXT        NOT NULL CHECK (mode IN ('ASAP', 'END_OF_TERM')),
    term_ends_on        DATE,
    shipped_on          DATE,
    port_date           DATE,
    state               TEXT        NOT NULL,
    reject_code         TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    version             BIGINT      NOT NULL,
    UNIQUE (order_id, line_id)
);

CREATE INDEX port_in_by_number ON port_in (number);
CREATE INDEX port_in_by_customer ON port_in (customer_id);

CREATE TABLE port_in_transition (
    id         BIGSERIAL PRIMARY KEY,
    port_in_id UUID        NOT NULL REFERENCES port_in (id),
    at         TIMESTAMPTZ NOT NULL,
    from_state TEXT,
    to_state   TEXT        NOT NULL,
    cause      TEXT        NOT NULL
);

CREATE INDEX port_in_transition_by_case ON port_in_transition (port_in_id, id);
