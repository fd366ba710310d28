package dk.flyt.billing.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.billing.application.Ledger;
import dk.flyt.billing.application.Settlements;
import dk.flyt.billing.application.Withdrawals;
import dk.flyt.billing.domain.EntryKind;
import dk.flyt.billing.domain.PriceList;
import dk.flyt.billing.persistence.BillableSubscriptionEntity;
import dk.flyt.billing.persistence.BillableSubscriptionRepository;
import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.porting.PortingEvents;
import dk.flyt.contracts.subscription.SubscriptionEvents;
import dk.flyt.messaging.inbox.InboxProcessor;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** What billing learns from the other services, each event applied once. */
@ApplicationScoped
public class BillingEventConsumer {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(BillingEventConsumer.class);
    static final int LATE_USAGE_DAYS = 30;

    private final InboxProcessor processor;
    private final Ledger ledger;
    private final BillableSubscriptionRepository subscriptions;
    private final Settlements settlements;
    private final Withdrawals withdrawals;
    private final ObjectMapper json;
    private final Clock clock;

    public BillingEventConsumer(
            InboxProcessor processor,
            Ledger ledger,
            BillableSubscriptionRepository subscriptions,
            Settlements settlements,
            Withdrawals withdrawals,
            ObjectMapper json,
            Clock clock) {
        this.processor = processor;
        this.ledger = ledger;
        this.subscriptions = subscriptions;
        this.settlements = settlements;
        this.withdrawals = withdrawals;
        this.json = json;
        this.clock = clock;
    }

