-- Shared by every service (the platform's own location, db/platform; flyway.out-of-order lets each service's later
-- migrations still apply after it). Contacts (R-DATA-02): an agent works on a customer only within an open contact.
-- The subscription service owns them (opens, closes, closes idle ones); porting and billing keep this same table as a
-- projection of its ContactOpened / ContactClosed events. Every audit entry names the contact it was made in and the
-- service that made it (the subscription service also collects the entries porting and billing publish).
CREATE TABLE contact (
    id               UUID PRIMARY KEY,
    customer_id      TEXT        NOT NULL,
    agent            TEXT        NOT NULL,
    channel          TEXT        NOT NULL,
    reason           TEXT,
    opened_at        TIMESTAMPTZ NOT NULL,
    last_activity_at TIMESTAMPTZ NOT NULL,
    closed_at        TIMESTAMPTZ,
    closed_why       TEXT
);
CREATE INDEX contact_open_by_activity ON contact (last_activity_at) WHERE closed_at IS NULL;
CREATE INDEX contact_by_customer ON contact (customer_id, opened_at);

-- audit_entry was created by each service's own migrations before this one, with these columns
CREATE TABLE IF NOT EXISTS audit_entry (
    id          BIGSERIAL PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    customer_id TEXT,
    target      TEXT,
    reason      TEXT
);
CREATE INDEX IF NOT EXISTS audit_by_customer ON audit_entry (customer_id, id);
ALTER TABLE audit_entry
    ADD COLUMN IF NOT EXISTS contact_id UUID,
    ADD COLUMN IF NOT EXISTS service    TEXT,
    ADD COLUMN IF NOT EXISTS source_id  TEXT;
CREATE UNIQUE INDEX audit_entry_source ON audit_entry (service, source_id) WHERE source_id IS NOT NULL;
