package dk.flyt.subscription.application;

import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.subscription.SubscriptionEvents;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.subscription.config.SubscriptionConfig;
import dk.flyt.subscription.domain.CancellationRules;
import dk.flyt.subscription.domain.CreditDecision;
import dk.flyt.subscription.domain.EndReason;
import dk.flyt.subscription.domain.Iccid;
import dk.flyt.subscription.domain.OrderDraft;
import dk.flyt.subscription.domain.OrderRules;
import dk.flyt.subscription.domain.OwnershipTransferRules;
import dk.flyt.subscription.domain.Plan;
import dk.flyt.subscription.domain.PlanChangeRules;
import dk.flyt.subscription.domain.PlanChangeStatus;
import dk.flyt.subscription.domain.SubscriptionStatus;
import dk.flyt.subscription.domain.TransferStatus;
import dk.flyt.subscription.domain.Violation;
import dk.flyt.subscription.persistence.CustomerEntity;
import dk.flyt.subscription.persistence.CustomerRepository;
import dk.flyt.subscription.persistence.OwnershipTransferEntity;
import dk.flyt.subscription.persistence.OwnershipTransferRepository;
import dk.flyt.subscription.persistence.PlanChangeEntity;
import dk.flyt.subscription.persistence.PlanChangeRepository;
import dk.flyt.subscription.persistence.PlanRepository;
import dk.flyt.subscription.persistence.Records;
import dk.flyt.subscription.persistence.SubscriptionEntity;
import dk.flyt.subscription.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A subscription after activation: plan changes (R-SUB-02..05), cancellation (R-SUB-07), block and unblock
 * (R-SUB-10), usage and first use (R-SUB-01), the end by port-out (R-POUT-02) and transfer of ownership (R-SUB-09).
 */
@ApplicationScoped
public class SubscriptionLifecycle {
    private final SubscriptionRepository subscriptions;
    private final PlanChangeRepository changes;
    private final OwnershipTransferRepository transfers;
    private final CustomerRepository customers;
    private final CustomerDirectory directory;
    private final PlanRepository plans;
    private final Records records;
    private final Journal journal;
    private final OrderSaga saga;
    private final CreditBureau bureau;
    private final Notifications notifications;
    private final SubscriptionConfig config;
    private final TermsChanges terms;
    private final Clock clock;

    public SubscriptionLifecycle(
            SubscriptionRepository subscriptions,
            PlanChangeRepository changes,
            OwnershipTransferRepository transfers,
            CustomerRepository customers,
            CustomerDirectory directory,
            PlanRepository plans,
            Records records,
            Journal journal,
            OrderSaga saga,
            CreditBureau bureau,
            Notifications notifications,
            SubscriptionConfig config,
            TermsChanges terms,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.changes = changes;
        this.transfers = transfers;
        this.customers = customers;
        this.directory = directory;
        this.plans = plans;
        this.records = records;
        this.journal = journal;
        this.saga = saga;
        this.bureau = bureau;
        this.notifications = notifications;
        this.config = config;
        this.terms = terms;
        this.clock = clock;
    }

    public SubscriptionEntity get(UUID id) {
        SubscriptionEntity s = subscriptions.findById(id);
        if (s == null) {
            throw ProblemException.notFound("Subscription");
        }
        return s;
    }

    // --- plan change

