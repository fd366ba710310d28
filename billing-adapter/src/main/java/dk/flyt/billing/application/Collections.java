package dk.flyt.billing.application;

import dk.flyt.billing.domain.Causes;
import dk.flyt.billing.domain.Collection;
import dk.flyt.billing.domain.EntryKind;
import dk.flyt.billing.domain.PriceList;
import dk.flyt.billing.persistence.AccountEntity;
import dk.flyt.billing.persistence.AccountRepository;
import dk.flyt.billing.provider.PaymentProvider;
import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.billing.BillingEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Collecting negative balances (R-BILL-04, R-BILL-05, R-CMPL-01). Accounts with automatic payment are topped up to
 * their target; a declined payment switches the account to manual payment. A manual account that is negative gets a
 * notice once, and once blocking is allowed (8 days negative, or below -500 kr) {@code BlockingAllowed} tells the
 * subscription service it may block. Amounts under an open complaint are left out of all of it.
 */
@ApplicationScoped
public class Collections {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Collections.class);

    private final EntityManager em;
    private final AccountRepository accounts;
    private final Ledger ledger;
    private final PaymentProvider provider;
    private final Complaints complaints;
    private final BillingEventPublisher events;
    private final Clock clock;
    private final int reminderAfterDays;
    private final int warningAfterDays;

    public Collections(
            EntityManager em,
            AccountRepository accounts,
            Ledger ledger,
            PaymentProvider provider,
            Complaints complaints,
            BillingEventPublisher events,
            Clock clock,
            @ConfigProperty(name = "flyt.billing.collection.reminder-after-days", defaultValue = "14")
                    int reminderAfterDays,
            @ConfigProperty(name = "flyt.billing.collection.warning-after-days", defaultValue = "10")
                    int warningAfterDays) {
        this.em = em;
        this.accounts = accounts;
        this.ledger = ledger;
        this.provider = provider;
        this.complaints = complaints;
        this.events = events;
        this.clock = clock;
        this.reminderAfterDays = reminderAfterDays;
        this.warningAfterDays = warningAfterDays;
    }

    @Scheduled(identity = "collection-sweep", every = "${flyt.billing.collection.every:15m}")
    void scheduled() {
        sweep();
    }

    /** One pass over every account whose collectible balance is negative; each account in its own transaction. */
    @SuppressWarnings("unchecked")
    public void sweep() {
        List<String> negative = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("""
                                SELECT customer_id FROM (
                                    SELECT customer_id, sum(amount_ore) AS owed FROM (
                                        SELECT customer_id, amount_ore FROM ledger_entry
                                        UNION ALL
                                        SELECT customer_id, amount_ore FROM complaint WHERE decided_at IS NULL
                                    ) x GROUP BY customer_id
                                ) t WHERE owed < 0
                                UNION
                                SELECT customer_id FROM account WHERE negative_since IS NOT NULL
                                """).getResultList());
        for (String customer : negative) {
            try {
                QuarkusTransaction.requiringNew().run(() -> collect(customer));
            } catch (RuntimeException e) {
                LOG.warnf("Collection for one account failed, tried again next sweep: %s", e.toString());
            }
        }
    }

    /** Collects one account now, in its own transaction: what a sweep does for each negative account. */
    public void collectAccount(String customerId) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (accounts.findByIdOptional(customerId).isPresent()) {
                collect(customerId);
            }
        });
    }

    private void collect(String customerId) {
        AccountEntity a = accounts.findById(customerId);
        long collectible = Collection.collectible(ledger.balance(customerId), complaints.openAmount(customerId));
        LocalDate today = BusinessTime.today(clock);
        if (collectible >= 0) {
            a.negativeSince = null;
            a.noticeSentOn = null;
            a.blockingAllowedOn = null;
            a.reminderSentOn = null;
            a.warningSentOn = null;
            return;
        }
        if (a.automaticPayment && a.paymentRef != null) {
            // R-BILL-04: one top-up per shortfall; its key is kept until the provider has decided, so a retry
            // after no answer asks again with the same key and amount, and each new shortfall gets a new one
            TopUp topUp = pendingTopUp(customerId)
                    .orElseGet(() -> startTopUp(a, Collection.topUp(collectible, a.topUpTargetOre)));
            String key = Causes.topUp(customerId, topUp.n());
            switch (provider.charge(a.paymentRef, topUp.amountOre(), key)) {
                case PaymentProvider.Approved ok -> {
                    decide(customerId, topUp.n(), "APPROVED");
                    ledger.post(customerId, EntryKind.TOP_UP, topUp.amountOre(), "Automatic top-up", key, null);
                    return;
                }
                case PaymentProvider.Declined no -> {
                    decide(customerId, topUp.n(), "DECLINED");
                    a.automaticPayment = false;
                    events.publish(customerId, new BillingEvents.PaymentFailed(customerId, no.reason()));
                }
                case PaymentProvider.Unavailable later -> {
                    return;
                }
            }
        }
        if (a.negativeSince == null) {
            a.negativeSince = today;
        }
        if (a.noticeSentOn == null) {
            a.noticeSentOn = today;
            events.publish(customerId, new BillingEvents.NegativeBalanceNotice(customerId, collectible));
        }
        if (a.blockingAllowedOn == null && Collection.blockingAllowed(collectible, a.negativeSince, today)) {
            a.blockingAllowedOn = today;
            events.publish(customerId, new BillingEvents.BlockingAllowed(customerId, collectible));
        }
        // R-BILL-06: a reminder, then a debt-collection warning, each with its fee, each once per negative spell
        if (a.reminderSentOn == null && !today.isBefore(a.noticeSentOn.plusDays(reminderAfterDays))) {
            a.reminderSentOn = today;
            ledger.post(
                    customerId,
                    EntryKind.FEE,
                    -PriceList.REMINDER_FEE,
                    "Reminder fee",
                    "reminder:" + customerId + ":" + a.negativeSince,
                    null);
            events.publish(customerId, new BillingEvents.ReminderSent(customerId, collectible));
        } else if (a.reminderSentOn != null
                && a.warningSentOn == null
                && !today.isBefore(a.reminderSentOn.plusDays(warningAfterDays))) {
            a.warningSentOn = today;
            ledger.post(
                    customerId,
                    EntryKind.FEE,
                    -PriceList.DEBT_COLLECTION_WARNING_FEE,
                    "Debt-collection warning fee",
                    "debt-warning:" + customerId + ":" + a.negativeSince,
                    null);
            events.publish(customerId, new BillingEvents.DebtCollectionWarningSent(customerId, collectible));
        }
    }

    private record TopUp(int n, long amountOre) {}

    @SuppressWarnings("unchecked")
    private java.util.Optional<TopUp> pendingTopUp(String customerId) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT n, amount_ore FROM top_up WHERE customer_id = :c AND status = 'PENDING'")
                .setParameter("c", customerId)
                .getResultList();
        return rows.stream().findFirst().map(r -> new TopUp(((Number) r[0]).intValue(), ((Number) r[1]).longValue()));
    }

    private TopUp startTopUp(AccountEntity a, long amountOre) {
        int n = ++a.topUps;
        em.createNativeQuery("""
                        INSERT INTO top_up (customer_id, n, amount_ore, status, created_at)
                        VALUES (:c, :n, :amount, 'PENDING', :now)
                        """)
                .setParameter("c", a.customerId)
                .setParameter("n", n)
                .setParameter("amount", amountOre)
                .setParameter("now", clock.instant())
                .executeUpdate();
        return new TopUp(n, amountOre);
    }

    private void decide(String customerId, int n, String status) {
        em.createNativeQuery("UPDATE top_up SET status = :s, decided_at = :now WHERE customer_id = :c AND n = :n")
                .setParameter("s", status)
                .setParameter("now", clock.instant())
                .setParameter("c", customerId)
                .setParameter("n", n)
                .executeUpdate();
    }
}
