package dk.flyt.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * The 14-day right of withdrawal (R-WDR-01) and its deadline (R-WDR-07).
 *
 * <p>Reading: the day the period starts from (acceptance, or receipt of a device) is not counted (EU Regulation
 * 1182/71 art. 3), so the last day is that day + 14. When the last day is a Saturday, Sunday, public holiday,
 * Constitution Day, Christmas Eve or New Year's Eve, the period runs to the end of the next day that is none of
 * these. Unlike the porting closing days this list is law, not configuration.
 */
public final class WithdrawalPeriod {
    public static final int DAYS = 14;

    private static final Set<MonthDay> EXTENDING_DAYS =
            Set.of(MonthDay.of(6, 5), MonthDay.of(12, 24), MonthDay.of(12, 31));

    /** The last day on which the customer may withdraw (inclusive). */
    public static LocalDate deadline(LocalDate periodStartsFrom) {
        LocalDate last = periodStartsFrom.plusDays(DAYS);
        while (movesTheDeadline(last)) {
            last = last.plusDays(1);
        }
        return last;
    }

    /** Whether a withdrawal notice given on {@code noticeDate} is in time. */
    public static boolean isInTime(LocalDate periodStartsFrom, LocalDate noticeDate) {
        return !noticeDate.isAfter(deadline(periodStartsFrom));
    }

    private static boolean movesTheDeadline(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY
                || d.getDayOfWeek() == DayOfWeek.SUNDAY
                || DanishHolidays.isPublicHoliday(d)
                || EXTENDING_DAYS.contains(MonthDay.from(d));
    }

    private WithdrawalPeriod() {}
}
