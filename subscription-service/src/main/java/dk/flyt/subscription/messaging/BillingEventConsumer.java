package dk.flyt.subscription.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.contracts.audit.AuditEvents;
import dk.flyt.messaging.inbox.InboxProcessor;
import dk.flyt.platform.audit.AuditTrail;
import dk.flyt.subscription.application.Journal;
import dk.flyt.subscription.application.SubscriptionLifecycle;
import dk.flyt.subscription.persistence.OrderRepository;
import dk.flyt.subscription.persistence.SubscriptionRepository;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Billing's facts: the money lines of an order's timeline, and {@code BlockingAllowed}, on which the customer's
 * lines are blocked for debt (R-BILL-05).
 */
@ApplicationScoped
public class BillingEventConsumer {
    private final InboxProcessor processor;
    private final SubscriptionLifecycle lifecycle;
    private final Journal journal;
    private final SubscriptionRepository subscriptions;
    private final OrderRepository orders;
    private final ObjectMapper json;
    private final AuditTrail audit;

    public BillingEventConsumer(
            InboxProcessor processor,
            SubscriptionLifecycle lifecycle,
            Journal journal,
            SubscriptionRepository subscriptions,
            OrderRepository orders,
            AuditTrail audit,
            ObjectMapper json) {
        this.audit = audit;
        this.processor = processor;
        this.lifecycle = lifecycle;
        this.journal = journal;
        this.subscriptions = subscriptions;
        this.orders = orders;
        this.json = json;
    }

    @Incoming("billing-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return processor.process("subscription-service.billing", message, event -> {
            JsonNode body = json.readTree(event.payload());
            String customerId = text(body, "customerId");
            switch (String.valueOf(event.type())) {
                case "BlockingAllowed" -> lifecycle.blockingAllowed(customerId);
                case AuditEvents.AUDIT_RECORDED ->
                    audit.collect(json.readValue(event.payload(), AuditEvents.AuditRecorded.class));
                case "RefundDue" ->
                    journal.timeline(
                            UUID.fromString(text(body, "orderId")),
                            null,
                            customerId,
                            "BILLING",
                            "REFUND_DUE",
                            body.path("amountOre").asLong() + " øre by " + text(body, "dueBy"));
                case "EntryPosted" -> entryPosted(body, customerId);
                default -> {
                    // settlements, notices and payment failures are shown by the billing console
                }
            }
        });
    }

    /** A booking names its subscription, or its order in the cause ({@code creation-fee:<order id>}). */
    private void entryPosted(JsonNode body, String customerId) {
        String detail = text(body, "kind") + " " + body.path("amountOre").asLong() + " øre: " + text(body, "reason");
        UUID subscriptionId = uuid(text(body, "subscriptionId"));
        if (subscriptionId != null) {
            var s = subscriptions.findById(subscriptionId);
            if (s != null) {
                journal.timeline(s.orderId, s.id, customerId, "BILLING", "ENTRY_POSTED", detail);
            }
            return;
        }
        String cause = text(body, "cause");
        UUID orderId = cause == null ? null : uuid(cause.substring(cause.indexOf(':') + 1));
        if (orderId != null && orders.findByIdOptional(orderId).isPresent()) {
            journal.timeline(orderId, null, customerId, "BILLING", "ENTRY_POSTED", detail);
        }
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
