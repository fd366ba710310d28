package dk.flyt.billing.application;

import dk.flyt.billing.domain.Causes;
import dk.flyt.billing.domain.EntryKind;
import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.billing.BillingEvents;
import dk.flyt.platform.problem.ProblemException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Written complaints about a bill (R-CMPL-01): acknowledged within 14 days and decided within 3 months (6 months when
 * the agent marks the case special). The deadlines are rows, checked by a sweep on every replica, so they survive
 * restarts; an overdue complaint is announced once per deadline, listed for agents and counted. The disputed amount
 * is neither collected nor a reason to block until the decision, which credits it (upheld) or releases it (rejected).
 * The periods are configuration: the rulebook says neither working nor calendar days, and we read calendar time.
 */
@ApplicationScoped
public class Complaints {
    public enum Outcome {
        UPHELD,
        REJECTED
    }

    public record Complaint(
            String id,
            String customerId,
            long amountOre,
            String reason,
            boolean special,
            Instant openedAt,
            Instant acknowledgeBy,
            Instant decideBy,
            Instant acknowledgedAt,
            Instant decidedAt,
            String outcome,
            Long creditedOre,
            boolean acknowledgementOverdue,
            boolean decisionOverdue) {}

    private final EntityManager em;
    private final Ledger ledger;
    private final BillingEventPublisher events;
    private final Clock clock;
    private final Period acknowledgeWithin;
    private final Period decideWithin;
    private final Period specialDecideWithin;
    private final AtomicLong overdue = new AtomicLong();

    public Complaints(
            EntityManager em,
            Ledger ledger,
            BillingEventPublisher events,
            Clock clock,
            MeterRegistry registry,
            @ConfigProperty(name = "flyt.billing.complaints.acknowledge-within", defaultValue = "P14D")
                    String acknowledgeWithin,
            @ConfigProperty(name = "flyt.billing.complaints.decide-within", defaultValue = "P3M") String decideWithin,
            @ConfigProperty(name = "flyt.billing.complaints.special-decide-within", defaultValue = "P6M")
                    String specialDecideWithin) {
        this.em = em;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
        this.acknowledgeWithin = Period.parse(acknowledgeWithin);
        this.decideWithin = Period.parse(decideWithin);
        this.specialDecideWithin = Period.parse(specialDecideWithin);
        Gauge.builder("flyt.billing.complaints.overdue", overdue, AtomicLong::get)
                .description("Open complaints past their acknowledgement or decision deadline (R-CMPL-01)")
                .register(registry);
    }

    /** Opens a complaint on the account; {@code id} may be given by the caller (the older disputes API) or null. */
    @Transactional
    public Complaint open(String id, String customerId, long amountOre, String reason, boolean special, String by) {
        ledger.open(customerId);
        Instant now = clock.instant();
        String complaintId = id != null ? id : UUID.randomUUID().toString();
        int inserted = em.createNativeQuery("""
                        INSERT INTO complaint (id, customer_id, amount_ore, reason, special, opened_at, opened_by,
                                               acknowledge_by, decide_by)
                        VALUES (:id, :c, :amount, :reason, :special, :now, :by, :ack, :decide)
                        ON CONFLICT (id) DO NOTHING
                        """)
                .setParameter("id", complaintId)
                .setParameter("c", customerId)
                .setParameter("amount", amountOre)
                .setParameter("reason", reason)
                .setParameter("special", special)
                .setParameter("now", now)
                .setParameter("by", by)
                .setParameter("ack", deadline(now, acknowledgeWithin))
                .setParameter("decide", deadline(now, special ? specialDecideWithin : decideWithin))
                .executeUpdate();
        Complaint c = find(customerId, complaintId)
                .orElseThrow(() -> ProblemException.conflict(
                        "complaint-id-taken", "a complaint with this id exists on another account"));
        if (inserted == 1) {
            events.publish(
                    customerId,
                    new BillingEvents.ComplaintOpened(
                            customerId, complaintId, amountOre, c.acknowledgeBy(), c.decideBy()));
        }
        return c;
    }

    @Transactional
    public Complaint acknowledge(String customerId, String id, String by) {
        Complaint c = open(customerId, id);
        if (c.acknowledgedAt() == null) {
            em.createNativeQuery("UPDATE complaint SET acknowledged_at = :now, acknowledged_by = :by WHERE id = :id")
                    .setParameter("now", clock.instant())
                    .setParameter("by", by)
                    .setParameter("id", id)
                    .executeUpdate();
        }
        return find(customerId, id).orElseThrow();
    }

    /** A special case gets 6 months from its opening to be decided. */
    @Transactional
    public Complaint markSpecial(String customerId, String id) {
        Complaint c = open(customerId, id);
        em.createNativeQuery("UPDATE complaint SET special = TRUE, decide_by = :decide WHERE id = :id")
                .setParameter("decide", deadline(c.openedAt(), specialDecideWithin))
                .setParameter("id", id)
                .executeUpdate();
        return find(customerId, id).orElseThrow();
    }

