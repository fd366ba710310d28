-- A message a consumer gave up on (its retries spent, or refused outright) is sent to the topic's dead-letter topic
-- and, beside it, written here: the agents' queue lists what no saga will finish by itself.
CREATE TABLE dead_letter (
    id          BIGSERIAL   PRIMARY KEY,
    consumer    TEXT        NOT NULL,
    topic       TEXT        NOT NULL,
    event_id    TEXT        NOT NULL,
    event_type  TEXT,
    event_key   TEXT,
    customer_id TEXT,
    error       TEXT        NOT NULL,
    dead_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (consumer, event_id)
);
CREATE INDEX dead_letter_newest ON dead_letter (id DESC);