    @Transactional
    public PlanChangeEntity changePlan(UUID subscriptionId, String planCode, String by) {
        SubscriptionEntity s = get(subscriptionId);
        if (s.status != SubscriptionStatus.ACTIVE) {
            throw ProblemException.conflict(
                    "not-active", "only an active subscription changes plan; it is " + s.status);
        }
        if (planCode == null || plans.findByIdOptional(planCode).isEmpty()) {
            throw ProblemException.badRequest("planCode", "must be a plan of the catalogue");
        }
        LocalDate today = BusinessTime.today(clock);
        List<PlanChangeEntity> earlier = changes.ofSubscription(s.id);
        YearMonth month = YearMonth.from(today);
        int thisMonth = (int) earlier.stream()
                .filter(c -> c.status != PlanChangeStatus.CANCELLED
                        && YearMonth.from(c.orderedOn).equals(month))
                .count();
        String leftByImmediate = earlier.stream()
                .filter(c -> c.immediate && c.status == PlanChangeStatus.EFFECTIVE)
                .reduce((a, b) -> b)
                .map(c -> c.fromPlan)
                .orElse(null);
        Plan current = plans.plan(s.planCode);
        Plan target = plans.plan(planCode);
        var decision = PlanChangeRules.decide(current, target, today, s.bindingEndsOn, thisMonth, leftByImmediate);
        if (decision instanceof PlanChangeRules.Refused r) {
            throw ProblemException.unprocessable(r.code(), r.reason());
        }
        var accepted = (PlanChangeRules.Accepted) decision;
        PlanChangeEntity c = new PlanChangeEntity();
        c.id = UUID.randomUUID();
        c.subscriptionId = s.id;
        c.fromPlan = current.code();
        c.toPlan = target.code();
        c.immediate = accepted.immediate();
        c.orderedOn = today;
        c.effectiveOn = accepted.effectiveOn();
        c.orderedBy = by;
        c.status = accepted.immediate() ? PlanChangeStatus.EFFECTIVE : PlanChangeStatus.SCHEDULED;
        changes.persist(c);
        if (accepted.immediate()) {
            s.planCode = target.code();
        } else {
            records.schedule(
                    TimerKind.PLAN_CHANGE.name(),
                    c.id,
                    c.effectiveOn.atStartOfDay(BusinessTime.ZONE).toInstant());
        }
        journal.subscriptionEvent(
                s.id,
                new SubscriptionEvents.PlanChanged(
                        s.id.toString(),
                        c.id.toString(),
                        target.code(),
                        terms.priceOn(target.code(), c.effectiveOn),
                        c.effectiveOn));
        journal.timeline(
                s.orderId,
                s.id,
                s.customerId,
                "SUBSCRIPTION",
                accepted.immediate() ? "PLAN_CHANGED" : "PLAN_CHANGE_SCHEDULED",
                current.code() + " -> " + target.code() + " from " + c.effectiveOn + " by " + by);
        return c;
    }

    @Transactional
    public PlanChangeEntity cancelPlanChange(UUID subscriptionId, UUID changeId, String by) {
        SubscriptionEntity s = get(subscriptionId);
        PlanChangeEntity c = changes.findByIdOptional(changeId)
                .filter(x -> x.subscriptionId.equals(s.id))
                .orElseThrow(() -> ProblemException.notFound("Plan change"));
        if (c.status != PlanChangeStatus.SCHEDULED || !c.effectiveOn.isAfter(BusinessTime.today(clock))) {
            throw ProblemException.conflict(
                    "plan-change-in-effect",
                    "the plan change is " + c.status + " and can no longer be cancelled (R-SUB-04)");
        }
        c.status = PlanChangeStatus.CANCELLED;
        records.cancelTimer(TimerKind.PLAN_CHANGE.name(), c.id);
        journal.subscriptionEvent(s.id, new SubscriptionEvents.PlanChangeCancelled(s.id.toString(), c.id.toString()));
        journal.timeline(
                s.orderId, s.id, s.customerId, "SUBSCRIPTION", "PLAN_CHANGE_CANCELLED", c.toPlan + " by " + by);
        return c;
    }

