-- A plan change that takes effect later (R-SUB-03, at the next month change): the charge run for a month uses it
-- once it is in force on the month's 1st.
ALTER TABLE billable_subscription ADD COLUMN next_change_id TEXT;
ALTER TABLE billable_subscription ADD COLUMN next_plan_code TEXT;
ALTER TABLE billable_subscription ADD COLUMN next_price_ore BIGINT;
ALTER TABLE billable_subscription ADD COLUMN next_price_from DATE;
