-- How an account pays (R-BILL-04) and where collection stands (R-BILL-05, R-CMPL-01).
ALTER TABLE account ADD COLUMN payment_method TEXT CHECK (payment_method IN ('CARD', 'MOBILEPAY'));
ALTER TABLE account ADD COLUMN payment_ref TEXT;
ALTER TABLE account ADD COLUMN top_up_target_ore BIGINT NOT NULL DEFAULT 10000;
ALTER TABLE account ADD COLUMN negative_since DATE;
ALTER TABLE account ADD COLUMN notice_sent_on DATE;
ALTER TABLE account ADD COLUMN blocking_allowed_on DATE;

-- Amounts under complaint are not collected while the complaint runs (R-CMPL-01).
CREATE TABLE dispute (
    complaint_id TEXT PRIMARY KEY,
    customer_id  TEXT        NOT NULL,
    amount_ore   BIGINT      NOT NULL CHECK (amount_ore > 0),
    opened_at    TIMESTAMPTZ NOT NULL,
    resolved_at  TIMESTAMPTZ
);

CREATE INDEX dispute_open_by_customer ON dispute (customer_id) WHERE resolved_at IS NULL;
