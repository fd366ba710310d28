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
    public record OrderApproved(
            String orderId,
            String customerId,
            long creationFeeOre,
            boolean creationFeeWaived,
            java.util.List<String> subscriptionIds) {
        /** As sent before the lines' subscriptions were named (billing then learns of each line on activation). */
        public OrderApproved(String orderId, String customerId, long creationFeeOre, boolean creationFeeWaived) {
            this(orderId, customerId, creationFeeOre, creationFeeWaived, null);
        }
    }

    /**
     * The customer withdrew from an order, or some of its lines (R-WDR-01). Billing refunds what was paid (R-WDR-03)
     * less what the rules let us keep (R-WDR-04), from the usage the subscription service measured per line; the
     * subscriptions are not billed again. {@code withdrawalId} is unique per withdrawal (an order may be withdrawn in
     * parts); {@code lines} carries each line's usage, {@code voiceSecondsUsed}/{@code dataMegabytesUsed} the sums.
     */
    public record OrderWithdrawn(
            String orderId,
            String customerId,
            java.util.List<String> subscriptionIds,
            LocalDate withdrawnOn,
            long voiceSecondsUsed,
            long dataMegabytesUsed,
            String withdrawalId,
            java.util.List<WithdrawnLine> lines) {
        /** As sent before each withdrawal had its own id and each line its own usage. */
        public OrderWithdrawn(
                String orderId,
                String customerId,
                java.util.List<String> subscriptionIds,
                LocalDate withdrawnOn,
                long voiceSecondsUsed,
                long dataMegabytesUsed) {
            this(orderId, customerId, subscriptionIds, withdrawnOn, voiceSecondsUsed, dataMegabytesUsed, null, null);
        }
    }

    /**
     * One withdrawn line and what it used: the 2 hours / 2 GB exception (R-WDR-04) is assessed per line. No personal
     * data.
     */
    public record WithdrawnLine(String subscriptionId, long voiceSecondsUsed, long dataMegabytesUsed) {}

    /**
     * A lost or broken SIM was replaced (R-SUB-10): a new SIM has a fee, and from now on only the new SIM's ICCID may
     * authorise a port-out of {@code number} (R-POUT-03). No personal data.
     */
    public record SimReplaced(
            String subscriptionId, String customerId, LocalDate replacedOn, String number, String newIccid) {
        /** As sent before the event named the number and the new SIM. */
        public SimReplaced(String subscriptionId, String customerId, LocalDate replacedOn) {
            this(subscriptionId, customerId, replacedOn, null, null);
        }
    }

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

    /** A checkout was stored (R-ORD-07: once per idempotency key). Keyed by order id. */
    public record OrderPlaced(String orderId, String customerId, String channel, int lines) {}

    /**
     * The credit check refused the order (R-ORD-04); nothing is shipped, ported or charged. The reason is credit
     * data and stays in subscription-service, for agents.
     */
    public record OrderRefused(String orderId, String customerId) {}

    /** A telesales order waits for the customer's written acceptance until {@code expiresAt} (R-ORD-08). */
    public record OrderAcceptanceRequested(String orderId, String customerId, java.time.Instant expiresAt) {}

    /** A telesales order was not accepted in time and binds no one (R-ORD-08). */
    public record OrderLapsed(String orderId, String customerId) {}

    /** Logistics is asked to ship the SIM (and the device, if any) of an approved order line. */
    public record FulfilmentRequested(
            String orderId, String lineId, String customerId, String simKind, boolean withDevice) {}

    /** Logistics reported the SIM of an order line shipped. */
    public record SimShipped(String orderId, String lineId, LocalDate shippedOn) {}

    /** A blocked line is open again (R-SUB-10). */
    public record SubscriptionUnblocked(String subscriptionId, String customerId, LocalDate unblockedOn) {}

    /** The holder gave notice (R-SUB-07); the subscription ends on {@code endsOn}. */
    public record CancellationNoticed(String subscriptionId, String customerId, LocalDate noticeOn, LocalDate endsOn) {}

    /** The new owner accepted within 48 hours (R-SUB-09); the line is billed to them from {@code transferredOn}. */
    public record OwnershipTransferred(
            String subscriptionId, String fromCustomerId, String toCustomerId, LocalDate transferredOn) {}

    /**
     * A plan's price changes on {@code effectiveOn} (R-SUB-11); keyed by plan code. Each live subscription on it also
     * gets a {@code PlanChanged} with the new price, so billing charges it from that day.
     */
    public record TermsChangeAnnounced(
            String changeId,
            String planCode,
            long newPriceOre,
            LocalDate announcedOn,
            LocalDate effectiveOn,
            boolean favourable) {}

    /**
     * An agent opened a contact with a customer (R-DATA-02): porting and billing accept that agent's work on the
     * customer under this contact id until {@link ContactClosed}. The reason stays in the subscription service.
     */
    public record ContactOpened(
            String contactId, String customerId, String agent, String channel, java.time.Instant openedAt) {}

    /** The contact ended: closed by the agent or, after its idle time, by the service ({@code why}). */
    public record ContactClosed(String contactId, String customerId, java.time.Instant closedAt, String why) {}

    /** The customer consented to be contacted through {@code channel} (PHONE, SMS, EMAIL) at {@code at} (R-ORD-09). */
    public record ConsentGiven(String consentId, String customerId, String channel, java.time.Instant at) {}

    /** The customer withdrew that consent at {@code at}; from then on no sale through the channel (R-ORD-09). */
    public record ConsentWithdrawn(String consentId, String customerId, String channel, java.time.Instant at) {}

    private SubscriptionEvents() {}
}
