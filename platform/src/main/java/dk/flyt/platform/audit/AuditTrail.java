package dk.flyt.platform.audit;

import dk.flyt.contracts.Roles;
import dk.flyt.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Every agent action, with the agent's identity (R-DATA-02), in the service's own {@code audit_entry} table (each
 * service's migrations create it with the same columns). One implementation for every service, so the audit reads
 * the same wherever an agent acted. Entries carry ids and reasons, never personal data.
 */
@ApplicationScoped
public class AuditTrail {
    /** One audited action. */
    public record Entry(Instant at, String actor, String action, String customerId, String target, String reason) {}

    private final EntityManager em;
    private final Clock clock;

    public AuditTrail(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Records the action when the caller is an agent; other callers act for themselves and are not audited here. */
    @Transactional
    public void record(Caller caller, String action, String customerId, String target, String reason) {
        if (caller.hasRole(Roles.AGENT)) {
            em.createNativeQuery("""
                            INSERT INTO audit_entry (at, actor, action, customer_id, target, reason)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                            """)
                    .setParameter(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .setParameter(2, caller.subject())
                    .setParameter(3, action)
                    .setParameter(4, customerId)
                    .setParameter(5, target)
                    .setParameter(6, reason)
                    .executeUpdate();
        }
    }

    /** The customer's entries, oldest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Entry> ofCustomer(String customerId) {
        List<Object[]> rows = em.createNativeQuery("SELECT at, actor, action, customer_id, target, reason"
                        + " FROM audit_entry WHERE customer_id = ?1 ORDER BY id")
                .setParameter(1, customerId)
                .getResultList();
        return rows.stream()
                .map(r -> new Entry(
                        instant(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5]))
                .toList();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }
}
