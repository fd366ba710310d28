package dk.flyt.billing.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * What a subscription owes by a given day, from its {@link BillingState} and {@link PriceSchedule}: the month charges
 * that are due (R-BILL-01, R-BILL-02, R-BILL-10), the binding fees a port-out leaves owed (R-POUT-04) and, for a
 * withdrawn line, the fee for the days used that may be kept (R-WDR-04). Pure rules; the ledger books the
 * difference between this and what it holds.
 */
public final class SubscriptionCharges {

    /** A month's charge: {@code amountOre} owed (positive), on {@code payer}'s account. */
    public record Month(YearMonth month, long amountOre, String payer) {}

    /**
     * Every month whose charge is due by {@code today}. A month the line was live on the 1st, having been live before
     * it, is due on that 1st, in advance (R-BILL-01). The month it went live in (from its first day or a later one)
     * is due on the next 1st, with the following month (R-BILL-02), or at once when the line has ended, in the final
     * settlement (R-BILL-10). A withdrawn line pays no months: its money is
     * the withdrawal's ({@link #keptOnWithdrawal}).
     */
    public static List<Month> due(BillingState s, PriceSchedule prices, LocalDate today) {
        List<Month> months = new ArrayList<>();
        if (!s.activated()
                || s.status() == BillingState.Status.WITHDRAWN
                || s.status() == BillingState.Status.PENDING
                || s.status() == BillingState.Status.UNKNOWN) {
            return months;
        }
        boolean ended = s.status() == BillingState.Status.ENDED;
        YearMonth last = YearMonth.from(today);
        if (ended) {
            DayRange end = s.ranges().get(s.ranges().size() - 1);
            YearMonth endMonth = YearMonth.from(end.until().minusDays(1));
            last = endMonth.isBefore(last) ? endMonth : last;
        }
        for (YearMonth m = YearMonth.from(s.activatedOn()); !m.isAfter(last); m = m.plusMonths(1)) {
            List<MonthlyCharge.Interval> parts = MonthlyCharge.billable(s.ranges(), m);
            if (parts.isEmpty()) {
                continue;
            }
            LocalDate dueOn = MonthlyCharge.paidInAdvance(s.ranges(), m) || ended
                    ? m.atDay(1)
                    : m.plusMonths(1).atDay(1);
            if (dueOn.isAfter(today)) {
                continue;
            }
            long amount = MonthlyCharge.amount(prices, s.ranges(), m);
            months.add(new Month(m, amount, s.ownerOn(parts.get(0).from())));
        }
        return months;
    }

    /**
     * R-POUT-04: a port-out during the binding period leaves every month whose 1st falls from the port date up to
     * the end of the binding owed, at the price in force on that 1st.
     */
    public static long bindingFees(BillingState s, PriceSchedule prices, BillingState.PortOut portOut) {
        LocalDate bindingEnds = s.bindingEndsOn();
        if (bindingEnds == null || !bindingEnds.isAfter(portOut.on()) || prices.isEmpty()) {
            return 0;
        }
        long owed = 0;
        YearMonth m = YearMonth.from(portOut.on());
        if (m.atDay(1).isBefore(portOut.on())) {
            m = m.plusMonths(1);
        }
        for (; m.atDay(1).isBefore(bindingEnds); m = m.plusMonths(1)) {
            owed += prices.priceOn(m.atDay(1));
        }
        return owed;
    }

    /**
     * R-WDR-04: the subscription fee for the days used, from activation to the withdrawal day both included, by
     * days of each month, when the line used more than 2 hours of calls or 2 GB of data; otherwise nothing.
     */
    public static long keptOnWithdrawal(BillingState s, PriceSchedule prices) {
        BillingState.Withdrawal w = s.withdrawal();
        if (w == null || !s.activated() || !WithdrawalRefund.usedBeyondTheLimits(w.voiceSeconds(), w.dataMegabytes())) {
            return 0;
        }
        LocalDate lastDayUsed = w.on();
        long kept = 0;
        for (DayRange r : s.ranges()) {
            LocalDate until =
                    r.until() == null || !r.until().isBefore(lastDayUsed) ? lastDayUsed.plusDays(1) : r.until();
            for (LocalDate from = r.from(); from.isBefore(until); ) {
                YearMonth m = YearMonth.from(from);
                LocalDate next = m.plusMonths(1).atDay(1);
                LocalDate stop = next.isBefore(until) ? next : until;
                kept += MonthlyCharge.interval(prices, new MonthlyCharge.Interval(from, stop), m.lengthOfMonth());
                from = stop;
            }
        }
        return kept;
    }

    private SubscriptionCharges() {}
}