    /** Decides: an upheld complaint credits {@code creditOre} (the disputed amount when null); a rejected one releases it. */
    @Transactional
    public Complaint decide(String customerId, String id, Outcome outcome, Long creditOre, String by) {
        Complaint c = open(customerId, id);
        long credit = outcome == Outcome.UPHELD ? (creditOre == null ? c.amountOre() : creditOre) : 0;
        if (outcome == Outcome.UPHELD && credit > c.amountOre()) {
            throw ProblemException.badRequest("credit", "must not exceed the disputed amount " + c.amountOre());
        }
        Instant now = clock.instant();
        em.createNativeQuery("""
                        UPDATE complaint SET decided_at = :now, decided_by = :by, outcome = :outcome,
                               credited_ore = :credit,
                               acknowledged_at = coalesce(acknowledged_at, :now),
                               acknowledged_by = coalesce(acknowledged_by, :by)
                        WHERE id = :id
                        """)
                .setParameter("now", now)
                .setParameter("by", by)
                .setParameter("outcome", outcome.name())
                .setParameter("credit", credit)
                .setParameter("id", id)
                .executeUpdate();
        if (credit > 0) {
            ledger.post(
                    customerId,
                    EntryKind.REFUND,
                    credit,
                    "Complaint upheld (" + id + ")",
                    Causes.complaintCredit(id),
                    null);
        }
        events.publish(customerId, new BillingEvents.ComplaintDecided(customerId, id, outcome.name(), credit));
        return find(customerId, id).orElseThrow();
    }

    /** The amount under open complaints on the account: not collected (R-CMPL-01). */
    public long openAmount(String customerId) {
        return ((Number) em.createNativeQuery(
                                "SELECT coalesce(sum(amount_ore), 0) FROM complaint WHERE customer_id = :c AND decided_at IS NULL")
                        .setParameter("c", customerId)
                        .getSingleResult())
                .longValue();
    }

    @Transactional
    public List<Complaint> ofCustomer(String customerId) {
        return query("WHERE customer_id = :c ORDER BY opened_at", "c", customerId);
    }

    /** Open complaints past a deadline, oldest first. */
    @Transactional
    public List<Complaint> overdue() {
        return query(
                "WHERE decided_at IS NULL AND ((acknowledged_at IS NULL AND acknowledge_by < :now) OR decide_by < :now)"
                        + " ORDER BY opened_at",
                "now",
                clock.instant());
    }

    /** The durable deadlines: announces each one missed, once, and counts the open complaints past one. */
    @Scheduled(identity = "complaint-deadlines", every = "${flyt.billing.complaints.check-every:15m}")
    void sweep() {
        checkDeadlines();
    }

    @SuppressWarnings("unchecked")
    public int checkDeadlines() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<Object[]> late =
                    em.createNativeQuery("""
                            UPDATE complaint SET acknowledge_overdue = TRUE
                            WHERE decided_at IS NULL AND acknowledged_at IS NULL AND acknowledge_by < :now
                              AND NOT acknowledge_overdue
                            RETURNING id, customer_id
                            """).setParameter("now", now).getResultList();
            late.forEach(r -> events.publish(
                    (String) r[1], new BillingEvents.ComplaintAcknowledgementOverdue((String) r[1], (String) r[0])));
            List<Object[]> undecided =
                    em.createNativeQuery("""
                            UPDATE complaint SET decision_overdue = TRUE
                            WHERE decided_at IS NULL AND decide_by < :now AND NOT decision_overdue
                            RETURNING id, customer_id
                            """).setParameter("now", now).getResultList();
            undecided.forEach(r -> events.publish(
                    (String) r[1], new BillingEvents.ComplaintDecisionOverdue((String) r[1], (String) r[0])));
            overdue.set(
                    ((Number) em.createNativeQuery("""
                                    SELECT count(*) FROM complaint WHERE decided_at IS NULL
                                      AND ((acknowledged_at IS NULL AND acknowledge_by < :now) OR decide_by < :now)
                                    """).setParameter("now", now).getSingleResult()).longValue());
            return late.size() + undecided.size();
        });
    }

    private Complaint open(String customerId, String id) {
        Complaint c = find(customerId, id).orElseThrow(() -> ProblemException.notFound("Complaint"));
        if (c.decidedAt() != null) {
            throw ProblemException.conflict("complaint-decided", "the complaint was decided " + c.decidedAt());
        }
        return c;
    }

    public Optional<Complaint> find(String customerId, String id) {
        return query("WHERE customer_id = :c AND id = :id", "c", customerId, "id", id).stream()
                .findFirst();
    }

    private Instant deadline(Instant from, Period within) {
        ZonedDateTime start = from.atZone(BusinessTime.ZONE);
        return start.plus(within).toInstant();
    }

    @SuppressWarnings("unchecked")
    private List<Complaint> query(String where, Object... params) {
        var q = em.createNativeQuery("""
                SELECT id, customer_id, amount_ore, reason, special, opened_at, acknowledge_by, decide_by,
                       acknowledged_at, decided_at, outcome, credited_ore, acknowledge_overdue, decision_overdue
                FROM complaint
                """ + where);
        for (int i = 0; i < params.length; i += 2) {
            q.setParameter((String) params[i], params[i + 1]);
        }
        List<Object[]> rows = q.getResultList();
        Instant now = clock.instant();
        return rows.stream()
                .map(r -> {
                    Instant ackBy = instant(r[6]);
                    Instant decideBy = instant(r[7]);
                    Instant acked = instant(r[8]);
                    Instant decided = instant(r[9]);
                    return new Complaint(
                            (String) r[0],
                            (String) r[1],
                            ((Number) r[2]).longValue(),
                            (String) r[3],
                            (Boolean) r[4],
                            instant(r[5]),
                            ackBy,
                            decideBy,
                            acked,
                            decided,
                            (String) r[10],
                            r[11] == null ? null : ((Number) r[11]).longValue(),
                            decided == null && acked == null && ackBy.isBefore(now),
                            decided == null && decideBy.isBefore(now));
                })
                .toList();
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return (Instant) value;
    }
}
