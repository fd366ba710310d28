package dk.flyt.billing.domain;

/**
 * Settling an account when the customer's last agreement ends (R-BILL-07): a final balance of 25 kr or less either
 * way is neither paid out nor collected, it is written off to zero. What a port-out during binding leaves owed
 * (R-POUT-04) is in {@link SubscriptionCharges#bindingFees}.
 */
public final class Settlement {
    public static final long THRESHOLD_ORE = 2_500;

    /** The write-off that brings a small final balance to zero; 0 when the balance is larger than the threshold. */
    public static long writeOff(long finalBalanceOre) {
        return Math.abs(finalBalanceOre) <= THRESHOLD_ORE ? -finalBalanceOre : 0;
    }

    private Settlement() {}
}
