package dk.flyt.subscription.application;

import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.subscription.SubscriptionEvents;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.subscription.domain.Plan;
import dk.flyt.subscription.domain.PlanChangeRules;
import dk.flyt.subscription.domain.PlanChangeStatus;
import dk.flyt.subscription.domain.SubscriptionStatus;
import dk.flyt.subscription.persistence.PlanChangeEntity;
import dk.flyt.subscription.persistence.PlanChangeRepository;
import dk.flyt.subscription.persistence.PlanRepository;
import dk.flyt.subscription.persistence.Records;
import dk.flyt.subscription.persistence.SubscriptionEntity;
import dk.flyt.subscription.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * A subscription's plan changes: at most one a month (R-SUB-02), immediate or at the month change (R-SUB-03), only
 * up within a binding (R-SUB-05), cancellable until they take effect (R-SUB-04); billing learns each from its event
 * (R-BILL-09).
 */
@ApplicationScoped
public class PlanChanges {
    private final SubscriptionRepository subscriptions;
    private final PlanChangeRepository changes;
    private final PlanRepository plans;
    private final Records records;
    private final Journal journal;
    private final TermsChanges terms;
    private final Clock clock;

    public PlanChanges(
            SubscriptionRepository subscriptions,
            PlanChangeRepository changes,
            PlanRepository plans,
            Records records,
            Journal journal,
            TermsChanges terms,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.changes = changes;
        this.plans = plans;
        this.records = records;
        this.journal = journal;
        this.terms = terms;
        this.clock = clock;
    }

    @Transactional
    public PlanChangeEntity changePlan(UUID subscriptionId, String planCode, String by) {
        SubscriptionEntity s = subscription(subscriptionId);
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
        SubscriptionEntity s = subscription(subscriptionId);
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

    private SubscriptionEntity subscription(UUID id) {
        return subscriptions.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Subscription"));
    }
}
