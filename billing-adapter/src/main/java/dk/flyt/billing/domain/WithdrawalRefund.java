package dk.flyt.billing.domain;

import java.time.LocalDate;

/**
 * The withdrawal rules' figures (R-WDR-03, R-WDR-04). Every payment is refunded, without fees, except usage beyond
 * what the plan includes, and, when the line used more than 2 hours of voice or 2 GB of data, the subscription fee
 * for the days used ({@link SubscriptionCharges#keptOnWithdrawal}).
 *
 * <p>Reading: 2 GB is 2,048 MB.
 */
public final class WithdrawalRefund {
    public static final long VOICE_LIMIT_SECONDS = 2 * 60 * 60;
    public static final long DATA_LIMIT_MB = 2 * 1024;
    public static final int REFUND_WITHIN_DAYS = 14;

    /** Whether the fee for the days used may be kept. */
    public static boolean usedBeyondTheLimits(long voiceSeconds, long dataMegabytes) {
        return voiceSeconds > VOICE_LIMIT_SECONDS || dataMegabytes > DATA_LIMIT_MB;
    }

    /** R-WDR-03: the refund is due no later than 14 days after the withdrawal notice. */
    public static LocalDate refundDueBy(LocalDate withdrawnOn) {
        return withdrawnOn.plusDays(REFUND_WITHIN_DAYS);
    }

    private WithdrawalRefund() {}
}
