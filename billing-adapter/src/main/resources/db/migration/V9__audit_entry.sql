-- Every agent action on and read of an account, with the agent's identity (R-DATA-02), as in the other services.
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
