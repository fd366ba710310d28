-- Contacts (R-DATA-02): an agent works on a customer only within an open contact. The subscription service owns
-- them (opens, closes, closes idle ones); porting and billing keep this same table as a projection of its
-- ContactOpened / ContactClosed events. Every audit entry names the contact it was made in and the service that
-- made it (the subscription service also collects the entries porting and billing publish).
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

ALTER TABLE audit_entry
    ADD COLUMN contact_id UUID,
    ADD COLUMN service    TEXT,
    ADD COLUMN source_id  TEXT;
CREATE UNIQUE INDEX audit_entry_source ON audit_entry (service, source_id) WHERE source_id IS NOT NULL;

-- The contact a consent was recorded in: an agent may not both record the consent and sell in one contact (R-ORD-09)
ALTER TABLE consent ADD COLUMN recorded_in_contact UUID;
