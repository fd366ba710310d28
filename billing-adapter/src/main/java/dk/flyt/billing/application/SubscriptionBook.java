package dk.flyt.billing.application;

import dk.flyt.billing.domain.BillingFact;
import dk.flyt.billing.domain.BillingState;
import dk.flyt.billing.domain.Causes;
import dk.flyt.billing.domain.EntryKind;
import dk.flyt.billing.domain.MonthlyCharge;
import dk.flyt.billing.domain.PriceSchedule;
import dk.flyt.billing.domain.SubscriptionCharges;
import dk.flyt.billing.domain.Terms;
import dk.flyt.billing.persistence.BillableSubscriptionEntity;
import dk.flyt.billing.persistence.BillableSubscriptionRepository;
import dk.flyt.billing.persistence.FactLog;
import dk.flyt.contracts.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One subscription's money. Every fact billing learns about a subscription is kept ({@link FactLog}); its state is
 * derived from all of them ({@link BillingState}), what the rules say it owes by today is computed from that state
 * and its terms schedule ({@link SubscriptionCharges}), and the difference from what the ledger holds is booked,
 * each entry under its own cause ({@link Causes}). So whatever billing learns late, it books as soon as it learns it
 * (R-BILL-10), and whatever it learns twice, it books once.
 *
 * <p>Reviews of one subscription are serialised by a lock on its row. A review and the start of a charge run are
 * serialised by a database lock ({@link #HORIZON_LOCK}): a review reads today's date only while no run is being
 * claimed, so a fact learned around midnight on the last day is either seen by the run or books the month itself.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SubscriptionBook {
    /** Reviews hold it shared, the claim of a charge run exclusively. */
    static final long HORIZON_LOCK = 7_400_001L;

    /**
     * What a review did: the state it found, what it refunded and kept of a withdrawn line, and the customers whose
     * accounts the caller checks for settlement once it has booked everything the fact causes ({@link Settlements}).
     */
    public record Review(BillingState state, long refundedOre, long keptOre, Set<String> customers) {}

    private final FactLog facts;
    private final BillableSubscriptionRepository subscriptions;
    private final Ledger ledger;
    private final PlanPrices planPrices;
    private final BillingPrices prices;
    private final EntityManager em;
    private final Clock clock;

    public SubscriptionBook(
            FactLog facts,
            BillableSubscriptionRepository subscriptions,
            Ledger ledger,
            PlanPrices planPrices,
            BillingPrices prices,
            EntityManager em,
            Clock clock) {
        this.facts = facts;
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.planPrices = planPrices;
        this.prices = prices;
        this.em = em;
        this.clock = clock;
    }

    /**
     * Keeps a fact about the subscription and books what follows from it; a fact it already holds changes nothing.
     * {@code customerHint} names the customer when the fact does (null when it does not).
     */
    public Review learn(String subscriptionId, String customerHint, BillingFact fact) {
        lockHorizon();
        BillableSubscriptionEntity row = lockRow(subscriptionId, customerHint);
        BillingState before = fact instanceof BillingFact.PlanChanged ? stateOf(subscriptionId) : null;
        if (!facts.append(subscriptionId, fact)) {
            return new Review(stateOf(subscriptionId), 0, 0, Set.of());
        }
        if (fact instanceof BillingFact.PlanChanged change) {
            planChanged(subscriptionId, change, before, stateOf(subscriptionId));
        }
        if (fact instanceof BillingFact.PlanChangeCancelled cancelled) {
            planChangeCancelled(subscriptionId, cancelled);
        }
        return review(row, fact.factId());
    }

    /** Books what is due for the subscription by today, as the charge run asks for the ones it cannot price itself. */
    public Review chargeDue(String subscriptionId, String cause) {
        lockHorizon();
        return review(lockRow(subscriptionId, null), cause);
    }

    BillingState stateOf(String subscriptionId) {
        return BillingState.derive(subscriptionId, facts.of(subscriptionId));
    }

    PriceSchedule pricesOf(BillingState s) {
        Set<String> plans = s.terms().stream().map(Terms::planCode).collect(Collectors.toSet());
        return PriceSchedule.of(s.terms(), planPrices.of(plans));
    }

    private Review review(BillableSubscriptionEntity row, String factKey) {
        String id = row.subscriptionId;
        BillingState s = stateOf(id);
        PriceSchedule schedule = pricesOf(s);
        LocalDate today = BusinessTime.today(clock);
        Set<String> customers = new LinkedHashSet<>(s.allOwners());
        if (row.customerId != null) {
            customers.add(row.customerId);
        }
        Booked booked = new Booked(ledger.entriesOf(id, customers));

        bookMonths(s, schedule, today, booked, factKey);
        bookBinding(s, schedule, booked);
        long[] withdrawal = bookWithdrawal(s, schedule, booked, factKey);

        project(row, s);
        return new Review(s, withdrawal[0], withdrawal[1], customers);
    }

    // --- month charges (R-BILL-01, R-BILL-02, R-BILL-10)

    private void bookMonths(BillingState s, PriceSchedule schedule, LocalDate today, Booked booked, String factKey) {
        if (s.status() != BillingState.Status.ACTIVE && s.status() != BillingState.Status.ENDED) {
            return;
        }
        Set<YearMonth> due = new HashSet<>();
        for (SubscriptionCharges.Month m : SubscriptionCharges.due(s, schedule, today)) {
            due.add(m.month());
            settleMonth(s.subscriptionId(), m.month(), -m.amountOre(), m.payer(), booked, factKey);
        }
        for (YearMonth m : booked.months()) {
            if (!due.contains(m)
                    && booked.month(m) != 0
                    && booked.has(Causes.charge(s.subscriptionId(), m))
                    && MonthlyCharge.billable(s.ranges(), m).isEmpty()) {
                // charged, but by what billing knows now the line was not live in it (it ended before); a month that
                // is live but due later (a reverted port-out) waits for its due day and is corrected then
                settleMonth(s.subscriptionId(), m, 0, booked.payerOf(m), booked, factKey);
            }
        }
    }

    /** Brings the month's entries to {@code wanted} (negative: owed): its charge if missing, else a correction. */
    private void settleMonth(
            String subscriptionId, YearMonth month, long wanted, String payer, Booked booked, String factKey) {
        String charge = Causes.charge(subscriptionId, month);
        if (!booked.has(charge)) {
            long amount = wanted - booked.month(month);
            if (post(payer, EntryKind.CHARGE, amount, "Monthly fee " + month, charge, subscriptionId, month, booked)) {
                return;
            }
            // a charge run booked the month at the same moment: take its amount and correct from there
            Long theirs = ledger.amountOf(charge);
            if (theirs != null) {
                booked.add(new Ledger.Entry(charge, EntryKind.CHARGE, theirs, month, payer));
            }
        }
        long difference = wanted - booked.month(month);
        if (difference != 0) {
            post(
                    payer,
                    EntryKind.CHARGE,
                    difference,
                    "Correction of the fee for " + month,
                    Causes.adjustment(subscriptionId, month, factKey),
                    subscriptionId,
                    month,
                    booked);
        }
    }

    // --- R-BILL-09: a change in a month already charged

    private void planChanged(
            String subscriptionId, BillingFact.PlanChanged change, BillingState before, BillingState after) {
        if (after.status() == BillingState.Status.WITHDRAWN || !after.activated()) {
            return;
        }
        String payer = after.ownerOn(change.effectiveOn());
        long fee = prices.planChangeFeeOre();
        if (fee > 0 && payer != null) {
            ledger.post(
                    payer,
                    EntryKind.FEE,
                    -fee,
                    "Plan change fee",
                    Causes.planChangeFee(change.changeId()),
                    subscriptionId);
        }
        YearMonth month = YearMonth.from(change.effectiveOn());
        Booked booked = new Booked(ledger.entriesOf(subscriptionId, after.allOwners()));
        if (!booked.has(Causes.charge(subscriptionId, month)) || !before.activated()) {
            return; // the month's charge is still to come, and will price the change by its days
        }
        PriceSchedule old = pricesOf(before);
        PriceSchedule now = pricesOf(after);
        int days = month.lengthOfMonth();
        for (MonthlyCharge.Interval part : MonthlyCharge.billable(after.ranges(), month)) {
            LocalDate from = change.effectiveOn();
            if (from.isBefore(part.from()) || !from.isBefore(part.until())) {
                continue;
            }
            long n = java.time.temporal.ChronoUnit.DAYS.between(from, part.until());
            post(
                    payer,
                    EntryKind.CHARGE,
                    MonthlyCharge.share(old.priceOn(from), n, days),
                    "Unused days of the old plan from " + from,
                    Causes.planChangeCredit(change.changeId()),
                    subscriptionId,
                    month,
                    booked);
            post(
                    payer,
                    EntryKind.CHARGE,
                    -MonthlyCharge.share(now.priceOn(from), n, days),
                    "New plan " + change.planCode() + " from " + from,
                    Causes.planChangeCharge(change.changeId()),
                    subscriptionId,
                    month,
                    booked);
        }
    }

    private void planChangeCancelled(String subscriptionId, BillingFact.PlanChangeCancelled cancelled) {
        Long fee = ledger.amountOf(Causes.planChangeFee(cancelled.changeId()));
        if (fee == null) {
            return;
        }
        String payer = stateOf(subscriptionId).currentOwner();
        ledger.post(
                payer,
                EntryKind.FEE,
                -fee,
                "Plan change fee back: the change was cancelled",
                Causes.planChangeFeeReversal(cancelled.changeId()),
                subscriptionId);
    }

    // --- R-POUT-04, R-POUT-05: binding fees of a port-out, and back when it is reverted

    private void bookBinding(BillingState s, PriceSchedule schedule, Booked booked) {
        if (s.status() == BillingState.Status.WITHDRAWN) {
            return;
        }
        for (BillingState.PortOut p : s.portOuts()) {
            String binding = Causes.binding(s.subscriptionId(), p.portOutId());
            if (!p.reverted()) {
                long fees = SubscriptionCharges.bindingFees(s, schedule, p);
                if (fees > 0 && !booked.has(binding)) {
                    post(
                            s.ownerOn(p.on()),
                            EntryKind.FEE,
                            -fees,
                            "Remaining binding fees until " + s.bindingEndsOn(),
                            binding,
                            s.subscriptionId(),
                            null,
                            booked);
                }
            } else if (booked.has(binding)) {
                Ledger.Entry fees = booked.get(binding);
                post(
                        fees.customerId(),
                        EntryKind.FEE,
                        -fees.amountOre(),
                        "Binding fees back: the port-out was reverted",
                        Causes.bindingReversal(s.subscriptionId(), p.portOutId()),
                        s.subscriptionId(),
                        null,
                        booked);
            }
        }
    }

    // --- R-WDR-03, R-WDR-04: a withdrawn line pays back everything but the days used beyond the limits

    /** Returns {refunded, kept} of this review. */
    private long[] bookWithdrawal(BillingState s, PriceSchedule schedule, Booked booked, String factKey) {
        if (s.status() != BillingState.Status.WITHDRAWN) {
            return new long[] {0, 0};
        }
        long kept = s.activated() ? SubscriptionCharges.keptOnWithdrawal(s, schedule) : 0;
        long difference = -kept - booked.withdrawalNet();
        if (difference != 0) {
            String cause = booked.has(Causes.withdrawal(s.subscriptionId()))
                    ? Causes.withdrawalAdjustment(s.subscriptionId(), factKey)
                    : Causes.withdrawal(s.subscriptionId());
            post(
                    s.ownerOn(s.withdrawal().on()),
                    difference > 0 ? EntryKind.REFUND : EntryKind.FEE,
                    difference,
                    difference > 0
                            ? "Refund on withdrawal (R-WDR-03)"
                            : "Fee for the days used before the withdrawal (R-WDR-04)",
                    cause,
                    s.subscriptionId(),
                    null,
                    booked);
        }
        return new long[] {Math.max(0, difference), kept};
    }

    // --- bookkeeping

    private boolean post(
            String customer,
            EntryKind kind,
            long amount,
            String reason,
            String cause,
            String subscriptionId,
            YearMonth month,
            Booked booked) {
        if (customer == null || amount == 0) {
            return false;
        }
        boolean posted = ledger.post(customer, kind, amount, reason, cause, subscriptionId, month);
        if (posted) {
            booked.add(new Ledger.Entry(cause, kind, amount, month, customer));
        }
        return posted;
    }

    private void lockHorizon() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock_shared(:k)")
                .setParameter("k", HORIZON_LOCK)
                .getSingleResult();
    }

    private BillableSubscriptionEntity lockRow(String subscriptionId, String customerHint) {
        em.createNativeQuery("""
                        INSERT INTO billable_subscription (subscription_id, customer_id, status, range_count, version)
                        VALUES (:s, :c, 'UNKNOWN', 0, 0) ON CONFLICT (subscription_id) DO NOTHING
                        """)
                .setParameter("s", subscriptionId)
                .setParameter("c", customerHint)
                .executeUpdate();
        BillableSubscriptionEntity row = subscriptions.lock(subscriptionId).orElseThrow();
        if (row.customerId == null && customerHint != null) {
            row.customerId = customerHint;
        }
        return row;
    }

    /** Rewrites what the charge run and the reconciliation read of the subscription from its state. */
    private void project(BillableSubscriptionEntity row, BillingState s) {
        String owner = s.currentOwner();
        if (owner != null) {
            row.customerId = owner;
        }
        row.status = s.status();
        row.orderId = s.orderId() != null ? s.orderId() : row.orderId;
        row.bindingEndsOn = s.bindingEndsOn();
        row.rangeCount = s.ranges().size();
        row.activatedOn = s.ranges().isEmpty()
                ? null
                : s.ranges().get(s.ranges().size() - 1).from();
        row.endedOn =
                s.ranges().isEmpty() || s.ranges().get(s.ranges().size() - 1).isOpen()
                        ? null
                        : s.ranges().get(s.ranges().size() - 1).until();
        List<Terms> terms = PriceSchedule.of(s.terms(), List.of()).terms();
        Terms latest = terms.isEmpty() ? null : terms.get(terms.size() - 1);
        row.planCode = latest == null ? null : latest.planCode();
        row.monthlyPriceOre = latest == null ? null : latest.monthlyPriceOre();
        row.termsFrom = latest == null ? null : latest.from();
        em.createNativeQuery("DELETE FROM subscription_terms WHERE subscription_id = :s")
                .setParameter("s", row.subscriptionId)
                .executeUpdate();
        for (Terms t : terms) {
            em.createNativeQuery("""
                            INSERT INTO subscription_terms (subscription_id, seq, effective_from, plan_code, price_ore)
                            VALUES (:s, :seq, :from, :plan, :price)
                            """)
                    .setParameter("s", row.subscriptionId)
                    .setParameter("seq", t.seq())
                    .setParameter("from", t.from())
                    .setParameter("plan", t.planCode())
                    .setParameter("price", t.monthlyPriceOre())
                    .executeUpdate();
        }
        em.createNativeQuery("DELETE FROM billing_period WHERE subscription_id = :s")
                .setParameter("s", row.subscriptionId)
                .executeUpdate();
        s.ranges().forEach(r -> em.createNativeQuery(
                        "INSERT INTO billing_period (subscription_id, starts_on, ends_on) VALUES (:s, :from, CAST(:until AS date))")
                .setParameter("s", row.subscriptionId)
                .setParameter("from", r.from())
                .setParameter("until", r.until())
                .executeUpdate());
        subscriptions.flush();
    }
}
