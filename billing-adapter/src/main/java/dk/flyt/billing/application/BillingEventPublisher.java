package dk.flyt.billing.application;

import dk.flyt.contracts.Topics;
import dk.flyt.messaging.outbox.Outbox;
import dk.flyt.messaging.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Records an account's events on {@code billing.events} in the caller's transaction, keyed by customer. */
@ApplicationScoped
public class BillingEventPublisher {
    static final int VERSION = 1;

    private final Outbox outbox;

    public BillingEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(String customerId, String type, Map<String, Object> payload) {
        outbox.append(new OutboxMessage(Topics.BILLING_EVENTS, "Account", customerId, type, VERSION, payload));
    }
}
