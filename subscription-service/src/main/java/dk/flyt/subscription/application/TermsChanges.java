package dk.flyt.subscription.application;

import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.subscription.SubscriptionEvents;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.subscription.domain.TermsChangeRules;
import dk.flyt.subscription.domain.TermsChangeStatus;
import dk.flyt.subscription.domain.Violation;
import dk.flyt.subscription.persistence.PlanChangeEntity;
import dk.flyt.subscription.persistence.PlanChangeRepository;
import dk.flyt.subscription.persistence.PlanEntity;
import dk.flyt.subscription.persistence.PlanRepository;
import dk.flyt.subscription.persistence.Records;
import dk.flyt.subscription.persistence.SubscriptionEntity;
import dk.flyt.subscription.persistence.SubscriptionRepository;
import dk.flyt.subscription.persistence.TermsChangeEntity;
import dk.flyt.subscription.persistence.TermsChangeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Price changes of a plan and the customer's right to leave over them (R-SUB-11). */
@ApplicationScoped
public class TermsChanges {
    private final TermsChangeRepository changes;
    private final PlanRepository plans;
    private final SubscriptionRepository subscriptions;
    private final PlanChangeRepository planChanges;
    private final Records records;
    private final Journal journal;
    private final Clock clock;

    public TermsChanges(
            TermsChangeRepository changes,
            PlanRepository plans,
            SubscriptionRepository subscriptions,
            PlanChangeRepository planChanges,
            Records records,
            Journal journal,
            Clock clock) {
        this.changes = changes;
        this.plans = plans;
        this.subscriptions = subscriptions;
        this.planChanges = planChanges;
        this.records = records;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Announces a new monthly price from {@code effectiveOn}: {@code TermsChangeAnnounced} for the plan (billing
     * applies it to every line on the plan, live or not yet), and a line on each subscription's timeline; the
     * catalogue switches on the day.
     */
    @Transactional
    public TermsChangeEntity announce(String planCode, Long newPriceOre, LocalDate effectiveOn, String by) {
        PlanEntity plan = plans.findByIdOptional(planCode).orElseThrow(() -> ProblemException.notFound("Plan"));
        LocalDate today = BusinessTime.today(clock);
        if (newPriceOre == null) {
            throw ProblemException.badRequest("newPrice", "is required (øre)");
        }
        if (!dk.flyt.platform.json.Amounts.plausible(newPriceOre)) {
            throw ProblemException.badRequest(
                    "newPrice", "must be from 0 to " + dk.flyt.platform.json.Amounts.MAX_ORE + " øre");
        }
        List<Violation> v = TermsChangeRules.validate(plan.monthlyPriceOre, newPriceOre, today, effectiveOn);
        if (!v.isEmpty()) {
            throw CheckoutService.invalid(v);
        }
        if (changes.pending(planCode, today).isPresent()) {
            throw ProblemException.conflict("terms-change-pending", "a price change of this plan is already announced");
        }
        TermsChangeEntity c = new TermsChangeEntity();
        c.id = UUID.randomUUID();
        c.planCode = planCode;
        c.oldPriceOre = plan.monthlyPriceOre;
        c.newPriceOre = newPriceOre;
        c.announcedOn = today;
        c.effectiveOn = effectiveOn;
        c.favourable = TermsChangeRules.favourable(plan.monthlyPriceOre, newPriceOre);
        c.status = TermsChangeStatus.ANNOUNCED;
        c.announcedBy = by;
        changes.persist(c);
        records.schedule(
                TimerKind.TERMS_CHANGE.name(),
                c.id,
                effectiveOn.atStartOfDay(BusinessTime.ZONE).toInstant());
        // billing applies the plan's new price to every line on it, live or not yet, from the date on
        journal.publish(
                "Plan",
                planCode,
                new SubscriptionEvents.TermsChangeAnnounced(
                        c.id.toString(), planCode, newPriceOre, today, effectiveOn, c.favourable));
        // a move to this plan already scheduled from that date on was told the old price: tell it the new one
        for (PlanChangeEntity scheduled : planChanges.scheduledTo(planCode, effectiveOn)) {
            journal.subscriptionEvent(
                    scheduled.subscriptionId,
                    new SubscriptionEvents.PlanChanged(
                            scheduled.subscriptionId.toString(),
                            scheduled.id.toString(),
                            planCode,
                            newPriceOre,
                            scheduled.effectiveOn));
        }
        for (SubscriptionEntity s : subscriptions.notEndedOnPlan(planCode)) {
            journal.timeline(
                    s.orderId,
                    s.id,
                    s.customerId,
                    "SUBSCRIPTION",
                    "PRICE_CHANGE_ANNOUNCED",
                    planCode + " " + c.oldPriceOre + " -> " + newPriceOre + " øre from " + effectiveOn
                            + (c.favourable ? "" : "; may cancel until " + today.plusMonths(1)));
        }
        return c;
    }

    /** Timer: the catalogue's price changes on the day. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void due(UUID changeId) {
        TermsChangeEntity c = changes.findById(changeId);
        if (c == null || c.status != TermsChangeStatus.ANNOUNCED) {
            return;
        }
        c.status = TermsChangeStatus.EFFECTIVE;
        plans.findById(c.planCode).monthlyPriceOre = c.newPriceOre;
    }

    /**
     * The plan's monthly price on {@code day}, with the price changes announced for it: the newest change in force
     * by then, else the price before the first change still to come, else the catalogue's.
     */
    public long priceOn(String planCode, LocalDate day) {
        List<TermsChangeEntity> all = changes.ofPlan(planCode);
        TermsChangeEntity inForce = null;
        TermsChangeEntity next = null;
        for (TermsChangeEntity c : all) {
            if (!c.effectiveOn.isAfter(day)) {
                if (inForce == null || c.effectiveOn.isAfter(inForce.effectiveOn)) {
                    inForce = c;
                }
            } else if (next == null || c.effectiveOn.isBefore(next.effectiveOn)) {
                next = c;
            }
        }
        if (inForce != null) {
            return inForce.newPriceOre;
        }
        return next != null ? next.oldPriceOre : plans.plan(planCode).monthlyPriceOre();
    }

    /** The end a notice given today gets from a pending unfavourable change, if it gives one. */
    public Optional<LocalDate> cancellationEnd(String planCode, LocalDate today, LocalDate normalEnd) {
        return changes.pending(planCode, today)
                .flatMap(c ->
                        TermsChangeRules.cancellationEnd(c.favourable, c.announcedOn, c.effectiveOn, today, normalEnd));
    }

    public List<TermsChangeEntity> ofPlan(String planCode) {
        if (plans.findByIdOptional(planCode).isEmpty()) {
            throw ProblemException.notFound("Plan");
        }
        return changes.ofPlan(planCode);
    }
}
