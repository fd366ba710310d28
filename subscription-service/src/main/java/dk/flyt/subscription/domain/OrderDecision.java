package dk.flyt.subscription.domain;

import dk.flyt.calendar.DanishHolidays;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * R-ORD-05: an order binds us at the latest 10 working days after it was placed unless the customer was told it was
 * refused. So an unanswered credit check must end in a decision before then; reading: working days are Monday to
 * Friday except Danish public holidays.
 */
public final class OrderDecision {
    public static final int WORKING_DAYS = 10;

    /** The last day on which a refusal can still be given for an order placed on {@code orderedOn}. */
    public static LocalDate dueBy(LocalDate orderedOn) {
        LocalDate d = orderedOn;
        int counted = 0;
        while (counted < WORKING_DAYS) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY
                    && d.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !DanishHolidays.isPublicHoliday(d)) {
                counted++;
            }
        }
        return d;
    }

    /** Whether the credit check may be asked again on {@code today}, or the order must be decided now. */
    public static boolean mayWaitLonger(LocalDate orderedOn, LocalDate today, int attempts, int maxAttempts) {
        return attempts < maxAttempts && today.isBefore(dueBy(orderedOn).minusDays(1));
    }

    private OrderDecision() {}
}
