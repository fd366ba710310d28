-- One account per customer (R-BILL-03). The balance is kept with the account and changes only together with the
-- ledger entries that explain it.
CREATE TABLE account (
    customer_id       TEXT PRIMARY KEY,
    balance_ore       BIGINT      NOT NULL DEFAULT 0,
    automatic_payment BOOLEAN     NOT NULL DEFAULT TRUE,
    opened_at         TIMESTAMPTZ NOT NULL,
    version           BIGINT      NOT NULL
);
