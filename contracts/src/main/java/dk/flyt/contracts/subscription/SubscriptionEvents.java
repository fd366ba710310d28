package dk.flyt.contracts.subscription;

import java.time.LocalDate;

/** Facts the subscription service publishes on {@code subscription.events}, keyed by subscription id. */
public final class SubscriptionEvents {
    public static final int VERSION = 1;

    /**
     * A line is live on our network: its number is ours to give away only by port-out, and billing starts
     * (R-PORT-05). {@code monthlyPriceOre} is the plan's price in force, so billing never reads our tables.
     */
    public record SubscriptionActivated(
            String subscriptionId,
            String customerId,
            String number,
            String iccid,
            String planCode,
            long monthlyPriceOre,
            LocalDate activatedOn,
            LocalDate bindingEndsOn) {}

    /** The agreement ended; the number may still be ported out for a month (R-POUT-06). */
    public record SubscriptionEnded(String subscriptionId, String customerId, String number, LocalDate endedOn) {}

    /**
     * An order was approved (credit check passed; for telesales, accepted in writing). Billing books the creation fee
     * (R-ORD-06) unless a campaign waives it.
     */
    public record OrderApproved(String orderId, String customerId, long creationFeeOre, boolean creationFeeWaived) {}

    /**
     * The customer withdrew from an order (R-WDR-01). Billing refunds what was paid (R-WDR-03) less what the rules let
     * us keep (R-WDR-04), from the usage the subscription service measured; the subscriptions are not billed again.
     */
    public record OrderWithdrawn(
            String orderId,
            String customerId,
            java.util.List<String> subscriptionIds,
            LocalDate withdrawnOn,
            long voiceSecondsUsed,
            long dataMegabytesUsed) {}

    /** A lost or broken SIM was replaced (R-SUB-10): a new SIM has a fee. */
    public record SimReplaced(String subscriptionId, String customerId, LocalDate replacedOn) {}

    /** A line was blocked: {@code DEBT} after billing allowed it (R-BILL-05, closing fee) or {@code LOST} (R-SUB-10). */
    public record SubscriptionBlocked(String subscriptionId, String customerId, String reason, LocalDate blockedOn) {}

    /** A plan change takes effect on {@code effectiveOn}: immediately, or at the next month change (R-SUB-03). */
    public record PlanChanged(
            String subscriptionId, String changeId, String planCode, long monthlyPriceOre, LocalDate effectiveOn) {}

    /** A scheduled plan change was cancelled before it took effect (R-SUB-04). */
    public record PlanChangeCancelled(String subscriptionId, String changeId) {}

    /**
     * Usage beyond the plan, rated by the network (roaming may arrive weeks late). Keyed by subscription; billing
     * books it while the line is active or up to 30 days after it ended (R-POUT-02).
     */
    public record UsageBilled(
            String usageId, String subscriptionId, String customerId, long amountOre, LocalDate usedOn) {}

    private SubscriptionEvents() {}
}
