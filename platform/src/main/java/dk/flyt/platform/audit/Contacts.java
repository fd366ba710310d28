package dk.flyt.platform.audit;

import dk.flyt.platform.sql.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code contact} table, the same in every service (R-DATA-02): written by the subscription service, which owns
 * contacts, and by porting and billing from its {@code ContactOpened} / {@code ContactClosed} events.
 */
@ApplicationScoped
public class Contacts {
    /** One contact between an agent and a customer. */
    public record Contact(
            UUID id,
            String customerId,
            String agent,
            String channel,
            String reason,
            Instant openedAt,
            Instant lastActivityAt,
            Instant closedAt,
            String closedWhy) {
        public boolean isOpen() {
            return closedAt == null;
        }
    }

    private static final String COLUMNS =
            "id, customer_id, agent, channel, reason, opened_at, last_activity_at, closed_at, closed_why";

    private final EntityManager em;

    public Contacts(EntityManager em) {
        this.em = em;
    }

    /** Records an opened contact; a second delivery of the same one changes nothing. */
    @Transactional
    public void opened(UUID id, String customerId, String agent, String channel, String reason, Instant at) {
        em.createNativeQuery("INSERT INTO contact (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, NULL, NULL)"
                        + " ON CONFLICT (id) DO NOTHING")
                .setParameter(1, id)
                .setParameter(2, customerId)
                .setParameter(3, agent)
                .setParameter(4, channel)
                .setParameter(5, reason)
                .setParameter(6, SqlTime.utc(at))
                .executeUpdate();
    }

    /** Closes the contact; true when it was open. */
    @Transactional
    public boolean closed(UUID id, Instant at, String why) {
        return em.createNativeQuery(
                                "UPDATE contact SET closed_at = ?2, closed_why = ?3 WHERE id = ?1 AND closed_at IS NULL")
                        .setParameter(1, id)
                        .setParameter(2, SqlTime.utc(at))
                        .setParameter(3, why)
                        .executeUpdate()
                == 1;
    }

    /** The agent worked in the contact at {@code at} (here or, for the owner, in another service). */
    @Transactional
    public void touched(UUID id, Instant at) {
        em.createNativeQuery("UPDATE contact SET last_activity_at = GREATEST(last_activity_at, ?2)"
                        + " WHERE id = ?1 AND closed_at IS NULL")
                .setParameter(1, id)
                .setParameter(2, SqlTime.utc(at))
                .executeUpdate();
    }

    @Transactional
    public Optional<Contact> find(UUID id) {
        return rows("SELECT " + COLUMNS + " FROM contact WHERE id = ?1", id).stream()
                .findFirst();
    }

    /** The customer's contacts, newest first. */
    @Transactional
    public List<Contact> ofCustomer(String customerId) {
        return rows("SELECT " + COLUMNS + " FROM contact WHERE customer_id = ?1 ORDER BY opened_at DESC", customerId);
    }

    /** Open contacts with no activity since {@code cutoff}, locked for closing (several replicas skip each other). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Contact> lockIdleSince(Instant cutoff, int max) {
        return rows(
                "SELECT " + COLUMNS + " FROM contact WHERE closed_at IS NULL AND last_activity_at < ?1"
                        + " ORDER BY last_activity_at LIMIT " + max + " FOR UPDATE SKIP LOCKED",
                SqlTime.utc(cutoff));
    }

    @SuppressWarnings("unchecked")
    private List<Contact> rows(String sql, Object parameter) {
        List<Object[]> rows =
                em.createNativeQuery(sql).setParameter(1, parameter).getResultList();
        return rows.stream()
                .map(r -> new Contact(
                        (UUID) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        SqlTime.instant(r[5]),
                        SqlTime.instant(r[6]),
                        r[7] == null ? null : SqlTime.instant(r[7]),
                        (String) r[8]))
                .toList();
    }
}
