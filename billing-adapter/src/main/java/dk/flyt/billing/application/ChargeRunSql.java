package dk.flyt.billing.application;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The monthly charge run as set-based SQL (R-BILL-01, R-BILL-02, R-BILL-08), one chunk of live subscriptions per
 * call. One statement books the month's charge for every subscription in the chunk whose price is the same all month
 * (and, for one activated in the month before, that month's rest by days), at the price in force on the 1st; it
 * hands back the ones it cannot price that simply (terms or a plan's price changing within the days it would charge,
 * a second live range after a reverted port-out), which {@link SubscriptionBook} charges from their schedule. Each
 * entry's cause is {@code charge:<subscription>:<month>} and unique, so a chunk run twice, a charge booked by a
 * review at the same moment, or a restart after a crash books nothing twice. Plain JDBC, so the service and the
 * benchmark run exactly the same statement.
 */
public final class ChargeRunSql {
    /** Live subscriptions the run for a month covers: activated before it. */
    static final String DUE = "FROM billable_subscription s WHERE s.status = 'ACTIVE' AND s.activated_on < ? ";

    private static final String CHUNK = """
            WITH chunk AS (
                SELECT s.subscription_id, s.customer_id, s.activated_on, s.plan_code, s.monthly_price_ore,
                       s.terms_from, s.range_count
                """ + DUE + """
                  AND s.subscription_id > ?
                ORDER BY s.subscription_id
                LIMIT ?
            ),
            simple AS (
                SELECT c.*, c.activated_on >= ? AS new_line
                FROM chunk c
                WHERE c.range_count = 1
                  AND CASE WHEN c.activated_on >= ?
                           THEN c.terms_from <= c.activated_on AND NOT (c.plan_code = ANY (?))
                           ELSE c.terms_from <= ? AND NOT (c.plan_code = ANY (?)) END
            ),
            priced AS (
                SELECT p.subscription_id, p.customer_id, p.new_line, p.activated_on,
                       CASE WHEN p.plan_code = ANY (?)
                            THEN coalesce((SELECT pp.price_ore FROM plan_price pp
                                           WHERE pp.plan_code = p.plan_code AND pp.effective_from >= p.terms_from
                                             AND pp.effective_from <= ?
                                           ORDER BY pp.effective_from DESC, pp.seq DESC LIMIT 1),
                                          p.monthly_price_ore)
                            ELSE p.monthly_price_ore END AS price
                FROM simple p
            ),
            charges AS (
                SELECT subscription_id, customer_id, price AS amount, CAST(? AS text) AS month, CAST(? AS date) AS period,
                       CAST(? AS text) AS reason
                FROM priced
                UNION ALL
                SELECT subscription_id, customer_id,
                       (2 * price * (?::date - activated_on) + ?) / (2 * ?) AS amount, CAST(? AS text),
                       CAST(? AS date), CAST(? AS text)
                FROM priced WHERE new_line
            ),
            booked AS (
                INSERT INTO ledger_entry (customer_id, kind, amount_ore, reason, cause, subscription_id, period_month,
                                          booked_at)
                SELECT customer_id, 'CHARGE', -amount, reason, 'charge:' || subscription_id || ':' || month,
                       subscription_id, period, ?
                FROM charges
                WHERE amount > 0
                ON CONFLICT (cause) DO NOTHING
                RETURNING subscription_id
            )
            SELECT (SELECT count(*) FROM chunk), (SELECT max(subscription_id) FROM chunk),
                   (SELECT count(DISTINCT subscription_id) FROM booked),
                   (SELECT array_agg(subscription_id) FROM chunk c
                    WHERE NOT EXISTS (SELECT 1 FROM simple x WHERE x.subscription_id = c.subscription_id))
            """;

    /**
     * What one chunk did: how many subscriptions it covered, the last one's id, how many it charged, and the ones
     * left to be charged from their schedule.
     */
    public record Chunk(int subscriptions, String lastKey, int booked, List<String> irregular) {}

    /** How many subscriptions the run for {@code month} covers. */
    public static int countDue(Connection c, YearMonth month) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) " + DUE)) {
            s.setDate(1, Date.valueOf(month.atDay(1)));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /**
     * Charges the next {@code size} subscriptions after {@code afterKey}, in one statement.
     *
     * @param changingInMonth plans whose price changes on a day after the month's 1st and within it
     * @param changingSincePrevious plans whose price changes after the 1st of the month before and within the month
     *     (for lines activated in the month before, whose rest of that month is charged too)
     * @param repriced plans with a price change on or before the 1st (their price is looked up)
     */
    public static Chunk chargeChunk(
            Connection c,
            YearMonth month,
            String afterKey,
            int size,
            Instant now,
            Collection<String> changingInMonth,
            Collection<String> changingSincePrevious,
            Collection<String> repriced)
            throws SQLException {
        Date first = Date.valueOf(month.atDay(1));
        Date prevFirst = Date.valueOf(month.minusMonths(1).atDay(1));
        YearMonth previous = month.minusMonths(1);
        int prevDays = previous.lengthOfMonth();
        try (PreparedStatement s = c.prepareStatement(CHUNK)) {
            Array changingNow = c.createArrayOf("text", changingInMonth.toArray());
            Array changingBefore = c.createArrayOf("text", changingSincePrevious.toArray());
            Array repricedPlans = c.createArrayOf("text", repriced.toArray());
            int i = 1;
            s.setDate(i++, first);
            s.setString(i++, afterKey);
            s.setInt(i++, size);
            s.setDate(i++, prevFirst);
            s.setDate(i++, prevFirst);
            s.setArray(i++, changingBefore);
            s.setDate(i++, first);
            s.setArray(i++, changingNow);
            s.setArray(i++, repricedPlans);
            s.setDate(i++, first);
            s.setString(i++, month.toString());
            s.setDate(i++, first);
            s.setString(i++, "Monthly fee " + month);
            s.setDate(i++, first);
            s.setInt(i++, prevDays);
            s.setInt(i++, prevDays);
            s.setString(i++, previous.toString());
            s.setDate(i++, prevFirst);
            s.setString(i++, "Monthly fee " + previous + " from activation");
            s.setTimestamp(i++, Timestamp.from(now));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                List<String> irregular = new ArrayList<>();
                Array ids = r.getArray(4);
                if (ids != null) {
                    for (Object id : (Object[]) ids.getArray()) {
                        irregular.add((String) id);
                    }
                }
                return new Chunk(r.getInt(1), r.getString(2), r.getInt(3), irregular);
            }
        }
    }

    private ChargeRunSql() {}
}
