package dk.flyt.messaging.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Where a use case records the events its state change causes. The row is written in the caller's transaction, so
 * the change and its events commit together or not at all; {@link OutboxRelay} publishes them once it commits.
 */
@ApplicationScoped
public class Outbox {
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(
            EntityManager em,
            ObjectMapper json,
            Clock clock,
            TransactionSynchronizationRegistry transactions,
            OutboxRelay relay) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Records the message; returns its event id. Must run inside the transaction of the state change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(OutboxMessage message) {
        UUID id = UUID.randomUUID();
        String payload;
        try {
            payload = json.writeValueAsString(message.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload of " + message.type() + " is not serialisable", e);
        }
        String headers = "{\"schemaVersion\":" + message.schemaVersion() + "}";
        em.createNativeQuery("""
                        INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, type, payload, headers, occurred_at)
                        VALUES (:id, :topic, :aggregateType, :aggregateId, :type, CAST(:payload AS jsonb),
                                CAST(:headers AS jsonb), :occurredAt)
                        """)
                .setParameter("id", id)
                .setParameter("topic", message.topic())
                .setParameter("aggregateType", message.aggregateType())
                .setParameter("aggregateId", message.aggregateId())
                .setParameter("type", message.type())
                .setParameter("payload", payload)
                .setParameter("headers", headers)
                .setParameter("occurredAt", OffsetDateTime.now(clock))
                .executeUpdate();
        wakeRelayAfterCommit();
        return id;
    }

    private void wakeRelayAfterCommit() {
        relay.wakeAfterCommit(transactions);
    }
}
