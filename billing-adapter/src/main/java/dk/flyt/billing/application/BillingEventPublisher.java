package dk.flyt.billing.application;

import dk.flyt.contracts.Topics;
import dk.flyt.contracts.billing.BillingEvents;
import dk.flyt.messaging.outbox.Outbox;
import dk.flyt.messaging.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;

/** Records an account's events on {@code billing.events} in the caller's transaction, keyed by customer. */
@ApplicationScoped
public class BillingEventPublisher {
    static final int VERSION = BillingEvents.VERSION;

    private final Outbox outbox;

    public BillingEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    /** One of {@link BillingEvents}' records; its type is the record's simple name. */
    public void publish(String customerId, Record event) {
        if (event.getClass().getEnclosingClass() != BillingEvents.class) {
            throw new IllegalArgumentException("not a billing event of the contract: " + event.getClass());
        }
        outbox.append(new OutboxMessage(
                Topics.BILLING_EVENTS, "Account", customerId, event.getClass().getSimpleName(), VERSION, event));
    }
}
