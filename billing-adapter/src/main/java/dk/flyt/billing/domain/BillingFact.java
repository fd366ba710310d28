package dk.flyt.billing.domain;

import java.time.LocalDate;

/**
 * One thing billing learned about a subscription, kept as it came. Facts come from two topics and may arrive in any
 * order or twice; the subscription's billing state is derived from all of them together ({@link BillingState}), so
 * a fact that comes before the one it refers to (a withdrawal or a port-out before the activation) waits as state
 * instead of failing. {@code seq} is the order billing learned them in; {@code factId} the event's id.
 */
public sealed interface BillingFact {
    long seq();

    String factId();

    /** The order holding the line was approved; billing knows the line is coming (pending). */
    record Approved(long seq, String factId, String orderId, String customerId) implements BillingFact {}

    /** The line is live from {@code on} (R-PORT-05), on these terms. */
    record Activated(
            long seq,
            String factId,
            String customerId,
            String planCode,
            long priceOre,
            LocalDate on,
            LocalDate bindingEndsOn)
            implements BillingFact {}

    /** New terms from {@code effectiveOn}: at once or at the month change (R-SUB-03). */
    record PlanChanged(long seq, String factId, String changeId, String planCode, long priceOre, LocalDate effectiveOn)
            implements BillingFact {}

    /** A scheduled plan change that never took effect (R-SUB-04). */
    record PlanChangeCancelled(long seq, String factId, String changeId) implements BillingFact {}

    /** The agreement ended on {@code on} (cancellation, R-SUB-07). */
    record Ended(long seq, String factId, LocalDate on) implements BillingFact {}

    /** The number left us on {@code on} (R-POUT-02); binding fees stay owed (R-POUT-04). */
    record PortedOut(long seq, String factId, String portOutId, LocalDate on) implements BillingFact {}

    /** The port-out failed after we let the number go; the line is live again from {@code on} (R-POUT-05). */
    record PortOutReverted(long seq, String factId, String portOutId, LocalDate on) implements BillingFact {}

    /** The customer withdrew this line on {@code on}, with what it used (R-WDR-03, R-WDR-04). */
    record Withdrawn(
            long seq,
            String factId,
            String withdrawalId,
            String orderId,
            LocalDate on,
            long voiceSeconds,
            long dataMegabytes)
            implements BillingFact {}

    /** The line belongs to {@code toCustomerId} from {@code on} (R-SUB-09). */
    record Transferred(long seq, String factId, String fromCustomerId, String toCustomerId, LocalDate on)
            implements BillingFact {}
}
