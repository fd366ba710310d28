package dk.flyt.messaging.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;

/** Remembers which messages a consumer has processed, in the same transaction as the effect of each. */
@ApplicationScoped
public class Inbox {
    private final EntityManager em;
    private final Clock clock;

    public Inbox(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Records the message as processed by {@code consumer}; returns false when it already was, in which case the
     * caller must not apply it again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String messageId) {
        int inserted = em.createNativeQuery("""
                        INSERT INTO inbox_message (consumer, message_id, processed_at) VALUES (:consumer, :id, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .setParameter("consumer", consumer)
                .setParameter("id", messageId)
                .setParameter("now", OffsetDateTime.now(clock))
                .executeUpdate();
        return inserted == 1;
    }
}
