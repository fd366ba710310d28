package dk.flyt.porting.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.contracts.subscription.SubscriptionEvents;
import dk.flyt.messaging.audit.ContactProjection;
import dk.flyt.messaging.inbox.InboxProcessor;
import dk.flyt.porting.application.NumberRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps the register of numbers we hold from the subscription service's facts. */
@ApplicationScoped
public class SubscriptionEventConsumer {
    private final InboxProcessor processor;
    private final NumberRegistry numbers;
    private final ObjectMapper json;
    private final ContactProjection contacts;

    public SubscriptionEventConsumer(
            InboxProcessor processor, NumberRegistry numbers, ContactProjection contacts, ObjectMapper json) {
        this.contacts = contacts;
        this.processor = processor;
        this.numbers = numbers;
        this.json = json;
    }

    @Incoming("subscription-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return processor.process("porting-service.subscriptions", message, event -> {
            switch (String.valueOf(event.type())) {
                case "SubscriptionActivated" -> {
                    var e = json.readValue(event.payload(), SubscriptionEvents.SubscriptionActivated.class);
                    numbers.active(e.number(), e.iccid(), e.customerId(), e.subscriptionId());
                }
                case "SubscriptionEnded" -> {
                    var e = json.readValue(event.payload(), SubscriptionEvents.SubscriptionEnded.class);
                    numbers.ended(e.number(), e.endedOn());
                }
                case "SimReplaced" -> {
                    var e = json.readValue(event.payload(), SubscriptionEvents.SimReplaced.class);
                    numbers.simReplaced(e.number(), e.subscriptionId(), e.newIccid());
                }
                case "ContactOpened" ->
                    contacts.opened(json.readValue(event.payload(), SubscriptionEvents.ContactOpened.class));
                case "ContactClosed" ->
                    contacts.closed(json.readValue(event.payload(), SubscriptionEvents.ContactClosed.class));
                default -> {
                    // other subscription facts do not concern porting
                }
            }
        });
    }
}
