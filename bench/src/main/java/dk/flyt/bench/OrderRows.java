package dk.flyt.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The database work of placing one new-number web-shop order, done directly over JDBC in one transaction: what the
 * subscription service's checkout does to PostgreSQL (taken from its statement log), without the framework, the
 * HTTP, the JSON and the credit check. The order intake benchmark's limit.
 *
 * <ul>
 *   <li>the locks: the customer identity's advisory lock, the free pool number's row lock;
 *   <li>the reads: the idempotency key, the customer by CPR, the subscriptions and pending lines the customer holds;
 *   <li>the writes: the customer, the order, its line, its subscription, the activation timer, the number's
 *       reservation, three outbox events and four timeline entries.
 * </ul>
 *
 * One connection per thread, prepared statements kept, as a connection pool with a statement cache would.
 */
final class OrderRows {
    private static final java.util.concurrent.atomic.AtomicLong NEXT =
            new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis() % 1_000_000 * 10_000);
    private final String jdbc;
    private final ThreadLocal<Statements> statements = ThreadLocal.withInitial(this::open);

    private final java.time.Clock clock;

    /** {@code clock}: the services' time, the machine's (they run with their real clock in the benchmarks). */
    OrderRows(String jdbc, java.time.Clock clock) throws SQLException {
        this.jdbc = jdbc;
        this.clock = clock;
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("INSERT INTO pool_number (number)"
                        + " SELECT '+4553' || lpad(n::text, 6, '0') FROM generate_series(0, 499999) AS n"
                        + " ON CONFLICT DO NOTHING")) {
            // the pool the migration seeds holds 10,000 numbers; the benchmark hands out more than that
            s.executeUpdate();
        }
    }

    private record Statements(
            Connection connection,
            PreparedStatement identityLock,
            PreparedStatement byKey,
            PreparedStatement customerByCpr,
            PreparedStatement subscriptionsHeld,
            PreparedStatement linesPending,
            PreparedStatement insertCustomer,
            PreparedStatement reserveNumber,
            PreparedStatement insertOrder,
            PreparedStatement insertLine,
            PreparedStatement insertSubscription,
            PreparedStatement insertTimer,
            PreparedStatement insertOutbox,
            PreparedStatement insertTimeline) {}

    private Statements open() {
        try {
            Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
            c.setAutoCommit(false);
            return new Statements(
                    c,
                    c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 7714))"),
                    c.prepareStatement("SELECT id, request_hash FROM customer_order WHERE idempotency_key = ?"),
                    c.prepareStatement("SELECT id, kind, version FROM customer WHERE cpr = ? FETCH FIRST 1 ROWS ONLY"),
                    c.prepareStatement("SELECT count(*) FROM subscription WHERE customer_id = ? AND status <> 'ENDED'"),
                    c.prepareStatement(
                            "SELECT count(l.id) FROM customer_order o JOIN order_line l ON o.id = l.order_id"
                                    + " WHERE o.customer_id = ? AND o.status IN ('PENDING_CREDIT_CHECK', 'AWAITING_ACCEPTANCE')"),
                    c.prepareStatement("INSERT INTO customer (id, kind, cpr, name, street, postal_code, city, email,"
                            + " contact_number, payment_method_ref, created_at, version)"
                            + " VALUES (?, 'PRIVATE', ?, 'Karen Jensen', 'Nørregade 1', '8000', 'Aarhus C', ?,"
                            + " '26123456', 'pm-visa-4242', ?, 0)"),
                    c.prepareStatement("UPDATE pool_number SET reserved_by = ?, reserved_at = ? WHERE number ="
                            + " (SELECT number FROM pool_number WHERE reserved_by IS NULL ORDER BY number LIMIT 1"
                            + " FOR UPDATE SKIP LOCKED) RETURNING number"),
                    c.prepareStatement("INSERT INTO customer_order (id, customer_id, channel, status, idempotency_key,"
                            + " request_hash, placed_by, creation_fee_ore, creation_fee_waived, credit_decision,"
                            + " credit_attempts, accepted_on, withdrawal_deadline, created_at, updated_at, version)"
                            + " VALUES (?, ?, 'WEBSHOP', 'IN_PROGRESS', ?, ?, 'webshop', 9900, false, 'APPROVED', 1, ?,"
                            + " ?, ?, ?, 0)"),
                    c.prepareStatement("INSERT INTO order_line (id, order_id, position, plan_code, number_kind, number,"
                            + " sim_kind, binding_months, step, subscription_id, version)"
                            + " VALUES (?, ?, 0, 'MOBILE_10GB', 'NEW', ?, 'SIM', 0, 'AWAITING_SHIPMENT', ?, 0)"),
                    c.prepareStatement(
                            "INSERT INTO subscription (id, customer_id, order_id, line_id, number, plan_code,"
                                    + " status, binding_months, created_on, activation_due_on, version)"
                                    + " VALUES (?, ?, ?, ?, ?, 'MOBILE_10GB', 'PENDING', 0, ?, ?, 0)"),
                    c.prepareStatement("INSERT INTO saga_timer (id, kind, aggregate_id, due_at) VALUES (?,"
                            + " 'ACTIVATION_DUE', ?, ?) ON CONFLICT (kind, aggregate_id) DO UPDATE"
                            + " SET due_at = EXCLUDED.due_at, fired_at = NULL"),
                    c.prepareStatement("INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, type,"
                            + " payload, headers, occurred_at) VALUES (?, 'bench.order-rows', 'Order', ?, ?,"
                            + " CAST(? AS jsonb), CAST('{\"schemaVersion\":1}' AS jsonb), ?)"),
                    c.prepareStatement("INSERT INTO timeline_entry (order_id, subscription_id, customer_id, at, source,"
                            + " what, detail) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One order's rows, committed. */
    void placeOne() throws SQLException {
        Statements s = statements.get();
        // a CPR of its own per order (random ones meet after a few thousand, and the unique index refuses the second)
        long n = NEXT.incrementAndGet();
        String cpr = String.format("%06d-%04d", n / 10_000, n % 10_000);
        String key = UUID.randomUUID().toString();
        UUID order = UUID.randomUUID();
        UUID line = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        String customer = UUID.randomUUID().toString();
        Instant instant = clock.instant();
        LocalDate day = LocalDate.ofInstant(instant, dk.flyt.contracts.BusinessTime.ZONE);
        Timestamp now = Timestamp.from(instant);
        java.sql.Date today = java.sql.Date.valueOf(day);
        try {
            s.identityLock().setString(1, "cpr:" + cpr);
            s.identityLock().executeQuery().close();
            s.byKey().setString(1, key);
            s.byKey().executeQuery().close();
            s.customerByCpr().setString(1, cpr);
            s.customerByCpr().executeQuery().close();
            s.subscriptionsHeld().setString(1, customer);
            s.subscriptionsHeld().executeQuery().close();
            s.linesPending().setString(1, customer);
            s.linesPending().executeQuery().close();
            s.insertCustomer().setString(1, customer);
            s.insertCustomer().setString(2, cpr);
            s.insertCustomer().setString(3, "k" + key.substring(0, 8) + "@example.dk");
            s.insertCustomer().setTimestamp(4, now);
            s.insertCustomer().executeUpdate();
            s.reserveNumber().setObject(1, line);
            s.reserveNumber().setTimestamp(2, now);
            String number;
            try (ResultSet r = s.reserveNumber().executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("the number pool is empty");
                }
                number = r.getString(1);
            }
            s.insertOrder().setObject(1, order);
            s.insertOrder().setString(2, customer);
            s.insertOrder().setString(3, key);
            s.insertOrder().setString(4, key + key);
            s.insertOrder().setDate(5, today);
            s.insertOrder().setDate(6, java.sql.Date.valueOf(day.plusDays(14)));
            s.insertOrder().setTimestamp(7, now);
            s.insertOrder().setTimestamp(8, now);
            s.insertOrder().executeUpdate();
            s.insertLine().setObject(1, line);
            s.insertLine().setObject(2, order);
            s.insertLine().setString(3, number);
            s.insertLine().setObject(4, subscription);
            s.insertLine().executeUpdate();
            s.insertSubscription().setObject(1, subscription);
            s.insertSubscription().setString(2, customer);
            s.insertSubscription().setObject(3, order);
            s.insertSubscription().setObject(4, line);
            s.insertSubscription().setString(5, number);
            s.insertSubscription().setDate(6, today);
            s.insertSubscription().setDate(7, java.sql.Date.valueOf(day.plusDays(45)));
            s.insertSubscription().executeUpdate();
            s.insertTimer().setObject(1, UUID.randomUUID());
            s.insertTimer().setObject(2, subscription);
            s.insertTimer().setTimestamp(3, Timestamp.from(instant.plusSeconds(45 * 86400)));
            s.insertTimer().executeUpdate();
            for (String type : new String[] {"OrderPlaced", "FulfilmentRequested", "OrderApproved"}) {
                s.insertOutbox().setObject(1, UUID.randomUUID());
                s.insertOutbox().setString(2, order.toString());
                s.insertOutbox().setString(3, type);
                s.insertOutbox()
                        .setString(
                                4, "{\"orderId\":\"" + order + "\",\"customerId\":\"" + customer + "\",\"lines\":1}");
                s.insertOutbox().setTimestamp(5, now);
                s.insertOutbox().addBatch();
            }
            s.insertOutbox().executeBatch();
            String[][] timeline = {
                {"ORDER", "ORDER_PLACED"},
                {"ORDER", "CREDIT_APPROVED"},
                {"ORDER", "ORDER_APPROVED"},
                {"SAGA", "FULFILMENT_REQUESTED"}
            };
            for (String[] t : timeline) {
                s.insertTimeline().setObject(1, order);
                s.insertTimeline().setObject(2, t[1].equals("FULFILMENT_REQUESTED") ? subscription : null);
                s.insertTimeline().setString(3, customer);
                s.insertTimeline().setTimestamp(4, now);
                s.insertTimeline().setString(5, t[0]);
                s.insertTimeline().setString(6, t[1]);
                s.insertTimeline().setString(7, "channel WEBSHOP, 1 line(s)");
                s.insertTimeline().addBatch();
            }
            s.insertTimeline().executeBatch();
            s.connection().commit();
        } catch (SQLException | RuntimeException e) {
            s.connection().rollback();
            throw e;
        }
    }
}
