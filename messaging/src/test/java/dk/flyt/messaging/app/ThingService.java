package dk.flyt.messaging.app;

import dk.flyt.messaging.outbox.Outbox;
import dk.flyt.messaging.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

/** A use case of the test application: a state change and the event it causes. */
@ApplicationScoped
public class ThingService {
    public static final String TOPIC = "test.things";

    private final EntityManager em;
    private final Outbox outbox;

    public ThingService(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /** Creates a thing and records {@code ThingCreated}; fails after both when {@code failAfterwards}. */
    @Transactional
    public UUID create(String name, boolean failAfterwards) {
        Thing thing = new Thing();
        thing.id = UUID.randomUUID();
        thing.name = name;
        em.persist(thing);
        outbox.append(new OutboxMessage(
                TOPIC, "Thing", thing.id.toString(), "ThingCreated", 1, Map.of("thingId", thing.id, "name", name)));
        if (failAfterwards) {
            throw new IllegalStateException("the use case failed after writing");
        }
        return thing.id;
    }
}
