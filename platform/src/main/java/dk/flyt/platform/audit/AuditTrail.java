package dk.flyt.platform.audit;

import dk.flyt.contracts.audit.AuditEvents.AuditRecorded;
import dk.flyt.platform.security.Caller;
import dk.flyt.platform.sql.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every agent action and read of a customer's data, with the agent's identity and the contact it was made in
 * (R-DATA-02), in the service's own {@code audit_entry} table (each service's migrations create it with the same
 * columns). One implementation for every service, so the audit reads the same wherever an agent acted; porting and
 * billing also publish each entry, and the subscription service collects them (ADR 0008). Entries carry ids and
 * reasons, never personal data.
 */
@ApplicationScoped
public class AuditTrail {
    /** One audited action, made in {@code service} within {@code contactId}. */
    public record Entry(
            Instant at,
            String service,
            String actor,
            String action,
            String customerId,
            String target,
            String reason,
            UUID contactId) {}

    private final EntityManager em;
    private final Clock clock;
    private final ContactGuard contacts;
    private final Contacts contactTable;
    private final Instance<AuditPublisher> publisher;
    private final String service;

    public AuditTrail(
            EntityManager em,
            Clock clock,
            ContactGuard contacts,
            Contacts contactTable,
            Instance<AuditPublisher> publisher,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.em = em;
        this.clock = clock;
        this.contacts = contacts;
        this.contactTable = contactTable;
        this.publisher = publisher;
        this.service = service;
    }

    /**
     * The agent's open contact with the customer, checked before an action changes anything (empty for callers who
     * are not agents). Refuses without one; see {@link ContactGuard}.
     */
    public Optional<UUID> authorize(Caller caller, String customerId) {
        return contacts.require(caller, customerId);
    }

    /**
     * Records the action when the caller is an agent, within their open contact with the customer (refused without
     * one); other callers act for themselves and are not audited here.
     */
    @Transactional
    public void record(Caller caller, String action, String customerId, String target, String reason) {
        if (!caller.hasRole(dk.flyt.contracts.Roles.AGENT)) {
            return;
        }
        recordWithin(caller, contacts.require(caller, customerId).orElse(null), action, customerId, target, reason);
    }

    /**
     * Records an agent's action in a contact known otherwise than by the request: opening or closing it, or an order
     * that created the customer (no contact could exist before it; {@code contact} is then null).
     */
    @Transactional
    public void recordWithin(
            Caller caller, UUID contact, String action, String customerId, String target, String reason) {
        if (!caller.hasRole(dk.flyt.contracts.Roles.AGENT)) {
            return;
        }
        Instant at = clock.instant();
        Number id = (Number) em.createNativeQuery("""
                        INSERT INTO audit_entry (at, service, actor, action, customer_id, target, reason, contact_id)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id
                        """)
                .setParameter(1, SqlTime.utc(at))
                .setParameter(2, service)
                .setParameter(3, caller.subject())
                .setParameter(4, action)
                .setParameter(5, customerId)
                .setParameter(6, target)
                .setParameter(7, reason)
                .setParameter(8, contact)
                .getSingleResult();
        if (publisher.isResolvable()) {
            publisher
                    .get()
                    .publish(new AuditRecorded(
                            id.toString(),
                            at,
                            service,
                            caller.subject(),
                            action,
                            customerId,
                            target,
                            reason,
                            contact == null ? null : contact.toString()));
        }
    }

    /**
     * An entry another service recorded, collected once however often it is delivered; the agent's work there keeps
     * the contact from closing as idle.
     */
    @Transactional
    public void collect(AuditRecorded e) {
        UUID contact = e.contactId() == null ? null : UUID.fromString(e.contactId());
        em.createNativeQuery("""
                        INSERT INTO audit_entry
                            (at, service, actor, action, customer_id, target, reason, contact_id, source_id)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        ON CONFLICT (service, source_id) WHERE source_id IS NOT NULL DO NOTHING
                        """)
                .setParameter(1, SqlTime.utc(e.at()))
                .setParameter(2, e.service())
                .setParameter(3, e.actor())
                .setParameter(4, e.action())
                .setParameter(5, e.customerId())
                .setParameter(6, e.target())
                .setParameter(7, e.reason())
                .setParameter(8, contact)
                .setParameter(9, e.entryId())
                .executeUpdate();
        if (contact != null) {
            contactTable.touched(contact, e.at());
        }
    }

    /** The customer's entries, oldest first (in the subscription service: from every service). */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Entry> ofCustomer(String customerId) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT at, COALESCE(service, ?2), actor, action, customer_id, target, reason, contact_id"
                                + " FROM audit_entry WHERE customer_id = ?1 ORDER BY at, id")
                .setParameter(1, customerId)
                .setParameter(2, service)
                .getResultList();
        return rows.stream()
                .map(r -> new Entry(
                        SqlTime.instant(r[0]),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (String) r[6],
                        (UUID) r[7]))
                .toList();
    }
}
