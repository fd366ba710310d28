-- One account per customer (R-BILL-03). Its balance is not stored: it is the sum of the account's ledger entries
-- (see V2), so it can never disagree with them.
CREATE TABLE account (
    customer_id       TEXT PRIMARY KEY,
    automatic_payment BOOLEAN     NOT NULL DEFAULT TRUE,
    opened_at         TIMESTAMPTZ NOT NULL,
    version           BIGINT      NOT NULL
);
