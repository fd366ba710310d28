package dk.flyt.billing.domain;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Monthly charges in advance (R-BILL-01) and the first charge after activation (R-BILL-02): the rest of the
 * activation month by days, counting the activation day, plus the whole following month. Rounded half up to whole
 * øre. {@code ChargeRunSql} computes the same in SQL for the set-based run; a test keeps the two equal.
 */
public final class ProRata {

    /** The activation month's share: {@code price × days left including today ÷ days in the month}. */
    public static long restOfMonth(long monthlyPriceOre, LocalDate activatedOn) {
        int days = activatedOn.lengthOfMonth();
        int left = days - activatedOn.getDayOfMonth() + 1;
        return divideHalfUp(monthlyPriceOre * left, days);
    }

    /** What the run for {@code month} charges a subscription activated on {@code activatedOn}; 0 if not yet due. */
    public static long chargeFor(YearMonth month, long monthlyPriceOre, LocalDate activatedOn) {
        YearMonth activation = YearMonth.from(activatedOn);
        if (!activation.isBefore(month)) {
            return 0;
        }
        if (activation.plusMonths(1).equals(month)) {
            return restOfMonth(monthlyPriceOre, activatedOn) + monthlyPriceOre;
        }
        return monthlyPriceOre;
    }

    static long divideHalfUp(long numerator, long denominator) {
        return (2 * numerator + denominator) / (2 * denominator);
    }

    private ProRata() {}
}
