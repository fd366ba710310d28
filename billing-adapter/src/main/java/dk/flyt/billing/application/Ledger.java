package dk.flyt.billing.application;

import dk.flyt.billing.domain.EntryKind;
import dk.flyt.billing.persistence.AccountEntity;
import dk.flyt.billing.persistence.AccountRepository;
import dk.flyt.contracts.billing.BillingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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
     * nothing changed. A zero amount books nothing.
     */
    @Transactional
    public boolean post(
            String customerId, EntryKind kind, long amountOre, String reason, String cause, String subscriptionId) {
        return post(customerId, kind, amountOre, reason, cause, subscriptionId, null);
    }

    /** As {@link #post(String, EntryKind, long, String, String, String)}, for an entry that belongs to a month. */
    @Transactional
    public boolean post(
            String customerId,
            EntryKind kind,
            long amountOre,
            String reason,
            String cause,
            String subscriptionId,
            YearMonth periodMonth) {
        if (amountOre == 0) {
            return false;
        }
        open(customerId);
        Instant now = clock.instant();
        int inserted = em.createNativeQuery("""
                        INSERT INTO ledger_entry (customer_id, kind, amount_ore, reason, cause, subscription_id,
                                                  period_month, booked_at)
                        VALUES (:customer, :kind, :amount, :reason, :cause, :subscription, CAST(:month AS date), :now)
                        ON CONFLICT (cause) DO NOTHING
                        """)
                .setParameter("customer", customerId)
                .setParameter("kind", kind.name())
                .setParameter("amount", amountOre)
                .setParameter("reason", reason)
                .setParameter("cause", cause)
                .setParameter("subscription", subscriptionId)
                .setParameter("month", periodMonth == null ? null : periodMonth.atDay(1))
                .setParameter("now", now)
                .executeUpdate();
        if (inserted == 1) {
            // for the order and subscription timelines; the monthly charge run books in bulk and reports per run
            events.publish(
                    customerId,
                    new BillingEvents.EntryPosted(customerId, kind.name(), amountOre, reason, cause, subscriptionId));
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

    /** One booked entry, as billing's reviews read them. */
    public record Entry(String cause, EntryKind kind, long amountOre, YearMonth month, String customerId) {}

    /** What is booked for a subscription, on the accounts of the customers it belonged to. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Entry> entriesOf(String subscriptionId, Collection<String> customers) {
        if (customers.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT cause, kind, amount_ore, period_month, customer_id FROM ledger_entry
                        WHERE customer_id IN (:customers) AND subscription_id = :s
                        """)
                .setParameter("customers", customers)
                .setParameter("s", subscriptionId)
                .getResultList();
        List<Entry> entries = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            entries.add(new Entry(
                    (String) r[0],
                    EntryKind.valueOf((String) r[1]),
                    ((Number) r[2]).longValue(),
                    r[3] == null ? null : YearMonth.from(date(r[3])),
                    (String) r[4]));
        }
        return entries;
    }

    /** The amount booked under a cause, or null. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Long amountOf(String cause) {
        List<Number> rows = em.createNativeQuery("SELECT amount_ore FROM ledger_entry WHERE cause = :c")
                .setParameter("c", cause)
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0).longValue();
    }

    /** A native query's date column: Hibernate hands back a {@code LocalDate} or a {@code java.sql.Date}. */
    public static LocalDate date(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return (LocalDate) value;
    }
}
