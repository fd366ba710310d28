-- Actions with an Idempotency-Key header: the first answer per caller and key, kept a day (IdempotentRequests).
-- A row without a status is a request still running.
CREATE TABLE idempotent_request (
    caller       text        NOT NULL,
    key          text        NOT NULL,
    fingerprint  text        NOT NULL,
    claimed_at   timestamptz NOT NULL,
    status       integer,
    content_type text,
    body         text,
    PRIMARY KEY (caller, key)
);
CREATE INDEX idempotent_request_by_age ON idempotent_request (claimed_at);
