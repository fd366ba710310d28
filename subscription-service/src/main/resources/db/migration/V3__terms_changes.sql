-- Price (terms) changes announced for a plan (R-SUB-11): a change against the customer is announced at least a
-- month ahead and lets the customer leave by the change date; a favourable one needs no notice.
CREATE TABLE terms_change (
    id            UUID PRIMARY KEY,
    plan_code     TEXT        NOT NULL REFERENCES plan (code),
    old_price_ore BIGINT      NOT NULL,
    new_price_ore BIGINT      NOT NULL CHECK (new_price_ore >= 0),
    announced_on  DATE        NOT NULL,
    effective_on  DATE        NOT NULL,
    favourable    BOOLEAN     NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('ANNOUNCED', 'EFFECTIVE')),
    announced_by  TEXT        NOT NULL,
    version       BIGINT      NOT NULL
);
CREATE INDEX terms_change_by_plan ON terms_change (plan_code, effective_on);
