-- The transactional outbox and the consumer inbox, shared by every service. Versions 0.x sort before the
-- services' own migrations (V1 and up); services run Flyway with out-of-order allowed so that a later 0.x
-- migration here still applies.

CREATE TABLE outbox_event (
    seq            BIGSERIAL PRIMARY KEY,          -- relay order
    id             UUID        NOT NULL UNIQUE,    -- the CloudEvents id
    topic          TEXT        NOT NULL,
    aggregate_type TEXT        NOT NULL,
    aggregate_id   TEXT        NOT NULL,           -- the Kafka key
    type           TEXT        NOT NULL,           -- the CloudEvents type, e.g. PortInScheduled
    payload        JSONB       NOT NULL,
    headers        JSONB       NOT NULL DEFAULT '{}'::jsonb,
    occurred_at    TIMESTAMPTZ NOT NULL,
    published_at   TIMESTAMPTZ,
    attempts       INTEGER     NOT NULL DEFAULT 0,
    last_error     TEXT
);

CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_pending_by_aggregate
    ON outbox_event (aggregate_type, aggregate_id, seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;

CREATE TABLE inbox_message (
    consumer     TEXT        NOT NULL,
    message_id   TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consumer, message_id)
);

CREATE INDEX inbox_message_processed ON inbox_message (processed_at);
