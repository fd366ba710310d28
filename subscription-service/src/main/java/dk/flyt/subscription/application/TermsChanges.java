package dk.flyt.subscription.application;

import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.subscription.SubscriptionEvents;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.subscription.domain.TermsChangeRules;
import dk.flyt.subscription.domain.Violation;
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
    private final Records records;
    private final Journal journal;
    private final Clock clock;

    public TermsChanges(
            TermsChangeRepository changes,
            PlanRepository plans,
            SubscriptionRepository subscriptions,
            Records records,
            Journal journal,
            Clock clock) {
        this.changes = changes;
        this.plans = plans;
        this.subscriptions = subscriptions;
        this.records = records;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Announces a new monthly price from {@code effectiveOn}. Every subscription on the plan hears of it (its
     * timeline, and billing through {@code PlanChanged}); the catalogue switches on the day.
     */
    @Transactional
    public TermsChangeEntity announce(String planCode, Long newPriceOre, LocalDate effectiveOn, String by) {
        PlanEntity plan = plans.findByIdOptional(planCode).orElseThrow(() -> ProblemException.notFound("Plan"));
        LocalDate today = BusinessTime.today(clock);
        if (newPriceOre == null) {
            throw ProblemException.badRequest("newPrice", "is required (øre)");
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
        c.status = "ANNOUNCED";
        c.announcedBy = by;
        changes.persist(c);
        records.schedule(
                TimerKind.TERMS_CHANGE.name(),
                c.id,
                effectiveOn.atStartOfDay(BusinessTime.ZONE).toInstant());
        journal.publish(
                "Plan",
                planCode,
                new SubscriptionEvents.TermsChangeAnnounced(
                        c.id.toString(), planCode, newPriceOre, today, effectiveOn, c.favourable));
        for (SubscriptionEntity s : subscriptions.notEndedOnPlan(planCode)) {
            journal.subscriptionEvent(
                    s.id,
                    new SubscriptionEvents.PlanChanged(
                            s.id.toString(), c.id.toString(), planCode, newPriceOre, effectiveOn));
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
        if (c == null || !"ANNOUNCED".equals(c.status)) {
            return;
        }
        c.status = "EFFECTIVE";
        plans.findById(c.planCode).monthlyPriceOre = c.newPriceOre;
    }

    /** The end a notice given today gets from a pending unfavourable change, if it gives one. */
    public Optional<LocalDate> cancellationEnd(String planCode, LocalDate today, LocalDate normalEnd) {
        return changes.pending(planCode, today)
                .flatMap(c ->
                        TermsChangeRules.cancellationEnd(c.favourable, c.announcedOn, c.effectiveOn, today, normalEnd));
    }

    public List<TermsChangeEntity> ofPlan(String planCode) {
        return changes.ofPlan(planCode);
    }
}
