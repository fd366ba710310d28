package dk.flyt.billing.application;

import dk.flyt.billing.domain.EntryKind;
import dk.flyt.billing.domain.Settlement;
import dk.flyt.billing.persistence.BillableSubscriptionEntity;
import dk.flyt.billing.persistence.BillableSubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Map;

/**
 * Ends a subscription's billing and, when it was the customer's last, settles the account (R-BILL-07): remaining
 * binding fees after a port-out are booked (R-POUT-04), a final balance of 25 kr or less is written off, and
 * {@code AccountSettled} tells what is left to pay out (positive) or collect (negative).
 */
@ApplicationScoped
public class Settlements {
    private final BillableSubscriptionRepository subscriptions;
    private final Ledger ledger;
    private final BillingEventPublisher events;

    public Settlements(BillableSubscriptionRepository subscriptions, Ledger ledger, BillingEventPublisher events) {
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.events = events;
    }

    /** {@code portedOut}: the agreement ended by a port-out, which does not release the binding (R-POUT-04). */
    @Transactional
    public void end(String subscriptionId, LocalDate endedOn, boolean portedOut, String cause) {
        BillableSubscriptionEntity s = subscriptions.findById(subscriptionId);
        if (s == null && portedOut) {
            // porting.events and subscription.events are separate topics: the activation may not be here yet.
            // Failing makes the consumer try again (and park the event on the dead-letter topic if it never comes).
            throw new IllegalStateException("subscription " + subscriptionId + " is not known to billing yet");
        }
        if (s == null || "ENDED".equals(s.status)) {
            return;
        }
        s.status = "ENDED";
        s.endedOn = endedOn;
        if (portedOut) {
            long owed = Settlement.remainingBindingFees(s.monthlyPriceOre, endedOn, s.bindingEndsOn);
            if (owed > 0) {
                ledger.post(
                        s.customerId,
                        EntryKind.FEE,
                        -owed,
                        "Remaining binding fees until " + s.bindingEndsOn,
                        "binding:" + subscriptionId,
                        subscriptionId);
            }
        }
        subscriptions.flush();
        boolean lastOne = subscriptions.count("customerId = ?1 and status = 'ACTIVE'", s.customerId) == 0;
        if (!lastOne) {
            return;
        }
        long balance = ledger.balance(s.customerId);
        long writeOff = Settlement.writeOff(balance);
        if (writeOff != 0) {
            ledger.post(
                    s.customerId,
                    EntryKind.SETTLEMENT,
                    writeOff,
                    "Final difference of 25 kr or less written off",
                    "settlement:" + cause,
                    subscriptionId);
        }
        events.publish(
                s.customerId,
                "AccountSettled",
                Map.of("customerId", s.customerId, "balanceOre", balance + writeOff, "endedOn", endedOn.toString()));
    }
}
