package dk.flyt.subscription.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.audit.AuditEvents;
import dk.flyt.contracts.porting.PortingEvents;
import dk.flyt.messaging.inbox.InboxProcessor;
import dk.flyt.platform.audit.AuditTrail;
import dk.flyt.subscription.application.OrderSaga;
import dk.flyt.subscription.application.SubscriptionLifecycle;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The porting service's facts drive the order saga and end ported-out subscriptions; each applied once. */
@ApplicationScoped
public class PortingEventConsumer {
    private final InboxProcessor processor;
    private final OrderSaga saga;
    private final SubscriptionLifecycle lifecycle;
    private final ObjectMapper json;
    private final AuditTrail audit;

    public PortingEventConsumer(
            InboxProcessor processor,
            OrderSaga saga,
            SubscriptionLifecycle lifecycle,
            AuditTrail audit,
            ObjectMapper json) {
        this.audit = audit;
        this.processor = processor;
        this.saga = saga;
        this.lifecycle = lifecycle;
        this.json = json;
    }

    @Incoming("porting-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return processor.process("subscription-service.porting", message, event -> {
            String body = event.payload();
            switch (String.valueOf(event.type())) {
                case AuditEvents.AUDIT_RECORDED -> audit.collect(json.readValue(body, AuditEvents.AuditRecorded.class));
                case "PortInRequested" -> {
                    var e = json.readValue(body, PortingEvents.PortInRequested.class);
                    saga.portInRequested(e.portInId(), id(e.orderId()), id(e.lineId()), e.earliestPortDate());
                }
                case "PortInAnswerDelayed" -> {
                    var e = json.readValue(body, PortingEvents.PortInAnswerDelayed.class);
                    saga.portInNoted(id(e.orderId()), id(e.lineId()), "PORT_IN_ANSWER_DELAYED", "the donor is late");
                }
                case "PortInScheduled" -> {
                    var e = json.readValue(body, PortingEvents.PortInScheduled.class);
                    saga.portInScheduled(id(e.orderId()), id(e.lineId()), e.portDate(), e.donorOperator());
                }
                case "PortInRejected" -> {
                    var e = json.readValue(body, PortingEvents.PortInRejected.class);
                    saga.portInRejected(id(e.orderId()), id(e.lineId()), e.code(), false);
                }
                case "PortInFailed" -> {
                    var e = json.readValue(body, PortingEvents.PortInFailed.class);
                    saga.portInRejected(id(e.orderId()), id(e.lineId()), e.reason(), true);
                }
                case "PortInCancelled" -> {
                    var e = json.readValue(body, PortingEvents.PortInCancelled.class);
                    saga.portInNoted(id(e.orderId()), id(e.lineId()), "PORT_IN_CANCELLED", e.reason());
                }
                case "PortInDelayed" -> {
                    var e = json.readValue(body, PortingEvents.PortInDelayed.class);
                    saga.portInNoted(
                            id(e.orderId()), id(e.lineId()), "PORT_IN_DELAYED", "not done on " + e.agreedDate());
                }
                case "PortInInterrupted" -> {
                    var e = json.readValue(body, PortingEvents.PortInInterrupted.class);
                    saga.portInNoted(
                            id(e.orderId()),
                            id(e.lineId()),
                            "PORT_IN_INTERRUPTED",
                            "no operator routes the number since " + e.agreedDate());
                }
                case "PortInCompleted" -> {
                    var e = json.readValue(body, PortingEvents.PortInCompleted.class);
                    LocalDate completedOn = e.completedAt() == null
                            ? e.portDate()
                            : LocalDate.ofInstant(e.completedAt(), BusinessTime.ZONE);
                    saga.portInCompleted(id(e.orderId()), id(e.lineId()), e.portDate(), completedOn);
                }
                case "PortOutRequested" -> {
                    var e = json.readValue(body, PortingEvents.PortOutRequested.class);
                    lifecycle.portingNote(
                            e.subscriptionId(),
                            e.number(),
                            "PORT_OUT_REQUESTED",
                            "by " + e.recipientOperator() + " for " + e.portDate());
                }
                case "PortOutCancelled" -> {
                    var e = json.readValue(body, PortingEvents.PortOutCancelled.class);
                    lifecycle.portingNote(e.subscriptionId(), e.number(), "PORT_OUT_CANCELLED", "by the recipient");
                }
                case "PortOutFailed" -> {
                    var e = json.readValue(body, PortingEvents.PortOutFailed.class);
                    lifecycle.portingNote(e.subscriptionId(), e.number(), "PORT_OUT_FAILED", e.reason());
                }
                case "PortOutCompleted" -> {
                    var e = json.readValue(body, PortingEvents.PortOutCompleted.class);
                    lifecycle.portedOut(e.subscriptionId(), e.number(), e.portDate(), e.recipientOperator());
                }
                case "PortOutReverted" -> {
                    var e = json.readValue(body, PortingEvents.PortOutReverted.class);
                    lifecycle.portOutReverted(e.subscriptionId(), e.number());
                }
                case "CompensationGranted" -> {
                    var e = json.readValue(body, PortingEvents.CompensationGranted.class);
                    String detail = e.kind() + ", " + e.amountOre() + " øre";
                    if (!saga.compensationGranted(e.caseId(), detail)) {
                        lifecycle.portingNote(null, e.number(), "COMPENSATION_GRANTED", detail);
                    }
                }
                default -> {
                    // quarantine and returned numbers are the porting service's own business
                }
            }
        });
    }

    private static UUID id(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }
}
