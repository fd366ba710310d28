package dk.flyt.contracts.billing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Facts the billing adapter publishes on {@code billing.events}, keyed by customer id. Amounts in øre; ids, amounts
 * and dates only, never personal data. The event's type is the record's simple name.
 */
public final class BillingEvents {
    public static final int VERSION = 1;

    /**
     * A ledger entry was booked (R-BILL-03): {@code kind} CHARGE, REFUND, CREDIT, FEE..., {@code cause} the entry's
     * once-only key ({@code creation-fee:<order id>}); {@code subscriptionId} when it belongs to one line.
     */
    public record EntryPosted(
            String customerId, String kind, long amountOre, String reason, String cause, String subscriptionId) {}

    /** A withdrawal is refunded (R-WDR-03/04): {@code amountOre} paid back by {@code dueBy}, {@code keptOre} kept. */
    public record RefundDue(
            String customerId, String orderId, String withdrawalId, long amountOre, long keptOre, LocalDate dueBy) {}

    /** The account was settled after the last line ended (R-POUT-04); {@code settlement} counts the settlements. */
    public record AccountSettled(
            String customerId, int settlement, long balanceOre, long writtenOffOre, LocalDate settledOn) {}

    /** A settlement was reversed because its port-out was reverted (R-POUT-05). */
    public record AccountSettlementReversed(String customerId, int settlement, String reason) {}

    /** The payment provider declined a top-up; {@code reason} is the provider's code. */
    public record PaymentFailed(String customerId, String reason) {}

    /** The balance went negative: the customer is told (R-BILL-05). */
    public record NegativeBalanceNotice(String customerId, long balanceOre) {}

    /** A reminder about the debt was sent (R-BILL-05). */
    public record ReminderSent(String customerId, long balanceOre) {}

    /** The warning before debt collection was sent (R-BILL-05). */
    public record DebtCollectionWarningSent(String customerId, long balanceOre) {}

    /** The debt allows blocking the customer's lines (R-BILL-05); the subscription service blocks them. */
    public record BlockingAllowed(String customerId, long balanceOre) {}

    /** A complaint was opened: its amount is not collected until decided (R-CMPL-01), within the two deadlines. */
    public record ComplaintOpened(
            String customerId, String complaintId, long amountOre, Instant acknowledgeBy, Instant decideBy) {}

    /** A complaint was decided: {@code outcome} UPHELD or REJECTED, {@code creditOre} credited. */
    public record ComplaintDecided(String customerId, String complaintId, String outcome, long creditOre) {}

    /** A complaint was not acknowledged in time. */
    public record ComplaintAcknowledgementOverdue(String customerId, String complaintId) {}

    /** A complaint was not decided in time. */
    public record ComplaintDecisionOverdue(String customerId, String complaintId) {}

    private BillingEvents() {}
}
