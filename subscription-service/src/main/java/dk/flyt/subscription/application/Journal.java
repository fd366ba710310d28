package dk.flyt.subscription.application;

import dk.flyt.contracts.Topics;
import dk.flyt.contracts.subscription.SubscriptionEvents;
import dk.flyt.messaging.outbox.Outbox;
import dk.flyt.messaging.outbox.OutboxMessage;
import dk.flyt.subscription.persistence.Records;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/**
 * Writes what happened, in the caller's transaction: the fact for other services on {@code subscription.events} (or
 * a command on {@code porting.commands}) through the outbox, and the line on the order's or subscription's timeline.
 */
@ApplicationScoped
public class Journal {
    private final Outbox outbox;
    private final Records records;
    private final Clock clock;

    public Journal(Outbox outbox, Records records, Clock clock) {
        this.outbox = outbox;
        this.records = records;
        this.clock = clock;
    }

    /** A fact about an order, keyed by the order id. */
    public void orderEvent(UUID orderId, Object event) {
        publish(Topics.SUBSCRIPTION_EVENTS, "Order", orderId.toString(), event);
    }

    /** A fact about a subscription, keyed by the subscription id. */
    public void subscriptionEvent(UUID subscriptionId, Object event) {
        publish(Topics.SUBSCRIPTION_EVENTS, "Subscription", subscriptionId.toString(), event);
    }

    /** A fact about another aggregate (a plan, say), keyed by its id. */
    public void publish(String aggregateType, String key, Object event) {
        publish(Topics.SUBSCRIPTION_EVENTS, aggregateType, key, event);
    }

    /** A command to the porting service, keyed by the order id (R-WDR-05 and the port-in saga). */
    public void portingCommand(String key, Object command) {
        publish(Topics.PORTING_COMMANDS, "Order", key, command);
    }

    private void publish(String topic, String aggregateType, String key, Object payload) {
        outbox.append(new OutboxMessage(
                topic, aggregateType, key, payload.getClass().getSimpleName(), SubscriptionEvents.VERSION, payload));
    }

    public void timeline(
            UUID orderId, UUID subscriptionId, String customerId, String source, String what, String detail) {
        records.timeline(orderId, subscriptionId, customerId, clock.instant(), source, what, detail);
    }
}
