package dk.flyt.billing.persistence;

import dk.flyt.billing.domain.BillingState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/**
 * What the charge run reads of a subscription: a projection of billing's facts about it ({@code billing_fact}),
 * rewritten whenever a fact arrives. {@code planCode}, {@code monthlyPriceOre} and {@code termsFrom} are its latest
 * terms; {@code activatedOn} the start of its latest live range.
 */
@Entity
@Table(name = "billable_subscription")
public class BillableSubscriptionEntity {
    @Id
    @Column(name = "subscription_id")
    public String subscriptionId;

    /** The owner now; null while billing knows nothing but a fact that names no customer. */
    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "order_id")
    public String orderId;

    @Column(name = "plan_code")
    public String planCode;

    @Column(name = "monthly_price_ore")
    public Long monthlyPriceOre;

    @Column(name = "terms_from")
    public LocalDate termsFrom;

    @Column(name = "activated_on")
    public LocalDate activatedOn;

    @Column(name = "binding_ends_on")
    public LocalDate bindingEndsOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "range_count", nullable = false)
    public int rangeCount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BillingState.Status status;

    @Version
    public long version;
}
