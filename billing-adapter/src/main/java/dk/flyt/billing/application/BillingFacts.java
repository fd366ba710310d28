package dk.flyt.billing.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.billing.domain.BillingFact;
import dk.flyt.billing.domain.Causes;
import dk.flyt.billing.domain.EntryKind;
import dk.flyt.billing.domain.PriceList;
import dk.flyt.billing.persistence.BillableSubscriptionRepository;
import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.porting.PortingEvents;
import dk.flyt.contracts.subscription.SubscriptionEvents;
import dk.flyt.messaging.audit.ContactProjection;
import dk.flyt.messaging.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.jboss.logging.Logger;

/**
 * What billing learns from the other services, one event at a time, inside the transaction that records the event
 * as processed. Facts about a subscription go to its {@link SubscriptionBook}; one-off fees, usage and compensation
 * are booked on the account at once. After a fact has had all its effects, the accounts it touched are checked for
 * settlement ({@link Settlements}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BillingFacts {
    private static final Logger LOG = Logger.getLogger(BillingFacts.class);
    static final int LATE_USAGE_DAYS = 30;

    private final SubscriptionBook book;
    private final Withdrawals withdrawals;
    private final Settlements settlements;
    private final PlanPrices planPrices;
    private final PriceReviews reviews;
    private final Ledger ledger;
    private final BillableSubscriptionRepository subscriptions;
    private final ObjectMapper json;
    private final Clock clock;
    private final ContactProjection contacts;

    public BillingFacts(
            SubscriptionBook book,
            Withdrawals withdrawals,
            Settlements settlements,
            PlanPrices planPrices,
            PriceReviews reviews,
            Ledger ledger,
            BillableSubscriptionRepository subscriptions,
            ObjectMapper json,
            Clock clock,
            ContactProjection contacts) {
        this.contacts = contacts;
        this.book = book;
        this.withdrawals = withdrawals;
        this.settlements = settlements;
        this.planPrices = planPrices;
        this.reviews = reviews;
        this.ledger = ledger;
        this.subscriptions = subscriptions;
        this.json = json;
        this.clock = clock;
    }

    /** An event from {@code subscription.events}. */
    public void subscriptionEvent(IncomingEvent event) throws Exception {
        String id = event.id();
        switch (String.valueOf(event.type())) {
            case "OrderApproved" -> {
                var e = read(event, SubscriptionEvents.OrderApproved.class);
                ledger.open(e.customerId());
                if (!e.creationFeeWaived() && e.creationFeeOre() > 0) {
                    // R-ORD-06: the creation fee, unless a campaign waives it
                    ledger.post(
                            e.customerId(),
                            EntryKind.FEE,
                            -e.creationFeeOre(),
                            "Creation fee for order " + e.orderId(),
                            Causes.creationFee(e.orderId()),
                            null);
                }
                if (e.subscriptionIds() != null) {
                    for (String s : e.subscriptionIds()) {
                        learn(s, e.customerId(), new BillingFact.Approved(0, id, e.orderId(), e.customerId()));
                    }
                }
            }
            case "SubscriptionActivated" -> {
                var e = read(event, SubscriptionEvents.SubscriptionActivated.class);
                ledger.open(e.customerId());
                learn(
                        e.subscriptionId(),
                        e.customerId(),
                        new BillingFact.Activated(
                                0,
                                id,
                                e.customerId(),
                                e.planCode(),
                                e.monthlyPriceOre(),
                                e.activatedOn(),
                                e.bindingEndsOn()));
            }
            case "SubscriptionEnded" -> {
                var e = read(event, SubscriptionEvents.SubscriptionEnded.class);
                learn(e.subscriptionId(), e.customerId(), new BillingFact.Ended(0, id, e.endedOn()));
            }
            case "OrderWithdrawn" -> {
                var e = read(event, SubscriptionEvents.OrderWithdrawn.class);
                withdrawals.withdraw(e, id).forEach(this::check);
            }
            case "PlanChanged" -> {
                var e = read(event, SubscriptionEvents.PlanChanged.class);
                learn(
                        e.subscriptionId(),
                        null,
                        new BillingFact.PlanChanged(
                                0, id, e.changeId(), e.planCode(), e.monthlyPriceOre(), e.effectiveOn()));
            }
            case "PlanChangeCancelled" -> {
                var e = read(event, SubscriptionEvents.PlanChangeCancelled.class);
                learn(e.subscriptionId(), null, new BillingFact.PlanChangeCancelled(0, id, e.changeId()));
            }
            case "TermsChangeAnnounced" -> {
                var e = read(event, SubscriptionEvents.TermsChangeAnnounced.class);
                if (planPrices.record(e.changeId(), e.planCode(), e.effectiveOn(), e.newPriceOre())
                        && !YearMonth.from(e.effectiveOn()).isAfter(YearMonth.from(BusinessTime.today(clock)))) {
                    // already in force in a month that may be charged: the plan's lines are reviewed
                    reviews.queuePlan(e.planCode(), id);
                }
            }
            case "OwnershipTransferred" -> {
                // R-SUB-09: from the transfer on, the line is billed to the new owner
                var e = read(event, SubscriptionEvents.OwnershipTransferred.class);
                ledger.open(e.toCustomerId());
                learn(
                        e.subscriptionId(),
                        e.fromCustomerId(),
                        new BillingFact.Transferred(0, id, e.fromCustomerId(), e.toCustomerId(), e.transferredOn()));
            }
            case "UsageBilled" -> usage(read(event, SubscriptionEvents.UsageBilled.class));
            case "SimReplaced" -> {
                var e = read(event, SubscriptionEvents.SimReplaced.class);
                ledger.post(
                        e.customerId(),
                        EntryKind.FEE,
                        -PriceList.NEW_SIM,
                        "New SIM card",
                        "new-sim:" + id,
                        e.subscriptionId());
            }
            case "SubscriptionBlocked" -> {
                var e = read(event, SubscriptionEvents.SubscriptionBlocked.class);
                if ("DEBT".equals(e.reason())) {
                    ledger.post(
                            e.customerId(),
                            EntryKind.FEE,
                            -PriceList.CLOSING_FEE,
                            "Closing fee for a number blocked for debt",
                            "closing-fee:" + id,
                            e.subscriptionId());
                }
            }
            case "ContactOpened" -> contacts.opened(read(event, SubscriptionEvents.ContactOpened.class));
            case "ContactClosed" -> contacts.closed(read(event, SubscriptionEvents.ContactClosed.class));
            default -> {
                // not billing's concern
            }
        }
    }

    /** An event from {@code porting.events}. */
    public void portingEvent(IncomingEvent event) throws Exception {
        String id = event.id();
        switch (String.valueOf(event.type())) {
            case "PortOutCompleted" -> {
                var e = read(event, PortingEvents.PortOutCompleted.class);
                if (e.subscriptionId() != null) {
                    // R-POUT-02: the subscription ends on the port date; binding fees stay owed (R-POUT-04)
                    learn(
                            e.subscriptionId(),
                            e.customerId(),
                            new BillingFact.PortedOut(0, id, e.portOutId(), e.portDate()));
                }
            }
            case "PortOutReverted" -> {
                var e = read(event, PortingEvents.PortOutReverted.class);
                if (e.subscriptionId() != null) {
                    // R-POUT-05: live again on the same terms, from the revert
                    LocalDate on = e.revertedOn() != null ? e.revertedOn() : BusinessTime.today(clock);
                    learn(
                            e.subscriptionId(),
                            e.customerId(),
                            new BillingFact.PortOutReverted(0, id, e.portOutId(), on));
                }
            }
            case "CompensationGranted" -> {
                var e = read(event, PortingEvents.CompensationGranted.class);
                // R-COMP-05: credited to the account, never paid out in cash
                ledger.post(
                        e.customerId(),
                        EntryKind.COMPENSATION,
                        e.amountOre(),
                        "Compensation for " + e.kind() + " (case " + e.caseId() + ")",
                        "compensation:" + e.compensationId(),
                        null);
            }
            default -> {
                // not billing's concern
            }
        }
    }

    private void learn(String subscriptionId, String customerHint, BillingFact fact) {
        check(book.learn(subscriptionId, customerHint, fact));
    }

    private void check(SubscriptionBook.Review review) {
        for (String customer : review.customers()) {
            settlements.check(customer, review.state());
        }
    }

    /** R-POUT-02: usage rated late is charged while the line is live or up to 30 days after it ended. */
    private void usage(SubscriptionEvents.UsageBilled e) {
        var s = subscriptions.findById(e.subscriptionId());
        LocalDate today = BusinessTime.today(clock);
        boolean chargeable = s == null || s.endedOn == null || !today.isAfter(s.endedOn.plusDays(LATE_USAGE_DAYS));
        if (chargeable) {
            ledger.post(
                    e.customerId(),
                    EntryKind.USAGE,
                    -e.amountOre(),
                    "Usage on " + e.usedOn(),
                    "usage:" + e.usageId(),
                    e.subscriptionId());
        } else {
            LOG.infof("Usage %s for %s arrived after the 30 days: not charged", e.usageId(), e.subscriptionId());
        }
    }

    private <T> T read(IncomingEvent event, Class<T> type) throws Exception {
        return json.readValue(event.payload(), type);
    }
}
