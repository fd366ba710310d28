package dk.flyt.billing.domain;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Settling an account when an agreement ends (R-BILL-07) and what a port-out during a binding period still owes
 * (R-POUT-04).
 *
 * <p>Readings: fees are paid monthly in advance on the 1st, so the month the agreement ends in is paid; the
 * remaining binding fees are the monthly fee for every later month that starts before the binding ends. A final
 * balance of 25 kr or less either way is neither paid out nor collected: it is written off to zero.
 */
public final class Settlement {
    public static final long THRESHOLD_ORE = 2_500;

    /** The monthly fee for each month after {@code endedOn}'s month that starts before {@code bindingEndsOn}. */
    public static long remainingBindingFees(long monthlyPriceOre, LocalDate endedOn, LocalDate bindingEndsOn) {
        if (bindingEndsOn == null || !bindingEndsOn.isAfter(endedOn)) {
            return 0;
        }
        long months = 0;
        for (YearMonth m = YearMonth.from(endedOn).plusMonths(1);
                m.atDay(1).isBefore(bindingEndsOn);
                m = m.plusMonths(1)) {
            months++;
        }
        return months * monthlyPriceOre;
    }

    /** The write-off that brings a small final balance to zero; 0 when the balance is larger than the threshold. */
    public static long writeOff(long finalBalanceOre) {
        return Math.abs(finalBalanceOre) <= THRESHOLD_ORE ? -finalBalanceOre : 0;
    }

    private Settlement() {}
}
