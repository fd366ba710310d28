package dk.flyt.billing.messaging;

import dk.flyt.billing.application.BillingFacts;
import dk.flyt.messaging.inbox.InboxProcessor;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * What billing learns from the other services, each event applied once ({@link InboxProcessor}). Events from the
 * two topics may come in any order: billing keeps them as facts and derives from all of them ({@link BillingFacts}),
 * so nothing waits on a retry for an event from the other topic.
 */
@ApplicationScoped
public class BillingEventConsumer {
    private final InboxProcessor processor;
    private final BillingFacts facts;

    public BillingEventConsumer(InboxProcessor processor, BillingFacts facts) {
        this.processor = processor;
        this.facts = facts;
    }

    @Incoming("subscription-events")
    @Blocking
    public CompletionStage<Void> subscriptions(Message<String> message) {
        return processor.process("billing-adapter.subscriptions", message, facts::subscriptionEvent);
    }

    @Incoming("porting-events")
    @Blocking
    public CompletionStage<Void> porting(Message<String> message) {
        return processor.process("billing-adapter.porting", message, facts::portingEvent);
    }
}
