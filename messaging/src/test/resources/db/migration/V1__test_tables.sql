CREATE TABLE thing (
    id      UUID PRIMARY KEY,
    name    TEXT   NOT NULL,
    version BIGINT NOT NULL
);

CREATE TABLE thing_effect (
    message_id TEXT NOT NULL,
    thing_key  TEXT NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