    /** Timer: a scheduled change takes effect at the month change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planChangeDue(UUID changeId) {
        PlanChangeEntity c = changes.findById(changeId);
        if (c == null || c.status != PlanChangeStatus.SCHEDULED) {
            return;
        }
        SubscriptionEntity s = subscriptions.findById(c.subscriptionId);
        c.status = PlanChangeStatus.EFFECTIVE;
        if (s.isLive()) {
            s.planCode = c.toPlan;
            journal.timeline(
                    s.orderId, s.id, s.customerId, "SUBSCRIPTION", "PLAN_CHANGED", c.fromPlan + " -> " + c.toPlan);
        }
    }

    public List<PlanChangeEntity> planChanges(UUID subscriptionId) {
        return changes.ofSubscription(subscriptionId);
    }

    // --- cancellation

    @Transactional
    public SubscriptionEntity cancel(UUID subscriptionId, LocalDate wishedEnd, String by) {
        SubscriptionEntity s = get(subscriptionId);
        if (!s.isLive()) {
            throw ProblemException.conflict(
                    "not-active",
                    "only an active subscription can be cancelled; it is " + s.status
                            + ((s.status == SubscriptionStatus.PENDING) ? " (withdraw the order instead)" : ""));
        }
        if (s.endsOn != null) {
            throw ProblemException.conflict("already-cancelled", "notice was given; the subscription ends " + s.endsOn);
        }
        LocalDate today = BusinessTime.today(clock);
        if (wishedEnd != null && wishedEnd.isBefore(today)) {
            throw ProblemException.badRequest("endOn", "must not be in the past");
        }
        s.noticeGivenOn = today;
        LocalDate normalEnd = CancellationRules.endDate(today, s.bindingEndsOn, wishedEnd);
        // R-SUB-11: a pending price rise lets the holder leave by its date, binding or not
        s.endsOn = terms.cancellationEnd(s.planCode, today, normalEnd).orElse(normalEnd);
        records.schedule(
                TimerKind.SUBSCRIPTION_END.name(),
                s.id,
                s.endsOn.atStartOfDay(BusinessTime.ZONE).toInstant());
        journal.subscriptionEvent(
                s.id, new SubscriptionEvents.CancellationNoticed(s.id.toString(), s.customerId, today, s.endsOn));
        journal.timeline(
                s.orderId,
                s.id,
                s.customerId,
                "SUBSCRIPTION",
                "CANCELLATION_NOTICED",
                "ends " + s.endsOn + ", by " + by);
        return s;
    }

    /** Timer: a cancelled subscription ends on its end date. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endDue(UUID subscriptionId) {
        SubscriptionEntity s = subscriptions.findById(subscriptionId);
        if (s == null || !s.isLive() || s.endsOn == null) {
            return;
        }
        end(s, s.endsOn, EndReason.CANCELLED);
        journal.subscriptionEvent(
                s.id, new SubscriptionEvents.SubscriptionEnded(s.id.toString(), s.customerId, s.number, s.endsOn));
    }

    private void end(SubscriptionEntity s, LocalDate on, EndReason reason) {
        s.status = SubscriptionStatus.ENDED;
        s.endReason = reason;
        s.endedOn = on;
        records.cancelTimer(TimerKind.SUBSCRIPTION_END.name(), s.id);
        changes.ofSubscription(s.id).stream()
                .filter(c -> c.status == PlanChangeStatus.SCHEDULED)
                .forEach(c -> {
                    c.status = PlanChangeStatus.CANCELLED;
                    records.cancelTimer(TimerKind.PLAN_CHANGE.name(), c.id);
                });
        journal.timeline(s.orderId, s.id, s.customerId, "SUBSCRIPTION", "SUBSCRIPTION_ENDED", reason + " on " + on);
    }

    // --- block (R-SUB-10) and debt (R-BILL-05)

    @Transactional
    public SubscriptionEntity block(UUID subscriptionId, String by) {
        SubscriptionEntity s = get(subscriptionId);
        if (s.status != SubscriptionStatus.ACTIVE) {
            throw ProblemException.conflict("not-active", "only an active line can be blocked; it is " + s.status);
        }
        blockLine(s, "LOST", by);
        return s;
    }

    private void blockLine(SubscriptionEntity s, String reason, String by) {
        s.status = SubscriptionStatus.BLOCKED;
        s.blockReason = reason;
        LocalDate today = BusinessTime.today(clock);
        journal.subscriptionEvent(
                s.id, new SubscriptionEvents.SubscriptionBlocked(s.id.toString(), s.customerId, reason, today));
        journal.timeline(
                s.orderId,
                s.id,
                s.customerId,
                "SUBSCRIPTION",
                "BLOCKED",
                reason + " by " + by + "; 112 stays reachable");
    }

    /** Opens a blocked line again; with a new SIM's ICCID the SIM is replaced (49 kr, R-SUB-10). */
    @Transactional
    public SubscriptionEntity unblock(UUID subscriptionId, String newSimIccid, String by) {
        SubscriptionEntity s = get(subscriptionId);
        if (s.status != SubscriptionStatus.BLOCKED) {
            throw ProblemException.conflict("not-blocked", "the line is " + s.status);
        }
        if (newSimIccid != null && !Iccid.isValid(newSimIccid)) {
            throw ProblemException.badRequest("newSimIccid", "must be an ICCID with a valid check digit");
        }
        LocalDate today = BusinessTime.today(clock);
        s.status = SubscriptionStatus.ACTIVE;
        s.blockReason = null;
        if (newSimIccid != null && !newSimIccid.equals(s.iccid)) {
            s.iccid = newSimIccid;
            journal.subscriptionEvent(
                    s.id,
                    new SubscriptionEvents.SimReplaced(s.id.toString(), s.customerId, today, s.number, newSimIccid));
            journal.timeline(s.orderId, s.id, s.customerId, "SUBSCRIPTION", "SIM_REPLACED", "new SIM, 49 kr");
        }
        journal.subscriptionEvent(
                s.id, new SubscriptionEvents.SubscriptionUnblocked(s.id.toString(), s.customerId, today));
        journal.timeline(s.orderId, s.id, s.customerId, "SUBSCRIPTION", "UNBLOCKED", "by " + by);
        return s;
    }

