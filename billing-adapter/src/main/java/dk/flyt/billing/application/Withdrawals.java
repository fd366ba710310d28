package dk.flyt.billing.application;

import dk.flyt.billing.domain.BillingFact;
import dk.flyt.billing.domain.BillingState;
import dk.flyt.billing.domain.Causes;
import dk.flyt.billing.domain.EntryKind;
import dk.flyt.billing.domain.WithdrawalRefund;
import dk.flyt.billing.persistence.BillableSubscriptionEntity;
import dk.flyt.billing.persistence.BillableSubscriptionRepository;
import dk.flyt.contracts.billing.BillingEvents;
import dk.flyt.contracts.subscription.SubscriptionEvents.OrderWithdrawn;
import dk.flyt.contracts.subscription.SubscriptionEvents.WithdrawnLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Withdrawals (R-WDR-03, R-WDR-04). Each withdrawn line pays back everything it paid but usage, less the fee for
 * the days used when that line used more than 2 hours or 2 GB ({@link SubscriptionBook}); the order's creation fee
 * goes back once, when the last of its lines is withdrawn. {@code RefundDue} tells the payment side what to pay back,
 * per withdrawal, within 14 days.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Withdrawals {
    private final SubscriptionBook book;
    private final BillableSubscriptionRepository subscriptions;
    private final Ledger ledger;
    private final BillingEventPublisher events;

    public Withdrawals(
            SubscriptionBook book,
            BillableSubscriptionRepository subscriptions,
            Ledger ledger,
            BillingEventPublisher events) {
        this.book = book;
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.events = events;
    }

    /** Returns each withdrawn line's review, for the settlement checks that follow. */
    public List<SubscriptionBook.Review> withdraw(OrderWithdrawn w, String eventId) {
        String withdrawalId = w.withdrawalId() != null ? w.withdrawalId() : eventId;
        ledger.open(w.customerId());
        long refunded = 0;
        long kept = 0;
        List<SubscriptionBook.Review> reviews = new ArrayList<>();
        for (WithdrawnLine line : lines(w)) {
            SubscriptionBook.Review r = book.learn(
                    line.subscriptionId(),
                    w.customerId(),
                    new BillingFact.Withdrawn(
                            0,
                            eventId,
                            withdrawalId,
                            w.orderId(),
                            w.withdrawnOn(),
                            line.voiceSecondsUsed(),
                            line.dataMegabytesUsed()));
            refunded += r.refundedOre();
            kept += r.keptOre();
            reviews.add(r);
        }
        List<BillableSubscriptionEntity> ofOrder = subscriptions.ofOrder(w.orderId());
        boolean whole = !ofOrder.isEmpty() && ofOrder.stream().allMatch(s -> s.status == BillingState.Status.WITHDRAWN);
        Long fee = ledger.amountOf(Causes.creationFee(w.orderId()));
        if (whole && fee != null) {
            if (ledger.post(
                    w.customerId(),
                    EntryKind.REFUND,
                    -fee,
                    "Creation fee back: order " + w.orderId() + " withdrawn",
                    Causes.creationFeeRefund(w.orderId()),
                    null)) {
                refunded += -fee;
            }
        }
        events.publish(
                w.customerId(),
                new BillingEvents.RefundDue(
                        w.customerId(),
                        w.orderId(),
                        withdrawalId,
                        refunded,
                        kept,
                        WithdrawalRefund.refundDueBy(w.withdrawnOn())));
        return reviews;
    }

    /** Each line with its own usage; an event from before that names only the sums gives each line the sums. */
    private static List<WithdrawnLine> lines(OrderWithdrawn w) {
        if (w.lines() != null) {
            return w.lines();
        }
        List<WithdrawnLine> lines = new ArrayList<>();
        if (w.subscriptionIds() != null) {
            w.subscriptionIds()
                    .forEach(id -> lines.add(new WithdrawnLine(id, w.voiceSecondsUsed(), w.dataMegabytesUsed())));
        }
        return lines;
    }
}
