package dk.flyt.billing.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What a month costs a subscription (R-BILL-01, R-BILL-02, R-BILL-09, R-BILL-10).
 *
 * <p>A line live on the 1st (and the day before) pays the whole month, in advance, whatever happens later in it.
 * Otherwise it pays, by days, for the part of each of its ranges that starts in the month: the rest of the activation month (R-BILL-02), or
 * only the days it ran when it also ended in that month (R-BILL-10), or the days after a reverted port-out.
 *
 * <p>The amount of one such stretch is the first day's price over all its days, and for each day on which the price
 * changes, the new price less the old over the days from the change to the end of the stretch, every share rounded
 * half up to whole øre. That is exactly what billing books when a change comes after the month was charged: a
 * credit of the old plan's unused days and a charge of the new plan's (R-BILL-09). So a month costs the same whether
 * billing knew of a change before or after it charged the month.
 */
public final class MonthlyCharge {

    /** A stretch of billable days within one month: {@code from} included, {@code until} excluded. */
    public record Interval(LocalDate from, LocalDate until) {
        public long days() {
            return ChronoUnit.DAYS.between(from, until);
        }
    }

    /** The billable stretches of {@code month}; empty when the line was not live in it. */
    public static List<Interval> billable(List<DayRange> ranges, YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate next = month.plusMonths(1).atDay(1);
        if (paidInAdvance(ranges, month)) {
            return List.of(new Interval(first, next));
        }
        List<Interval> parts = new ArrayList<>();
        for (DayRange r : ranges) {
            if (!r.from().isBefore(first) && r.from().isBefore(next)) {
                LocalDate until = r.until() == null || r.until().isAfter(next) ? next : r.until();
                if (until.isAfter(r.from())) {
                    parts.add(new Interval(r.from(), until));
                }
            }
        }
        return parts;
    }

    /**
     * Whether the line was live on the month's 1st, having been live before it, so that the whole month is paid in
     * advance on that 1st (R-BILL-01). A line that goes live on a 1st pays that month with the next (R-BILL-02).
     */
    public static boolean paidInAdvance(List<DayRange> ranges, YearMonth month) {
        LocalDate first = month.atDay(1);
        return ranges.stream().anyMatch(r -> r.from().isBefore(first) && r.contains(first));
    }

    /** The month's amount in øre (positive: what the customer owes). */
    public static long amount(PriceSchedule prices, List<DayRange> ranges, YearMonth month) {
        long total = 0;
        for (Interval i : billable(ranges, month)) {
            total += interval(prices, i, month.lengthOfMonth());
        }
        return total;
    }

    /** One stretch: the first day's price over all of it, then each change from its day to the end. */
    public static long interval(PriceSchedule prices, Interval i, int daysInMonth) {
        long total = share(prices.priceOn(i.from()), i.days(), daysInMonth);
        for (LocalDate change : prices.changePoints(i.from(), i.until())) {
            total += changeCharge(prices, change, i.until(), daysInMonth)
                    - changeCredit(prices, change, i.until(), daysInMonth);
        }
        return total;
    }

    /** R-BILL-09: the old price's share of the days from {@code change} to {@code until}, credited. */
    public static long changeCredit(PriceSchedule prices, LocalDate change, LocalDate until, int daysInMonth) {
        return share(prices.priceOn(change.minusDays(1)), ChronoUnit.DAYS.between(change, until), daysInMonth);
    }

    /** R-BILL-09: the new price's share of the days from {@code change} to {@code until}, charged. */
    public static long changeCharge(PriceSchedule prices, LocalDate change, LocalDate until, int daysInMonth) {
        return share(prices.priceOn(change), ChronoUnit.DAYS.between(change, until), daysInMonth);
    }

    /** {@code price × days ÷ daysInMonth}, rounded half up to whole øre. */
    public static long share(long monthlyPriceOre, long days, int daysInMonth) {
        return divideHalfUp(monthlyPriceOre * days, daysInMonth);
    }

    /** {@code numerator ÷ denominator} rounded half up, for a non-negative numerator. */
    static long divideHalfUp(long numerator, long denominator) {
        return (2 * numerator + denominator) / (2 * denominator);
    }

    private MonthlyCharge() {}
}
