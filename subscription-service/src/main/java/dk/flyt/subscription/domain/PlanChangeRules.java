package dk.flyt.subscription.domain;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** Plan changes (R-SUB-02, R-SUB-03, R-SUB-05). */
public final class PlanChangeRules {

    public sealed interface Decision permits Accepted, Refused {}

    /** Takes effect on {@code effectiveOn}: today when {@code immediate}, otherwise the next 1st. */
    public record Accepted(boolean immediate, LocalDate effectiveOn) implements Decision {}

    /** Why a change takes effect when it does, as the rule says it (R-SUB-03). */
    public static String whyEffective(boolean immediate) {
        return immediate
                ? "at once: the new plan includes streaming, or the old one is Basic (R-SUB-03)"
                : "from the 1st of the next month: no streaming in the new plan and the old one is not Basic (R-SUB-03)";
    }

    public record Refused(String code, String reason) implements Decision {}

    /**
     * @param changesThisMonth changes ordered in {@code today}'s calendar month and not cancelled
     * @param planLeftByImmediateChange the plan an earlier immediate change left, or null; it cannot be gone back to
     */
    public static Decision decide(
            Plan current,
            Plan target,
            LocalDate today,
            LocalDate bindingEndsOn,
            int changesThisMonth,
            String planLeftByImmediateChange) {
        if (current.code().equals(target.code())) {
            return new Refused("same-plan", "the subscription is already on " + target.code());
        }
        if (changesThisMonth > 0) {
            return new Refused("once-per-month", "the plan may change at most once per calendar month (R-SUB-02)");
        }
        boolean immediate = target.streamingIncluded() || current.basic();
        if (target.code().equals(planLeftByImmediateChange)) {
            return new Refused("irreversible", "an immediate change cannot be reverted to the plan it left (R-SUB-03)");
        }
        LocalDate effectiveOn = immediate ? today : today.with(TemporalAdjusters.firstDayOfNextMonth());
        boolean bound = bindingEndsOn != null && effectiveOn.isBefore(bindingEndsOn);
        if (bound && (target.type() != current.type() || target.monthlyPriceOre() < current.monthlyPriceOre())) {
            return new Refused(
                    "binding",
                    "during the binding period (until " + bindingEndsOn
                            + ") the plan may only change to one of the same type at the same or a higher price"
                            + " (R-SUB-05)");
        }
        return new Accepted(immediate, effectiveOn);
    }

    private PlanChangeRules() {}
}