    @Incoming("subscription-events")
    @Blocking
    public CompletionStage<Void> subscriptions(Message<String> message) {
        return processor.process("billing-adapter.subscriptions", message, event -> {
            switch (String.valueOf(event.type())) {
                case "SubscriptionActivated" -> {
                    var e = json.readValue(event.payload(), SubscriptionEvents.SubscriptionActivated.class);
                    ledger.open(e.customerId());
                    if (subscriptions.findByIdOptional(e.subscriptionId()).isEmpty()) {
                        BillableSubscriptionEntity s = new BillableSubscriptionEntity();
                        s.subscriptionId = e.subscriptionId();
                        s.customerId = e.customerId();
                        s.planCode = e.planCode();
                        s.monthlyPriceOre = e.monthlyPriceOre();
                        s.activatedOn = e.activatedOn();
                        s.bindingEndsOn = e.bindingEndsOn();
                        s.status = "ACTIVE";
                        subscriptions.persist(s);
                    }
                }
                case "SubscriptionEnded" -> {
                    var e = json.readValue(event.payload(), SubscriptionEvents.SubscriptionEnded.class);
                    settlements.end(e.subscriptionId(), e.endedOn(), false, event.id());
                }
                case "OrderWithdrawn" ->
                    withdrawals.withdraw(json.readValue(event.payload(), SubscriptionEvents.OrderWithdrawn.class));
                case "PlanChanged" -> {
                    var e = json.readValue(event.payload(), SubscriptionEvents.PlanChanged.class);
                    subscriptions.findByIdOptional(e.subscriptionId()).ifPresent(s -> {
                        LocalDate today = BusinessTime.today(clock);
                        s.promoteChangeInForce(today);
                        s.nextChangeId = e.changeId();
                        s.nextPlanCode = e.planCode();
                        s.nextPriceOre = e.monthlyPriceOre();
                        s.nextPriceFrom = e.effectiveOn();
                        s.promoteChangeInForce(today);
                    });
                }
                case "PlanChangeCancelled" -> {
                    var e = json.readValue(event.payload(), SubscriptionEvents.PlanChangeCancelled.class);
                    subscriptions.findByIdOptional(e.subscriptionId()).ifPresent(s -> {
                        if (e.changeId().equals(s.nextChangeId)) {
                            s.nextChangeId = null;
                            s.nextPlanCode = null;
                            s.nextPriceOre = null;
                            s.nextPriceFrom = null;
                        }
                    });
                }
                case "UsageBilled" -> {
                    var e = json.readValue(event.payload(), SubscriptionEvents.UsageBilled.class);
                    var s = subscriptions.findById(e.subscriptionId());
                    LocalDate today = BusinessTime.today(clock);
                    // R-POUT-02: late usage may be charged up to 30 days after the agreement ended
                    boolean chargeable =
                            s != null && (s.endedOn == null || !today.isAfter(s.endedOn.plusDays(LATE_USAGE_DAYS)));
                    if (chargeable) {
                        ledger.post(
                                e.customerId(),
                                EntryKind.USAGE,
                                -e.amountOre(),
                                "Usage on " + e.usedOn(),
                                "usage:" + e.usageId(),
                                e.subscriptionId());
                    } else {
                        LOG.infof(
                                "Usage %s for %s arrived after the 30 days: not charged",
                                e.usageId(), e.subscriptionId());
                    }
                }
                case "SimReplaced" -> {
                    var e = json.readValue(event.payload(), SubscriptionEvents.SimReplaced.class);
                    ledger.post(
                            e.customerId(),
                            EntryKind.FEE,
                            -PriceList.NEW_SIM,
                            "New SIM card",
                            "new-sim:" + event.id(),
                            e.subscriptionId());
                }
                case "OwnershipTransferred" -> {
                    // R-SUB-09: from the transfer on, the line is billed to the new owner
                    var e = json.readValue(event.payload(), SubscriptionEvents.OwnershipTransferred.class);
                    ledger.open(e.toCustomerId());
                    subscriptions.findByIdOptional(e.subscriptionId()).ifPresent(s -> s.customerId = e.toCustomerId());
                }
                case "SubscriptionBlocked" -> {
                    var e = json.readValue(event.payload(), SubscriptionEvents.SubscriptionBlocked.class);
                    if ("DEBT".equals(e.reason())) {
                        ledger.post(
                                e.customerId(),
                                EntryKind.FEE,
                                -PriceList.CLOSING_FEE,
                                "Closing fee for a number blocked for debt",
                                "closing-fee:" + event.id(),
                                e.subscriptionId());
                    }
                }
                case "OrderApproved" -> {
                    var e = json.readValue(event.payload(), SubscriptionEvents.OrderApproved.class);
                    ledger.open(e.customerId());
                    if (!e.creationFeeWaived() && e.creationFeeOre() > 0) {
                        // R-ORD-06: the creation fee, unless a campaign waives it
                        ledger.post(
                                e.customerId(),
                                EntryKind.FEE,
                                -e.creationFeeOre(),
                                "Creation fee for order " + e.orderId(),
                                "creation-fee:" + e.orderId(),
                                null);
                    }
                }
                default -> {
                    // not billing's concern
                }
            }
        });
    }

    @Incoming("porting-events")
    @Blocking
    public CompletionStage<Void> porting(Message<String> message) {
        return processor.process("billing-adapter.porting", message, event -> {
            if ("PortOutCompleted".equals(event.type())) {
                var e = json.readValue(event.payload(), PortingEvents.PortOutCompleted.class);
                if (e.subscriptionId() != null) {
                    // R-POUT-02: the subscription ends on the port date; binding fees stay owed (R-POUT-04)
                    settlements.end(e.subscriptionId(), e.portDate(), true, event.id());
                }
            }
            if ("CompensationGranted".equals(event.type())) {
                var e = json.readValue(event.payload(), PortingEvents.CompensationGranted.class);
                // R-COMP-05: credited to the account, never paid out in cash
                ledger.post(
                        e.customerId(),
                        EntryKind.COMPENSATION,
                        e.amountOre(),
                        "Compensation for " + e.kind() + " (case " + e.caseId() + ")",
                        "compensation:" + e.compensationId(),
                        null);
            }
        });
    }
}
