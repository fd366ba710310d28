package dk.flyt.subscription.application;

import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.subscription.SubscriptionEvents;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.subscription.config.SubscriptionConfig;
import dk.flyt.subscription.domain.CancellationRules;
import dk.flyt.subscription.domain.EndReason;
import dk.flyt.subscription.domain.Iccid;
import dk.flyt.subscription.domain.PlanChangeStatus;
import dk.flyt.subscription.domain.SubscriptionStatus;
import dk.flyt.subscription.persistence.PlanChangeRepository;
import dk.flyt.subscription.persistence.Records;
import dk.flyt.subscription.persistence.SubscriptionEntity;
import dk.flyt.subscription.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A subscription after activation: cancellation (R-SUB-07), block and unblock (R-SUB-10), usage and first use
 * (R-SUB-01), and the end by port-out (R-POUT-02). Plan changes are {@link PlanChanges}, transfers of ownership
 * {@link OwnershipTransfers}.
 */
@ApplicationScoped
public class SubscriptionLifecycle {
    private final SubscriptionRepository subscriptions;
    private final PlanChangeRepository changes;
    private final Records records;
    private final Journal journal;
    private final OrderSaga saga;
    private final SubscriptionConfig config;
    private final TermsChanges terms;
    private final Clock clock;

    public SubscriptionLifecycle(
            SubscriptionRepository subscriptions,
            PlanChangeRepository changes,
            Records records,
            Journal journal,
            OrderSaga saga,
            SubscriptionConfig config,
            TermsChanges terms,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.changes = changes;
        this.records = records;
        this.journal = journal;
        this.saga = saga;
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
}
