-- The ledger (R-BILL-03): an append-only list of entries per account, in øre, signed (credit > 0, debit < 0),
-- each with a reason and its cause. The cause is unique: the same event or charge can never be booked twice.
-- An account's balance is the sum of its entries (an index-only scan of ledger_entry_by_customer). There is no
-- foreign key to account: its per-row trigger cost more than the charge run itself; entries are booked only for
-- existing accounts (Ledger opens the account first, the charge run joins account), and tests check it.
CREATE TABLE ledger_entry (
    id              BIGSERIAL   PRIMARY KEY,
    customer_id     TEXT        NOT NULL,
    kind            TEXT        NOT NULL
        CHECK (kind IN ('CHARGE', 'FEE', 'USAGE', 'REFUND', 'COMPENSATION', 'TOP_UP', 'SETTLEMENT')),
    amount_ore      BIGINT      NOT NULL,
    reason          TEXT        NOT NULL,
    cause           TEXT        NOT NULL UNIQUE,
    subscription_id TEXT,
    period_month    DATE,
    booked_at       TIMESTAMPTZ NOT NULL
);

CREATE INDEX ledger_entry_by_customer ON ledger_entry (customer_id) INCLUDE (amount_ore);

-- Entries are never updated or deleted.
CREATE FUNCTION ledger_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger entries are append-only';
END;
$$;

CREATE TRIGGER ledger_entry_append_only
    BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_is_append_only();

-- What to charge, fed only by events.
CREATE TABLE billable_subscription (
    subscription_id   TEXT PRIMARY KEY,
    customer_id       TEXT        NOT NULL,
    plan_code         TEXT        NOT NULL,
    monthly_price_ore BIGINT      NOT NULL CHECK (monthly_price_ore >= 0),
    activated_on      DATE        NOT NULL,
    binding_ends_on   DATE,
    ended_on          DATE,
    status            TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'ENDED')),
    version           BIGINT      NOT NULL
);

CREATE INDEX billable_subscription_active ON billable_subscription (subscription_id) WHERE status = 'ACTIVE';

-- Monthly charge runs (R-BILL-01, R-BILL-08): one per month, resumable, with progress.
CREATE TABLE charge_run (
    id          UUID PRIMARY KEY,
    month       DATE        NOT NULL UNIQUE,
    status      TEXT        NOT NULL CHECK (status IN ('RUNNING', 'FINISHED')),
    total       INTEGER     NOT NULL,
    done        INTEGER     NOT NULL DEFAULT 0,
    charged     INTEGER     NOT NULL DEFAULT 0,
    failures    INTEGER     NOT NULL DEFAULT 0,
    last_key    TEXT        NOT NULL DEFAULT '',
    lease_until TIMESTAMPTZ NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    version     BIGINT      NOT NULL DEFAULT 0
);
