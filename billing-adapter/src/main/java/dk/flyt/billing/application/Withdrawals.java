package dk.flyt.billing.application;

import dk.flyt.billing.domain.EntryKind;
import dk.flyt.billing.domain.WithdrawalRefund;
import dk.flyt.billing.persistence.BillableSubscriptionEntity;
import dk.flyt.billing.persistence.BillableSubscriptionRepository;
import dk.flyt.contracts.subscription.SubscriptionEvents.OrderWithdrawn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Refunds on withdrawal (R-WDR-03, R-WDR-04): the subscription fees and one-off fees booked for the order are
 * credited back, less the fee for the days used when usage went beyond 2 hours or 2 GB; usage charges are not
 * refunded. {@code RefundDue} tells the payment side to pay it back to the same method within 14 days.
 */
@ApplicationScoped
public class Withdrawals {
    private final BillableSubscriptionRepository subscriptions;
    private final Ledger ledger;
    private final BillingEventPublisher events;
    private final EntityManager em;

    public Withdrawals(
            BillableSubscriptionRepository subscriptions,
            Ledger ledger,
            BillingEventPublisher events,
            EntityManager em) {
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.events = events;
        this.em = em;
    }

    @Transactional
    public void withdraw(OrderWithdrawn w) {
        long paid = -((Number) em.createNativeQuery("""
                                SELECT coalesce(sum(amount_ore), 0) FROM ledger_entry
                                WHERE customer_id = :customer AND kind IN ('CHARGE', 'FEE')
                                  AND (subscription_id IN (:subscriptions) OR cause = :creationFee)
                                """)
                        .setParameter("customer", w.customerId())
                        .setParameter(
                                "subscriptions",
                                w.subscriptionIds().isEmpty() ? java.util.List.of("") : w.subscriptionIds())
                        .setParameter("creationFee", "creation-fee:" + w.orderId())
                        .getSingleResult())
                .longValue();
        long kept = 0;
        for (String id : w.subscriptionIds()) {
            BillableSubscriptionEntity s = subscriptions.findById(id);
            if (s == null) {
                continue;
            }
            kept += WithdrawalRefund.keptFee(
                    s.monthlyPriceOre, s.activatedOn, w.withdrawnOn(), w.voiceSecondsUsed(), w.dataMegabytesUsed());
            s.status = "ENDED";
            s.endedOn = w.withdrawnOn();
        }
        long refund = WithdrawalRefund.refund(paid, kept);
        ledger.open(w.customerId());
        if (refund > 0) {
            ledger.post(
                    w.customerId(),
                    EntryKind.REFUND,
                    refund,
                    "Refund on withdrawal from order " + w.orderId(),
                    "withdrawal:" + w.orderId(),
                    null);
        }
        events.publish(
                w.customerId(),
                "RefundDue",
                Map.of(
                        "customerId", w.customerId(),
                        "orderId", w.orderId(),
                        "amountOre", refund,
                        "keptOre", kept,
                        "dueBy", WithdrawalRefund.refundDueBy(w.withdrawnOn()).toString()));
    }
}
