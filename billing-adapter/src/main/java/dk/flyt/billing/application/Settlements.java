package dk.flyt.billing.application;

import dk.flyt.billing.domain.BillingState;
import dk.flyt.billing.domain.Causes;
import dk.flyt.billing.domain.EntryKind;
import dk.flyt.billing.domain.Settlement;
import dk.flyt.billing.persistence.AccountEntity;
import dk.flyt.billing.persistence.AccountRepository;
import dk.flyt.billing.persistence.BillableSubscriptionRepository;
import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.billing.BillingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Settles an account when the customer's last line has ended, whatever way it ended: withdrawal, port-out,
 * cancellation or a transfer to a new owner (R-BILL-07); never while a line is still pending or live. A final
 * balance of 25 kr or less either way is written off, and {@code AccountSettled} tells what is left to pay out
 * (positive) or collect (negative). A port-out that is reverted (R-POUT-05) takes back the settlement it caused.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Settlements {
    private final AccountRepository accounts;
    private final BillableSubscriptionRepository subscriptions;
    private final Ledger ledger;
    private final BillingEventPublisher events;
    private final EntityManager em;
    private final Clock clock;

    public Settlements(
            AccountRepository accounts,
            BillableSubscriptionRepository subscriptions,
            Ledger ledger,
            BillingEventPublisher events,
            EntityManager em,
            Clock clock) {
        this.accounts = accounts;
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.events = events;
        this.em = em;
        this.clock = clock;
    }

    /** After everything a fact about {@code reviewed} caused is booked: settle, or take a settlement back. */
    public void check(String customerId, BillingState reviewed) {
        if (customerId == null) {
            return;
        }
        ledger.open(customerId);
        AccountEntity a = accounts.findById(customerId, LockModeType.PESSIMISTIC_WRITE);
        if (subscriptions.hasOpenLine(customerId)) {
            if (a.settled) {
                a.settled = false;
                reverseIfReverted(a, reviewed);
            }
            return;
        }
        if (!a.settled && reviewed.allOwners().contains(customerId)) {
            settle(a, reviewed.subscriptionId());
        }
    }

    private void settle(AccountEntity a, String trigger) {
        long balance = ledger.balance(a.customerId);
        long writeOff = Settlement.writeOff(balance);
        int n = ++a.settlements;
        ledger.post(
                a.customerId,
                EntryKind.SETTLEMENT,
                writeOff,
                "Final difference of 25 kr or less written off",
                Causes.settlement(a.customerId, n),
                null);
        em.createNativeQuery("""
                        INSERT INTO account_settlement (customer_id, n, trigger_subscription_id, balance_ore,
                                                        write_off_ore, settled_at)
                        VALUES (:c, :n, :s, :balance, :writeOff, :now)
                        """)
                .setParameter("c", a.customerId)
                .setParameter("n", n)
                .setParameter("s", trigger)
                .setParameter("balance", balance)
                .setParameter("writeOff", writeOff)
                .setParameter("now", clock.instant())
                .executeUpdate();
        a.settled = true;
        events.publish(
                a.customerId,
                new BillingEvents.AccountSettled(
                        a.customerId, n, balance + writeOff, writeOff, BusinessTime.today(clock)));
    }

    @SuppressWarnings("unchecked")
    private void reverseIfReverted(AccountEntity a, BillingState reviewed) {
        boolean reverted = reviewed.status() == BillingState.Status.ACTIVE
                && reviewed.portOuts().stream().anyMatch(BillingState.PortOut::reverted);
        if (!reverted) {
            return;
        }
        List<Object[]> latest =
                em.createNativeQuery("""
                        SELECT n, trigger_subscription_id, write_off_ore FROM account_settlement
                        WHERE customer_id = :c AND reversed_at IS NULL ORDER BY n DESC LIMIT 1
                        """).setParameter("c", a.customerId).getResultList();
        if (latest.isEmpty() || !reviewed.subscriptionId().equals(latest.get(0)[1])) {
            return;
        }
        int n = ((Number) latest.get(0)[0]).intValue();
        long writeOff = ((Number) latest.get(0)[2]).longValue();
        ledger.post(
                a.customerId,
                EntryKind.SETTLEMENT,
                -writeOff,
                "Settlement taken back: the port-out was reverted",
                Causes.settlementReversal(a.customerId, n),
                null);
        em.createNativeQuery("UPDATE account_settlement SET reversed_at = :now WHERE customer_id = :c AND n = :n")
                .setParameter("now", clock.instant())
                .setParameter("c", a.customerId)
                .setParameter("n", n)
                .executeUpdate();
        events.publish(a.customerId, new BillingEvents.AccountSettlementReversed(a.customerId, n, "PORT_OUT_REVERTED"));
    }
}
