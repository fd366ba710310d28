package dk.flyt.billing.domain;

import java.time.YearMonth;

/**
 * The cause of every ledger entry. A cause is unique in the ledger, so whatever books it a second time (a
 * redelivered event, a second run, a retry after a crash) books nothing. Each names what the entry is for; the
 * reconciliation and the model of the rules read them the same way. They are part of the ledger's contract.
 */
public final class Causes {
    /** A month's charge, as first booked. */
    public static String charge(String subscriptionId, YearMonth month) {
        return "charge:" + subscriptionId + ":" + month;
    }

    /** A correction of a booked month after a fact billing learned later (a late end, a late price). */
    public static String adjustment(String subscriptionId, YearMonth month, String factId) {
        return "adjust:" + subscriptionId + ":" + month + ":" + factId;
    }

    /** R-BILL-09: the old plan's unused days of a month already charged, credited. */
    public static String planChangeCredit(String changeId) {
        return "plan-change-credit:" + changeId;
    }

    /** R-BILL-09: the new plan's days of a month already charged, charged. */
    public static String planChangeCharge(String changeId) {
        return "plan-change-charge:" + changeId;
    }

    /** R-BILL-09: the price list's plan-change fee. */
    public static String planChangeFee(String changeId) {
        return "plan-change-fee:" + changeId;
    }

    /** A cancelled plan change (R-SUB-04) gives its fee back. */
    public static String planChangeFeeReversal(String changeId) {
        return "plan-change-fee-reversal:" + changeId;
    }

    /** R-POUT-04: the binding fees a port-out leaves owed. */
    public static String binding(String subscriptionId, String portOutId) {
        return "binding:" + subscriptionId + ":" + portOutId;
    }

    /** R-POUT-05: a reverted port-out takes its binding fees back. */
    public static String bindingReversal(String subscriptionId, String portOutId) {
        return "binding-reversal:" + subscriptionId + ":" + portOutId;
    }

    /** R-WDR-03/04: a withdrawn line's money: what it paid back, less the fee for the days used. */
    public static String withdrawal(String subscriptionId) {
        return "withdrawal:" + subscriptionId;
    }

    /** A correction of a withdrawn line's money after a fact billing learned later. */
    public static String withdrawalAdjustment(String subscriptionId, String factId) {
        return "withdrawal-adjust:" + subscriptionId + ":" + factId;
    }

    /** R-ORD-06. */
    public static String creationFee(String orderId) {
        return "creation-fee:" + orderId;
    }

    /** R-WDR-03: once the whole order is withdrawn, its creation fee goes back, once. */
    public static String creationFeeRefund(String orderId) {
        return "creation-fee-refund:" + orderId;
    }

    /** R-BILL-07: the customer's {@code n}-th settlement's write-off. */
    public static String settlement(String customerId, int n) {
        return "settlement:" + customerId + ":" + n;
    }

    /** R-POUT-05: a reverted port-out takes back the write-off of the settlement it caused. */
    public static String settlementReversal(String customerId, int n) {
        return "settlement-reversal:" + customerId + ":" + n;
    }

    /** R-BILL-04: the customer's {@code n}-th automatic top-up, one per shortfall. */
    public static String topUp(String customerId, int n) {
        return "top-up:" + customerId + ":" + n;
    }

    /** R-CMPL-01: an upheld complaint's credit. */
    public static String complaintCredit(String complaintId) {
        return "complaint:" + complaintId;
    }

    private Causes() {}
}
