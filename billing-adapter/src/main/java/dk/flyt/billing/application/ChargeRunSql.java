package dk.flyt.billing.application;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;

/**
 * The monthly charge run as set-based SQL (R-BILL-01, R-BILL-02, R-BILL-08), one chunk of subscriptions per call:
 * one statement books a charge entry per active subscription in the chunk, at the plan price in force on the 1st (the balance is the sum of the entries,
 * so nothing else moves). Each entry's cause is {@code charge:<subscription>:<month>} and unique, so a chunk run
 * twice (a second run, or a restart after a crash) books nothing twice. Plain JDBC, so the service and the
 * benchmark run exactly the same statement.
 */
public final class ChargeRunSql {
    /** Subscriptions due a charge for the month: active, activated before it. */
    static final String DUE = "FROM billable_subscription s WHERE s.status = 'ACTIVE' AND s.activated_on < ? ";

    private static final String CHUNK = """
            WITH chunk AS (
                SELECT s.subscription_id, s.customer_id, s.activated_on,
                       CASE WHEN s.next_price_from <= ? THEN s.next_price_ore ELSE s.monthly_price_ore END
                           AS monthly_price_ore
                """ + DUE + """
                  AND s.subscription_id > ?
                ORDER BY s.subscription_id
                LIMIT ?
            ),
            priced AS (
                SELECT c.*,
                       CASE WHEN date_trunc('month', c.activated_on) = date_trunc('month', ?::date - 1)
                            THEN c.monthly_price_ore
                                 + round(c.monthly_price_ore
                                         * (extract(day FROM (date_trunc('month', c.activated_on) + interval '1 month - 1 day'))
                                            - extract(day FROM c.activated_on) + 1)
                                         / extract(day FROM (date_trunc('month', c.activated_on) + interval '1 month - 1 day')))::bigint
                            ELSE c.monthly_price_ore
                       END AS amount
                FROM chunk c
            ),
            booked AS (
                INSERT INTO ledger_entry (customer_id, kind, amount_ore, reason, cause, subscription_id, period_month, booked_at)
                SELECT p.customer_id, 'CHARGE', -p.amount, ?, 'charge:' || p.subscription_id || ':' || ?,
                       p.subscription_id, ?, ?
                FROM priced p
                WHERE p.amount > 0
                ON CONFLICT (cause) DO NOTHING
                RETURNING customer_id
            )
            SELECT (SELECT count(*) FROM chunk), (SELECT max(subscription_id) FROM chunk),
                   (SELECT count(*) FROM booked)
            """;

    /** What one chunk did. */
    public record Chunk(int subscriptions, String lastKey, int booked) {}

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

    /** Charges the next {@code size} due subscriptions after {@code afterKey}, in one statement. */
    public static Chunk chargeChunk(Connection c, YearMonth month, String afterKey, int size, Instant now)
            throws SQLException {
        Date first = Date.valueOf(month.atDay(1));
        try (PreparedStatement s = c.prepareStatement(CHUNK)) {
            s.setDate(1, first);
            s.setDate(2, first);
            s.setString(3, afterKey);
            s.setInt(4, size);
            s.setDate(5, first);
            s.setString(6, "Monthly fee " + month);
            s.setString(7, month.toString());
            s.setDate(8, first);
            s.setTimestamp(9, Timestamp.from(now));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Chunk(r.getInt(1), r.getString(2), r.getInt(3));
            }
        }
    }

    private ChargeRunSql() {}
}
