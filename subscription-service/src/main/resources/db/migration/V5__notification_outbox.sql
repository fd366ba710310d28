-- Messages to customers (acceptance and ownership-transfer links), written in the transaction that decides them and
-- sent by e-mail (SMTP) and SMS (the gateway's HTTP API) after it commits. The one-time token is kept only until both
-- are out; the address and number are read from the customer at sending time, never copied here.
CREATE TABLE notification_outbox (
    id              BIGSERIAL PRIMARY KEY,
    kind            TEXT        NOT NULL,
    customer_id     TEXT        NOT NULL,
    subject_id      TEXT        NOT NULL,
    token           TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    email_sent_at   TIMESTAMPTZ,
    sms_sent_at     TIMESTAMPTZ,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT
);
CREATE INDEX notification_due ON notification_outbox (next_attempt_at) WHERE token IS NOT NULL;
