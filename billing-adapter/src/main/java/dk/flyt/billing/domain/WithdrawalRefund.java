package dk.flyt.billing.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What a withdrawal gives back (R-WDR-03, R-WDR-04). Every payment is refunded, without fees, except usage beyond
 * what the plan includes (those entries are simply not refunded), and, when the customer used more than 2 hours of
 * voice or 2 GB of data, the subscription fee for the days used.
 *
 * <p>Readings: 2 GB is 2,048 MB; the days used count from activation to the withdrawal day, both included, priced
 * by the days of the activation month, rounded half up.
 */
public final class WithdrawalRefund {
    public static final long VOICE_LIMIT_SECONDS = 2 * 60 * 60;
    public static final long DATA_LIMIT_MB = 2 * 1024;
    public static final int REFUND_WITHIN_DAYS = 14;

    /** Whether the fee for the days used may be kept. */
    public static boolean usedBeyondTheLimits(long voiceSeconds, long dataMegabytes) {
        return voiceSeconds > VOICE_LIMIT_SECONDS || dataMegabytes > DATA_LIMIT_MB;
    }

    /** The subscription fee we keep for the days used; 0 within the limits. */
    public static long keptFee(
            long monthlyPriceOre, LocalDate activatedOn, LocalDate withdrawnOn, long voiceSeconds, long dataMegabytes) {
        if (!usedBeyondTheLimits(voiceSeconds, dataMegabytes) || withdrawnOn.isBefore(activatedOn)) {
            return 0;
        }
        long daysUsed = ChronoUnit.DAYS.between(activatedOn, withdrawnOn) + 1;
        int daysInMonth = activatedOn.lengthOfMonth();
        return ProRata.divideHalfUp(monthlyPriceOre * Math.min(daysUsed, daysInMonth), daysInMonth);
    }

    /** The refund: everything paid for the subscription fees and one-off fees, less what may be kept. */
    public static long refund(long paidOre, long keptOre) {
        return Math.max(0, paidOre - keptOre);
    }

    /** R-WDR-03: the refund is due no later than 14 days after the withdrawal notice. */
    public static LocalDate refundDueBy(LocalDate withdrawnOn) {
        return withdrawnOn.plusDays(REFUND_WITHIN_DAYS);
    }

    private WithdrawalRefund() {}
}
