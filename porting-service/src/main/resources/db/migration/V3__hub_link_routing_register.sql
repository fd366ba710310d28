-- Port-in: when the porting day run executed it, when an operator first routed the number to us, and each
-- operator's routing confirmation (R-PORT-06). The interruption of a connection counts from the execution.
ALTER TABLE port_in ADD COLUMN executed_at TIMESTAMPTZ;
ALTER TABLE port_in ADD COLUMN first_routed_at TIMESTAMPTZ;
UPDATE port_in SET executed_at = updated_at WHERE state = 'EXECUTING';

CREATE TABLE port_in_routing (
    port_in_id   UUID        NOT NULL REFERENCES port_in (id),
    operator     TEXT        NOT NULL,
    confirmed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (port_in_id, operator)
);

CREATE INDEX port_in_executing ON port_in (executed_at) WHERE state = 'EXECUTING';

-- Port-out: the number's status before the case took it, given back when the port-out does not complete or fails
-- after it did (R-POUT-05, R-WDR-06).
ALTER TABLE port_out ADD COLUMN previous_status TEXT
    CHECK (previous_status IN ('ACTIVE', 'ENDED', 'PORTING_OUT', 'PORTED_OUT', 'WINDOW', 'QUARANTINED', 'RETURNED'));
UPDATE port_out SET previous_status = 'ACTIVE' WHERE state IN ('ACCEPTED', 'COMPLETED');

-- Hub inbox: message ids are unique per sender only; a message that cannot be processed is PARKED, never retried
-- forever.
ALTER TABLE hub_inbox DROP CONSTRAINT hub_inbox_message_id_key;
ALTER TABLE hub_inbox ADD CONSTRAINT hub_inbox_sender_message_id_key UNIQUE (sender, message_id);
ALTER TABLE hub_inbox DROP CONSTRAINT hub_inbox_status_check;
UPDATE hub_inbox SET status = 'PARKED' WHERE status = 'ERROR';
ALTER TABLE hub_inbox ADD CONSTRAINT hub_inbox_status_check
    CHECK (status IN ('PENDING', 'APPLIED', 'IGNORED', 'PARKED'));
CREATE INDEX hub_inbox_parked ON hub_inbox (seq) WHERE status = 'PARKED';

-- Hub outbox: a porting request not sent because its case moved on before its donor was known is SKIPPED.
ALTER TABLE hub_outbox DROP CONSTRAINT hub_outbox_status_check;
ALTER TABLE hub_outbox ADD CONSTRAINT hub_outbox_status_check
    CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'SKIPPED'));
CREATE INDEX hub_outbox_by_message ON hub_outbox (message_id);

-- Every agent action, with the agent's identity (R-DATA-02): compensation claims here.
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
