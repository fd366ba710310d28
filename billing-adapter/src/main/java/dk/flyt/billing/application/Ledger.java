package dk.flyt.billing.application;

import dk.flyt.billing.domain.EntryKind;
import dk.flyt.billing.persistence.AccountEntity;
import dk.flyt.billing.persistence.AccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Books entries on customers' accounts (R-BILL-03). The balance is the sum of the entries, never stored apart from
 * them; an entry whose cause was booked before is not booked again, so a redelivered event has no second effect.
 */
@ApplicationScoped
public class Ledger {
    private final AccountRepository accounts;
    private final EntityManager em;
    private final BillingEventPublisher events;
    private final Clock clock;

    public Ledger(AccountRepository accounts, EntityManager em, BillingEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.em = em;
        this.events = events;
        this.clock = clock;
    }

    /** The customer's account, opened now if it does not exist yet. */
    @Transactional
    public AccountEntity open(String customerId) {
        return accounts.findByIdOptional(customerId).orElseGet(() -> {
            AccountEntity a = new AccountEntity();
            a.customerId = customerId;
            a.openedAt = clock.instant();
            accounts.persist(a);
            accounts.flush();
            return a;
        });
    }

    /**
     * Books {@code amountOre} (credit &gt; 0, debit &lt; 0). Returns false when an entry with this cause exists: then
     * nothing changed.
     */
    @Transactional
    public boolean post(
            String customerId, EntryKind kind, long amountOre, String reason, String cause, String subscriptionId) {
        open(customerId);
        Instant now = clock.instant();
        int inserted = em.createNativeQuery("""
                        INSERT INTO ledger_entry (customer_id, kind, amount_ore, reason, cause, subscription_id, booked_at)
                        VALUES (:customer, :kind, :amount, :reason, :cause, :subscription, :now)
                        ON CONFLICT (cause) DO NOTHING
                        """)
                .setParameter("customer", customerId)
                .setParameter("kind", kind.name())
                .setParameter("amount", amountOre)
                .setParameter("reason", reason)
                .setParameter("cause", cause)
                .setParameter("subscription", subscriptionId)
                .setParameter("now", now)
                .executeUpdate();
        if (inserted == 1) {
            // for the order and subscription timelines; the monthly charge run books in bulk and reports per run
            Map<String, Object> payload = new HashMap<>();
            payload.put("customerId", customerId);
            payload.put("kind", kind.name());
            payload.put("amountOre", amountOre);
            payload.put("reason", reason);
            payload.put("cause", cause);
            payload.put("subscriptionId", subscriptionId);
            events.publish(customerId, "EntryPosted", payload);
        }
        return inserted == 1;
    }

    /** The balance: the sum of the account's entries (R-BILL-03). */
    @Transactional
    public long balance(String customerId) {
        return ((Number) em.createNativeQuery(
                                "SELECT coalesce(sum(amount_ore), 0) FROM ledger_entry WHERE customer_id = :customer")
                        .setParameter("customer", customerId)
                        .getSingleResult())
                .longValue();
    }
}
