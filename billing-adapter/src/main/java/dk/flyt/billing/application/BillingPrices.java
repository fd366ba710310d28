package dk.flyt.billing.application;

import dk.flyt.billing.domain.PriceList;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The price list's fees a deployment may set. The rulebook names a plan-change fee but no amount (R-BILL-09: "may
 * apply"), so it is configuration, 0 kr by default; the fixed fees are in {@link PriceList}.
 */
@ApplicationScoped
public class BillingPrices {
    private final long planChangeFeeOre;

    public BillingPrices(
            @ConfigProperty(name = "flyt.billing.price-list.plan-change-fee", defaultValue = "0")
                    long planChangeFeeOre) {
        if (planChangeFeeOre < 0) {
            throw new IllegalArgumentException("flyt.billing.price-list.plan-change-fee must not be negative");
        }
        this.planChangeFeeOre = planChangeFeeOre;
    }

    /** R-BILL-09: the plan-change fee in øre. */
    public long planChangeFeeOre() {
        return planChangeFeeOre;
    }
}
