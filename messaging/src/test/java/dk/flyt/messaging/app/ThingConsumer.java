package dk.flyt.messaging.app;

import dk.flyt.messaging.inbox.InboxProcessor;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A consumer of the test application: records one effect row per message; a {@code Poison} message always fails; a
 * {@code DuringOutage} message meets the database out of reach for its first {@link #OUTAGE_ATTEMPTS} attempts.
 */
@ApplicationScoped
public class ThingConsumer {
    public static final String TOPIC = "test.things.in";
    public static final int OUTAGE_ATTEMPTS = 5;

    private final InboxProcessor processor;
    private final EntityManager em;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    public ThingConsumer(InboxProcessor processor, EntityManager em) {
        this.processor = processor;
        this.em = em;
    }

    @Incoming("things")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return processor.process("thing-consumer", message, event -> {
            attempts.computeIfAbsent(event.id(), k -> new AtomicInteger()).incrementAndGet();
            em.createNativeQuery("INSERT INTO thing_effect (message_id, thing_key) VALUES (:id, :key)")
                    .setParameter("id", event.id())
                    .setParameter("key", event.key())
                    .executeUpdate();
            if ("Poison".equals(event.type())) {
                throw new IllegalArgumentException("cannot handle " + event.id());
            }
            if ("DuringOutage".equals(event.type()) && attempts(event.id()) <= OUTAGE_ATTEMPTS) {
                // as the driver reports a connection the database cut off
                throw new IllegalStateException(
                        "could not commit", new java.sql.SQLException("An I/O error occurred", "08006"));
            }
        });
    }

    public int attempts(String messageId) {
        AtomicInteger n = attempts.get(messageId);
        return n == null ? 0 : n.get();
    }
}