    /** Billing allows blocking for debt: every active line of the customer is blocked (closing fee, R-BILL-05). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void blockingAllowed(String customerId) {
        if (!config.blockOnDebt()) {
            return;
        }
        subscriptions.ofCustomer(customerId).stream()
                .filter(s -> s.status == SubscriptionStatus.ACTIVE)
                .forEach(s -> blockLine(s, "DEBT", "billing"));
    }

    // --- usage and first use (R-SUB-01, R-WDR-04)

    @Transactional
    public SubscriptionEntity usage(
            UUID subscriptionId,
            String usageId,
            LocalDate usedOn,
            long voiceSeconds,
            long dataMegabytes,
            long amountOre) {
        SubscriptionEntity s = get(subscriptionId);
        Instant now = clock.instant();
        if (!records.recordUsage(usageId, s.id, usedOn, voiceSeconds, dataMegabytes, amountOre, now)) {
            return s;
        }
        s.voiceSecondsUsed += voiceSeconds;
        s.dataMegabytesUsed += dataMegabytes;
        if (s.firstUsedAt == null) {
            s.firstUsedAt = now;
            saga.activateNewNumber(s.id, "first use");
        }
        if (amountOre > 0) {
            journal.subscriptionEvent(
                    s.id,
                    new SubscriptionEvents.UsageBilled(usageId, s.id.toString(), s.customerId, amountOre, usedOn));
        }
        return s;
    }

    // --- port-out (R-POUT-02, R-POUT-05)

    @Transactional(Transactional.TxType.MANDATORY)
    public void portedOut(String subscriptionId, String number, LocalDate portDate, String recipient) {
        SubscriptionEntity s = find(subscriptionId, number);
        if (s == null || s.status == SubscriptionStatus.ENDED) {
            return;
        }
        journal.timeline(s.orderId, s.id, s.customerId, "PORTING", "PORTED_OUT", "to " + recipient + " on " + portDate);
        // billing settles from PortOutCompleted itself (R-POUT-04); a SubscriptionEnded here could overtake it
        end(s, portDate, EndReason.PORTED_OUT);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void portOutReverted(String subscriptionId, String number) {
        SubscriptionEntity s = find(subscriptionId, number);
        if (s != null && s.status == SubscriptionStatus.ENDED && s.endReason == EndReason.PORTED_OUT) {
            s.status = SubscriptionStatus.ACTIVE;
            s.endReason = null;
            s.endedOn = null;
            journal.timeline(
                    s.orderId, s.id, s.customerId, "PORTING", "PORT_OUT_REVERTED", "active again on the same terms");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void portingNote(String subscriptionId, String number, String what, String detail) {
        SubscriptionEntity s = find(subscriptionId, number);
        if (s != null) {
            journal.timeline(s.orderId, s.id, s.customerId, "PORTING", what, detail);
        }
    }

    private SubscriptionEntity find(String subscriptionId, String number) {
        if (subscriptionId != null) {
            try {
                return subscriptions.findById(UUID.fromString(subscriptionId));
            } catch (IllegalArgumentException notOurs) {
                return null;
            }
        }
        return number == null ? null : subscriptions.liveByNumber(number).orElse(null);
    }

    // --- ownership transfer (R-SUB-09)

    @Transactional
    public OwnershipTransferEntity requestTransfer(
            UUID subscriptionId, OrderDraft.CustomerDraft newOwner, String paymentMethodRef, String by) {
        SubscriptionEntity s = get(subscriptionId);
        if (s.status != SubscriptionStatus.ACTIVE) {
            throw ProblemException.conflict("not-active", "only an active subscription changes owner");
        }
        if (transfers.pendingFor(s.id).isPresent()) {
            throw ProblemException.conflict("transfer-pending", "a transfer of this subscription awaits acceptance");
        }
        LocalDate today = BusinessTime.today(clock);
        List<Violation> v = new ArrayList<>(OrderRules.validateCustomer("newOwner", newOwner, today));
        if (newOwner != null && newOwner.id() != null) {
            v.add(new Violation("newOwner.id", "leave out: the new owner is identified by CPR or CVR"));
        }
        if (paymentMethodRef == null || paymentMethodRef.isBlank()) {
            v.add(new Violation("paymentMethodRef", "is required"));
        }
        if (!v.isEmpty()) {
            throw CheckoutService.invalid(v);
        }
        CustomerEntity old = customers.findById(s.customerId);
        List<Violation> rules = OwnershipTransferRules.check(today, s.bindingEndsOn, old.email, newOwner.email());
        if (!rules.isEmpty()) {
            throw new ProblemException(
                    422,
                    "transfer-not-allowed",
                    "The request breaks a business rule",
                    rules.get(0).message() + " (R-SUB-09)",
                    rules.stream()
                            .map(x -> new dk.flyt.platform.problem.Problem.FieldError(x.field(), x.message()))
                            .toList());
        }
        String identity = CustomerDirectory.identity(newOwner);
        if (identity.equals(old.cpr) || identity.equals(old.cvr)) {
            throw ProblemException.unprocessable("same-owner", "the new owner is the current owner");
        }
        CreditDecision decision = bureau.check(identity, newOwner.address().postalCode());
        if (decision instanceof CreditDecision.Refused) {
            // the reason is the new owner's credit data: never shown to the one who asked (the security issue)
            throw ProblemException.unprocessable("credit-refused", "the new owner's credit check refused the transfer");
        }
        if (decision instanceof CreditDecision.Unavailable) {
            throw new ProblemException(
                    503,
                    "credit-check-unavailable",
                    "Credit check unavailable",
                    "the credit bureau did not answer; try again later",
                    List.of());
        }
        Instant now = clock.instant();
        CustomerEntity next = directory.forTransfer(newOwner, paymentMethodRef, now);
        OwnershipTransferEntity t = new OwnershipTransferEntity();
        t.id = UUID.randomUUID();
        t.subscriptionId = s.id;
        t.fromCustomerId = s.customerId;
        t.toCustomerId = next.id;
        t.status = TransferStatus.PENDING;
        t.requestedAt = now;
        t.expiresAt = now.plus(OwnershipTransferRules.ACCEPTANCE_WINDOW);
        OneTimeToken token = OneTimeToken.create();
        t.tokenHash = token.hash();
        transfers.persist(t);
        records.schedule(TimerKind.TRANSFER_LAPSE.name(), t.id, t.expiresAt);
        notifications.sendOwnershipTransferLink(next.id, t.id.toString(), token.token());
        journal.timeline(
                s.orderId,
                s.id,
                s.customerId,
                "SUBSCRIPTION",
                "OWNERSHIP_TRANSFER_REQUESTED",
                "by " + by + "; lapses " + t.expiresAt);
        return t;
    }

    /** The new owner accepts within 48 hours, with the link's token. */
    @Transactional
    public OwnershipTransferEntity acceptTransfer(UUID transferId, String customerId, String token) {
        OwnershipTransferEntity t = transfers
                .findByIdOptional(transferId)
                .filter(x -> x.toCustomerId.equals(customerId))
                .orElseThrow(() -> ProblemException.notFound("Ownership transfer"));
        if (t.status != TransferStatus.PENDING) {
            throw ProblemException.conflict("transfer-not-pending", "the transfer is " + t.status);
        }
        Instant now = clock.instant();
        if (!now.isBefore(t.expiresAt)) {
            throw ProblemException.conflict("transfer-lapsed", "the 48 hours to accept have run out (R-SUB-09)");
        }
        if (!OneTimeToken.matches(token, t.tokenHash)) {
            throw ProblemException.badRequest("token", "is not the token of this transfer's link");
        }
        SubscriptionEntity s = subscriptions.findById(t.subscriptionId);
        if (!s.isLive()) {
            throw ProblemException.conflict("not-active", "the subscription is " + s.status);
        }
        t.status = TransferStatus.ACCEPTED;
        t.acceptedAt = now;
        records.cancelTimer(TimerKind.TRANSFER_LAPSE.name(), t.id);
        s.customerId = t.toCustomerId;
        LocalDate today = BusinessTime.today(clock);
        journal.subscriptionEvent(
                s.id,
                new SubscriptionEvents.OwnershipTransferred(s.id.toString(), t.fromCustomerId, t.toCustomerId, today));
        journal.timeline(
                s.orderId, s.id, t.toCustomerId, "SUBSCRIPTION", "OWNERSHIP_TRANSFERRED", "accepted by the new owner");
        return t;
    }

    /** Timer: not accepted within 48 hours. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void transferLapsed(UUID transferId) {
        OwnershipTransferEntity t = transfers.findById(transferId);
        if (t != null && t.status == TransferStatus.PENDING) {
            t.status = TransferStatus.LAPSED;
            SubscriptionEntity s = subscriptions.findById(t.subscriptionId);
            journal.timeline(s.orderId, s.id, s.customerId, "SUBSCRIPTION", "OWNERSHIP_TRANSFER_LAPSED", null);
        }
    }

    public OwnershipTransferEntity transfer(UUID transferId) {
        return transfers
                .findByIdOptional(transferId)
                .orElseThrow(() -> ProblemException.notFound("Ownership transfer"));
    }
}
