package dk.flyt.porting.application;

import dk.flyt.contracts.Topics;
import dk.flyt.contracts.porting.PortingEvents;
import dk.flyt.messaging.outbox.Outbox;
import dk.flyt.messaging.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;

/** Records porting events in the outbox, in the caller's transaction; the wire type is the record's simple name. */
@ApplicationScoped
public class PortingEventPublisher {
    private final Outbox outbox;

    public PortingEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(String aggregateType, String aggregateId, Record event) {
        outbox.append(new OutboxMessage(
                Topics.PORTING_EVENTS,
                aggregateType,
                aggregateId,
                event.getClass().getSimpleName(),
                PortingEvents.VERSION,
                event));
    }
}
