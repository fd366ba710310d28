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
                       s.terms_from, s.activated_on >= ? AS new_line,
                       s.range_count = 1
                       AND CASE WHEN s.activated_on >= ?
                                THEN s.terms_from <= s.activated_on AND NOT (s.plan_code = ANY (?))
                                ELSE s.terms_from <= ? AND NOT (s.plan_code = ANY (?)) END AS simple
                """ + DUE + """
                  AND s.subscription_id > ? AND s.subscription_id <= ?
                ORDER BY s.subscription_id
                LIMIT ?
            ),
            priced AS (
                SELECT c.subscription_id, c.customer_id, c.activated_on, c.new_line,
                       CASE WHEN c.plan_code = ANY (?)
                            THEN coalesce((SELECT pp.price_ore FROM plan_price pp
                                           WHERE pp.plan_code = c.plan_code AND pp.effective_from >= c.terms_from
                                             AND pp.effective_from <= ?
                                           ORDER BY pp.effective_from DESC, pp.seq DESC LIMIT 1),
                                          c.monthly_price_ore)
                            ELSE c.monthly_price_ore END AS price
                FROM chunk c WHERE c.simple
            ),
            booked AS (
                INSERT INTO ledger_entry (customer_id, kind, amount_ore, reason, cause, subscription_id, period_month,
                                          booked_at)
                SELECT p.customer_id, 'CHARGE', -x.amount, x.reason, 'charge:' || p.subscription_id || ':' || x.month,
                       p.subscription_id, x.period, ?
                FROM priced p
                CROSS JOIN LATERAL (
                    VALUES (CAST(? AS text), CAST(? AS date), CAST(? AS text), p.price),
                           (CASE WHEN p.new_line THEN CAST(? AS text) END, CAST(? AS date), CAST(? AS text),
                            (2 * p.price * (CAST(? AS date) - p.activated_on) + ?) / (2 * ?))
                ) AS x (month, period, reason, amount)
                WHERE x.month IS NOT NULL AND x.amount > 0
                ON CONFLICT (cause) DO NOTHING
                RETURNING period_month
            )
            SELECT (SELECT count(*) FROM chunk), (SELECT max(subscription_id) FROM chunk),
                   (SELECT count(*) FROM booked WHERE period_month = ?),
                   (SELECT array_agg(subscription_id) FROM chunk WHERE NOT simple)
            """;

    /**
     * What one chunk did: how many subscriptions it covered, the last one's id, how many it charged, and the ones
     * left to be charged from their schedule.
     */
    public record Chunk(int subscriptions, String lastKey, int booked, List<String> irregular) {}

    /**
     * Splits the subscriptions the run for {@code month} covers into at most {@code slices} ranges of about equal size,
     * each {@code (from, to]}; the first starts after "" and the last ends at the largest id. Subscriptions that go live
     * later (after the run was claimed) are charged by their own review.
     */
    public static List<String[]> slices(Connection c, YearMonth month, int slices) throws SQLException {
        int total = countDue(c, month);
        List<String> ends = new ArrayList<>();
        for (int k = 1; k <= Math.max(1, slices) && total > 0; k++) {
            long at = Math.max(0, (long) total * k / Math.max(1, slices) - 1);
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT s.subscription_id " + DUE + " ORDER BY s.subscription_id OFFSET ? LIMIT 1")) {
                s.setDate(1, Date.valueOf(month.atDay(1)));
                s.setLong(2, at);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && (ends.isEmpty() || !r.getString(1).equals(ends.get(ends.size() - 1)))) {
                        ends.add(r.getString(1));
                    }
                }
            }
        }
        List<String[]> ranges = new ArrayList<>();
        String from = "";
        for (String end : ends) {
            ranges.add(new String[] {from, end});
            from = end;
        }
        if (ranges.isEmpty()) {
            ranges.add(new String[] {"", ""});
        }
        return ranges;
    }

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
     * Charges the next {@code size} subscriptions after {@code afterKey} and up to {@code upToKey} (a slice's end), in
     * one statement.
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
            String upToKey,
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
        noJit(c);
        try (PreparedStatement s = c.prepareStatement(CHUNK)) {
            Array changingNow = c.createArrayOf("text", changingInMonth.toArray());
            Array changingBefore = c.createArrayOf("text", changingSincePrevious.toArray());
            Array repricedPlans = c.createArrayOf("text", repriced.toArray());
            int i = 1;
            s.setDate(i++, prevFirst);
            s.setDate(i++, prevFirst);
            s.setArray(i++, changingBefore);
            s.setDate(i++, first);
            s.setArray(i++, changingNow);
            s.setDate(i++, first);
            s.setString(i++, afterKey);
            s.setString(i++, upToKey);
            s.setInt(i++, size);
            s.setArray(i++, repricedPlans);
            s.setDate(i++, first);
            s.setTimestamp(i++, Timestamp.from(now));
            s.setString(i++, month.toString());
            s.setDate(i++, first);
            s.setString(i++, "Monthly fee " + month);
            s.setString(i++, previous.toString());
            s.setDate(i++, prevFirst);
            s.setString(i++, "Monthly fee " + previous + " from activation");
            s.setDate(i++, first);
            s.setInt(i++, prevDays);
            s.setInt(i++, prevDays);
            s.setDate(i++, first);
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

    /**
     * PostgreSQL compiles a statement it estimates costly to machine code first (JIT); a chunk would pay that
     * compilation every time. Off for this transaction only.
     */
    static void noJit(Connection c) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("SET LOCAL jit = off");
        }
    }

    private ChargeRunSql() {}
}
