package dk.flyt.billing.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** What billing knows of a subscription, from events only. */
@Entity
@Table(name = "billable_subscription")
public class BillableSubscriptionEntity {
    @Id
    @Column(name = "subscription_id")
    public String subscriptionId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "plan_code", nullable = false)
    public String planCode;

    @Column(name = "monthly_price_ore", nullable = false)
    public long monthlyPriceOre;

    @Column(name = "activated_on", nullable = false)
    public LocalDate activatedOn;

    @Column(name = "binding_ends_on")
    public LocalDate bindingEndsOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(nullable = false)
    public String status;

    @Column(name = "next_change_id")
    public String nextChangeId;

    @Column(name = "next_plan_code")
    public String nextPlanCode;

    @Column(name = "next_price_ore")
    public Long nextPriceOre;

    @Column(name = "next_price_from")
    public LocalDate nextPriceFrom;

    /** Takes a plan change that is in force by {@code today} into the current plan. */
    public void promoteChangeInForce(LocalDate today) {
        if (nextPriceFrom != null && !nextPriceFrom.isAfter(today)) {
            planCode = nextPlanCode;
            monthlyPriceOre = nextPriceOre;
            nextChangeId = null;
            nextPlanCode = null;
            nextPriceOre = null;
            nextPriceFrom = null;
        }
    }

    @Version
    public long version;
}
