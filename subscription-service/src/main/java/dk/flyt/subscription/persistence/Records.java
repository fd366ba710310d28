package dk.flyt.subscription.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The service's plain tables, reached with SQL: saga timers, the timeline, the audit log, the number pool and the
 * campaigns. None of them is an aggregate with behaviour, so none gets an entity.
 */
@ApplicationScoped
public class Records {
    private final EntityManager em;

    public Records(EntityManager em) {
        this.em = em;
    }

    // --- saga timers: rows with a due time, fired once by whoever locks them first

    public record Timer(UUID id, String kind, UUID aggregateId, Instant dueAt) {}

    /** Sets (or moves) the one timer of {@code kind} for an aggregate. */
    public void schedule(String kind, UUID aggregateId, Instant dueAt) {
        em.createNativeQuery("""
                        INSERT INTO saga_timer (id, kind, aggregate_id, due_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (kind, aggregate_id) DO UPDATE SET due_at = EXCLUDED.due_at, fired_at = NULL
                        """)
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, kind)
                .setParameter(3, aggregateId)
                .setParameter(4, utc(dueAt))
                .executeUpdate();
    }

    public void cancelTimer(String kind, UUID aggregateId) {
        em.createNativeQuery("UPDATE saga_timer SET fired_at = due_at WHERE kind = ?1 AND aggregate_id = ?2 AND"
                        + " fired_at IS NULL")
                .setParameter(1, kind)
                .setParameter(2, aggregateId)
                .executeUpdate();
    }

    /** One due timer, locked for this transaction so no other replica fires it; empty when none is due. */
    public Optional<Timer> lockNextDue(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                        SELECT id, kind, aggregate_id, due_at FROM saga_timer
                        WHERE fired_at IS NULL AND due_at <= ?1
                        ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED
                        """).setParameter(1, utc(now)).getResultList();
        return rows.stream().findFirst().map(r -> new Timer((UUID) r[0], (String) r[1], (UUID) r[2], instant(r[3])));
    }

    public void fired(UUID timerId, Instant at) {
        em.createNativeQuery("UPDATE saga_timer SET fired_at = ?2 WHERE id = ?1")
                .setParameter(1, timerId)
                .setParameter(2, utc(at))
                .executeUpdate();
    }

    // --- timeline

    public record TimelineEntry(
            long seq, UUID orderId, UUID subscriptionId, Instant at, String source, String what, String detail) {}

    public void timeline(
            UUID orderId,
            UUID subscriptionId,
            String customerId,
            Instant at,
            String source,
            String what,
            String detail) {
        em.createNativeQuery("""
                        INSERT INTO timeline_entry (order_id, subscription_id, customer_id, at, source, what, detail)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        """)
                .setParameter(1, orderId)
                .setParameter(2, subscriptionId)
                .setParameter(3, customerId)
                .setParameter(4, utc(at))
                .setParameter(5, source)
                .setParameter(6, what)
                .setParameter(7, detail)
                .executeUpdate();
    }

    public List<TimelineEntry> timelineOfOrder(UUID orderId) {
        return timelineWhere("order_id = ?1", orderId);
    }

    public List<TimelineEntry> timelineOfSubscription(UUID subscriptionId) {
        return timelineWhere("subscription_id = ?1", subscriptionId);
    }

    /** Everything of all the customer's orders and subscriptions, in order; the newest {@code limit} of it. */
    public List<TimelineEntry> timelineOfCustomer(String customerId, int limit) {
        return timelineWhere("customer_id = ?1", customerId, "ORDER BY id DESC LIMIT " + limit)
                .reversed();
    }

    private List<TimelineEntry> timelineWhere(String where, Object id) {
        return timelineWhere(where, id, "ORDER BY id");
    }

    @SuppressWarnings("unchecked")
    private List<TimelineEntry> timelineWhere(String where, Object id, String order) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, order_id, subscription_id, at, source, what, detail"
                        + " FROM timeline_entry WHERE " + where + " " + order)
                .setParameter(1, id)
                .getResultList();
        return rows.stream()
                .map(r -> new TimelineEntry(
                        ((Number) r[0]).longValue(),
                        (UUID) r[1],
                        (UUID) r[2],
                        instant(r[3]),
                        (String) r[4],
                        (String) r[5],
                        (String) r[6]))
                .toList();
    }

    // --- number pool (R-ORD-03)

    /** Reserves a free number of our pool for an order line; empty when the pool is exhausted. */
    public Optional<String> reserveNumber(UUID lineId, Instant at) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("""
                        UPDATE pool_number SET reserved_by = ?1, reserved_at = ?2
                        WHERE number = (SELECT number FROM pool_number WHERE reserved_by IS NULL
                                        ORDER BY number LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING number
                        """)
                .setParameter(1, lineId)
                .setParameter(2, utc(at))
                .getResultList();
        return rows.stream().findFirst();
    }

    public void releaseNumber(UUID lineId) {
        em.createNativeQuery("UPDATE pool_number SET reserved_by = NULL, reserved_at = NULL WHERE reserved_by = ?1")
                .setParameter(1, lineId)
                .executeUpdate();
    }

    // --- usage

    /** Records a usage report; false when this usage id was recorded before (a redelivery). */
    public boolean recordUsage(
            String usageId,
            UUID subscriptionId,
            java.time.LocalDate usedOn,
            long voiceSeconds,
            long dataMegabytes,
            long amountOre,
            Instant at) {
        return em.createNativeQuery("""
                                INSERT INTO usage_record (usage_id, subscription_id, used_on, voice_seconds,
                                                          data_megabytes, amount_ore, received_at)
                                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (usage_id) DO NOTHING
                                """)
                        .setParameter(1, usageId)
                        .setParameter(2, subscriptionId)
                        .setParameter(3, usedOn)
                        .setParameter(4, voiceSeconds)
                        .setParameter(5, dataMegabytes)
                        .setParameter(6, amountOre)
                        .setParameter(7, utc(at))
                        .executeUpdate()
                == 1;
    }

    // --- campaigns (R-ORD-06)

    public record Campaign(String code, boolean waivesCreationFee, boolean active) {}

    @SuppressWarnings("unchecked")
    public Optional<Campaign> campaign(String code) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT code, waives_creation_fee, active FROM campaign WHERE code = ?1")
                .setParameter(1, code)
                .getResultList();
        return rows.stream().findFirst().map(r -> new Campaign((String) r[0], (Boolean) r[1], (Boolean) r[2]));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }
}
