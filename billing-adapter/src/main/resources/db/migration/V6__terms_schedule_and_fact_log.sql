-- Billing learns from facts on two topics, in any order and possibly twice. Every fact about a subscription is kept
-- here as it came; the subscription's billing state (its live ranges, its terms from each date on, its owners) is
-- derived from all of them together, so a fact that comes before the one it refers to waits as state (issue #10).
CREATE TABLE billing_fact (
    seq             BIGSERIAL   PRIMARY KEY,
    subscription_id TEXT        NOT NULL,
    fact_id         TEXT        NOT NULL,
    type            TEXT        NOT NULL,
    payload         JSONB       NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (subscription_id, fact_id, type)
);

-- billable_subscription is now a projection of the facts: what the charge run reads.
ALTER TABLE billable_subscription DROP CONSTRAINT billable_subscription_status_check;
ALTER TABLE billable_subscription ADD CONSTRAINT billable_subscription_status_check
    CHECK (status IN ('UNKNOWN', 'PENDING', 'ACTIVE', 'ENDED', 'WITHDRAWN'));
ALTER TABLE billable_subscription ALTER COLUMN plan_code DROP NOT NULL;
ALTER TABLE billable_subscription ALTER COLUMN monthly_price_ore DROP NOT NULL;
ALTER TABLE billable_subscription ALTER COLUMN activated_on DROP NOT NULL;
ALTER TABLE billable_subscription ALTER COLUMN customer_id DROP NOT NULL;
ALTER TABLE billable_subscription ADD COLUMN order_id TEXT;
-- the start of the latest terms (plan_code, monthly_price_ore are theirs), the number of live ranges
ALTER TABLE billable_subscription ADD COLUMN terms_from DATE;
ALTER TABLE billable_subscription ADD COLUMN range_count INTEGER NOT NULL DEFAULT 1;
CREATE INDEX billable_subscription_by_customer ON billable_subscription (customer_id);
CREATE INDEX billable_subscription_by_order ON billable_subscription (order_id) WHERE order_id IS NOT NULL;

-- The terms schedule: plan and price from each date on (activation and plan changes, cancelled ones left out).
CREATE TABLE subscription_terms (
    subscription_id TEXT   NOT NULL,
    seq             BIGINT NOT NULL,
    effective_from  DATE   NOT NULL,
    plan_code       TEXT   NOT NULL,
    price_ore       BIGINT NOT NULL CHECK (price_ore >= 0),
    PRIMARY KEY (subscription_id, effective_from, seq)
);

-- The days a line was live: from starts_on, until ends_on (excluded; null while live).
CREATE TABLE billing_period (
    subscription_id TEXT NOT NULL,
    starts_on       DATE NOT NULL,
    ends_on         DATE,
    PRIMARY KEY (subscription_id, starts_on)
);

-- Plans' announced price changes (R-SUB-11), for every line on the plan, active or not yet.
CREATE TABLE plan_price (
    change_id      TEXT PRIMARY KEY,
    plan_code      TEXT        NOT NULL,
    effective_from DATE        NOT NULL,
    price_ore      BIGINT      NOT NULL CHECK (price_ore >= 0),
    seq            BIGSERIAL   NOT NULL UNIQUE,
    learned_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX plan_price_by_plan ON plan_price (plan_code, effective_from, seq);

-- The existing subscriptions as facts, so their state derives like every new one's.
INSERT INTO billing_fact (subscription_id, fact_id, type, payload, recorded_at)
SELECT subscription_id, 'migrated-activation', 'Activated',
       jsonb_build_object('seq', 0, 'factId', 'migrated-activation', 'customerId', customer_id,
                          'planCode', plan_code, 'priceOre', monthly_price_ore, 'on', activated_on,
                          'bindingEndsOn', binding_ends_on),
       now()
FROM billable_subscription;
INSERT INTO billing_fact (subscription_id, fact_id, type, payload, recorded_at)
SELECT subscription_id, 'migrated-change', 'PlanChanged',
       jsonb_build_object('seq', 0, 'factId', 'migrated-change', 'changeId', next_change_id,
                          'planCode', next_plan_code, 'priceOre', next_price_ore, 'effectiveOn', next_price_from),
       now()
FROM billable_subscription WHERE next_change_id IS NOT NULL;
INSERT INTO billing_fact (subscription_id, fact_id, type, payload, recorded_at)
SELECT subscription_id, 'migrated-end', 'Ended',
       jsonb_build_object('seq', 0, 'factId', 'migrated-end', 'on', ended_on), now()
FROM billable_subscription WHERE status = 'ENDED' AND ended_on IS NOT NULL;
INSERT INTO subscription_terms (subscription_id, seq, effective_from, plan_code, price_ore)
SELECT subscription_id, 0, activated_on, plan_code, monthly_price_ore FROM billable_subscription;
INSERT INTO subscription_terms (subscription_id, seq, effective_from, plan_code, price_ore)
SELECT subscription_id, 1, next_price_from, next_plan_code, next_price_ore
FROM billable_subscription WHERE next_change_id IS NOT NULL;
INSERT INTO billing_period (subscription_id, starts_on, ends_on)
SELECT subscription_id, activated_on, CASE WHEN status = 'ENDED' THEN greatest(ended_on, activated_on) END
FROM billable_subscription;
UPDATE billable_subscription SET terms_from = coalesce(next_price_from, activated_on),
                                 plan_code = coalesce(next_plan_code, plan_code),
                                 monthly_price_ore = coalesce(next_price_ore, monthly_price_ore);
ALTER TABLE billable_subscription DROP COLUMN next_change_id;
ALTER TABLE billable_subscription DROP COLUMN next_plan_code;
ALTER TABLE billable_subscription DROP COLUMN next_price_ore;
ALTER TABLE billable_subscription DROP COLUMN next_price_from;

-- Month-bound entries are found by their month (reconciliation); entries are appended in month order, so a BRIN
-- index is small and costs the charge run next to nothing.
CREATE INDEX ledger_entry_by_period ON ledger_entry USING brin (period_month);

-- Settlements (R-BILL-07), numbered per customer; a reverted port-out (R-POUT-05) reverses the one it caused.
ALTER TABLE account ADD COLUMN settlements INTEGER NOT NULL DEFAULT 0;
ALTER TABLE account ADD COLUMN settled BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE account ADD COLUMN top_ups INTEGER NOT NULL DEFAULT 0;
CREATE TABLE account_settlement (
    customer_id             TEXT        NOT NULL,
    n                       INTEGER     NOT NULL,
    trigger_subscription_id TEXT,
    balance_ore             BIGINT      NOT NULL,
    write_off_ore           BIGINT      NOT NULL,
    settled_at              TIMESTAMPTZ NOT NULL,
    reversed_at             TIMESTAMPTZ,
    PRIMARY KEY (customer_id, n)
);

-- Automatic top-ups (R-BILL-04): one per shortfall, its idempotency key kept until the provider decided.
CREATE TABLE top_up (
    customer_id TEXT        NOT NULL,
    n           INTEGER     NOT NULL,
    amount_ore  BIGINT      NOT NULL CHECK (amount_ore > 0),
    status      TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED')),
    created_at  TIMESTAMPTZ NOT NULL,
    decided_at  TIMESTAMPTZ,
    PRIMARY KEY (customer_id, n)
);
CREATE UNIQUE INDEX top_up_one_pending ON top_up (customer_id) WHERE status = 'PENDING';

-- Complaints (R-CMPL-01): acknowledged within 14 days, decided within 3 months (6 when special); the disputed
-- amount is neither collected nor a reason to block until the decision. The disputes of before become complaints.
CREATE TABLE complaint (
    id                   TEXT PRIMARY KEY,
    customer_id          TEXT        NOT NULL,
    amount_ore           BIGINT      NOT NULL CHECK (amount_ore >= 0),
    reason               TEXT        NOT NULL,
    special              BOOLEAN     NOT NULL DEFAULT FALSE,
    opened_at            TIMESTAMPTZ NOT NULL,
    opened_by            TEXT        NOT NULL,
    acknowledge_by       TIMESTAMPTZ NOT NULL,
    decide_by            TIMESTAMPTZ NOT NULL,
    acknowledged_at      TIMESTAMPTZ,
    acknowledged_by      TEXT,
    decided_at           TIMESTAMPTZ,
    decided_by           TEXT,
    outcome              TEXT CHECK (outcome IN ('UPHELD', 'REJECTED')),
    credited_ore         BIGINT,
    acknowledge_overdue  BOOLEAN     NOT NULL DEFAULT FALSE,
    decision_overdue     BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX complaint_by_customer ON complaint (customer_id);
CREATE INDEX complaint_open ON complaint (decide_by) WHERE decided_at IS NULL;
INSERT INTO complaint (id, customer_id, amount_ore, reason, opened_at, opened_by, acknowledge_by, decide_by,
                       decided_at, decided_by, outcome)
SELECT complaint_id, customer_id, amount_ore, 'disputed amount', opened_at, 'migrated',
       opened_at + interval '14 days', opened_at + interval '3 months',
       resolved_at, CASE WHEN resolved_at IS NOT NULL THEN 'migrated' END,
       CASE WHEN resolved_at IS NOT NULL THEN 'REJECTED' END
FROM dispute;
DROP TABLE dispute;

-- Reconciliations: what the schedules say every subscription should have been charged for a month, against the
-- ledger.
CREATE TABLE reconciliation (
    id            UUID PRIMARY KEY,
    month         DATE        NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    subscriptions INTEGER     NOT NULL DEFAULT 0,
    differences   INTEGER     NOT NULL DEFAULT 0
);
CREATE TABLE reconciliation_difference (
    reconciliation_id UUID   NOT NULL REFERENCES reconciliation (id),
    subscription_id   TEXT   NOT NULL,
    customer_id       TEXT,
    expected_ore      BIGINT NOT NULL,
    booked_ore        BIGINT NOT NULL,
    PRIMARY KEY (reconciliation_id, subscription_id)
);

-- Subscriptions whose booked months a fact learned later may change (a plan's price cut that is already in force),
-- reviewed in batches by a worker.
CREATE TABLE billing_review (
    subscription_id TEXT        NOT NULL,
    fact_id         TEXT        NOT NULL,
    queued_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subscription_id, fact_id)
);
