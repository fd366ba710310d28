package dk.flyt.billing.domain;

import java.time.LocalDate;
import java.util.Objects;

/** A plan's new monthly price from {@code from} on (R-SUB-11), announced for every line on the plan. */
public record PlanPrice(String changeId, String planCode, LocalDate from, long priceOre, long seq) {
    public PlanPrice {
        Objects.requireNonNull(planCode, "planCode");
        Objects.requireNonNull(from, "from");
        if (priceOre < 0) {
            throw new IllegalArgumentException("a price is never negative");
        }
    }
}
