package dk.flyt.billing.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The plan and its monthly price (øre) a subscription has from {@code from} on, as the subscription service stated
 * it: at activation (the price in force on the activation day) or with a plan change. {@code changeId} is the plan
 * change's id, or {@code null} for the activation; {@code seq} orders terms billing learned for the same day.
 */
public record Terms(LocalDate from, String planCode, long monthlyPriceOre, String changeId, long seq) {
    public Terms {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(planCode, "planCode");
        if (monthlyPriceOre < 0) {
            throw new IllegalArgumentException("a price is never negative");
        }
    }
}
