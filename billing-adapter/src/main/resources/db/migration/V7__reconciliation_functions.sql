-- The rules' arithmetic in SQL, for the reconciliation (issue #10): the same as billing's domain code computes in
-- Java, written a second time so that each checks the other.

-- price × days ÷ days of the month, rounded half up to whole øre (amounts are never negative here)
CREATE FUNCTION billing_half_up(numerator BIGINT, denominator INTEGER) RETURNS BIGINT
    LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT (2 * numerator + denominator) / (2 * denominator)
$$;

-- The monthly price a subscription has on a day: its terms in force then (the latest starting on or before it),
-- replaced by its plan's announced price from that price's own date, when that is on or after the terms' first day.
CREATE FUNCTION billing_price_on(sub TEXT, day DATE) RETURNS BIGINT
    LANGUAGE sql STABLE STRICT AS $$
    SELECT coalesce(
               (SELECT pp.price_ore FROM plan_price pp
                WHERE pp.plan_code = t.plan_code AND pp.effective_from >= t.effective_from
                  AND pp.effective_from <= day
                ORDER BY pp.effective_from DESC, pp.seq DESC LIMIT 1),
               t.price_ore)
    FROM subscription_terms t
    WHERE t.subscription_id = sub AND t.effective_from <= day
    ORDER BY t.effective_from DESC, t.seq DESC
    LIMIT 1
$$;

-- What one stretch [a, b) of a month costs: the first day's price over all of it, and for each day on which the
-- price may change, the new price less the old from that day to the end of the stretch (R-BILL-09).
CREATE FUNCTION billing_stretch(sub TEXT, a DATE, b DATE, days_in_month INTEGER) RETURNS BIGINT
    LANGUAGE sql STABLE STRICT AS $$
    SELECT billing_half_up(billing_price_on(sub, a) * (b - a), days_in_month)
           + coalesce((
               SELECT sum(billing_half_up(billing_price_on(sub, c.day) * (b - c.day), days_in_month)
                          - billing_half_up(billing_price_on(sub, c.day - 1) * (b - c.day), days_in_month))
               FROM (SELECT t.effective_from AS day FROM subscription_terms t
                     WHERE t.subscription_id = sub AND t.effective_from > a AND t.effective_from < b
                     UNION
                     SELECT pp.effective_from FROM plan_price pp
                     WHERE pp.effective_from > a AND pp.effective_from < b
                       AND pp.plan_code IN (SELECT t2.plan_code FROM subscription_terms t2
                                            WHERE t2.subscription_id = sub)) c), 0)
$$;
