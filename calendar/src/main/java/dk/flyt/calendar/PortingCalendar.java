package dk.flyt.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Which days numbers may be ported on, and the earliest legal porting day (R-CAL-01..03, R-PORT-02..04). */
public final class PortingCalendar {
    /** Industry closing days: Constitution Day, Christmas Eve, New Year's Eve (R-CAL-03). */
    public static final Set<MonthDay> CLOSING_DAYS =
            Set.of(MonthDay.of(6, 5), MonthDay.of(12, 24), MonthDay.of(12, 31));

    private final CalendarSettings settings;

    public PortingCalendar(CalendarSettings settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    /** R-CAL-01: Monday to Friday and not a public holiday. */
    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !DanishHolidays.isPublicHoliday(date);
    }

    /** A working day that is not a closing day when those are switched on (R-CAL-03, R-PORT-04). */
    public boolean isPortingDay(LocalDate date) {
        return isWorkingDay(date) && !(settings.closingDays() && CLOSING_DAYS.contains(MonthDay.from(date)));
    }

    /** The porting days from {@code from} to {@code to}, both included. */
    public List<LocalDate> portingDays(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to is before from");
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isPortingDay(d)) {
                days.add(d);
            }
        }
        return days;
    }

    /** The first porting day on or after {@code date}. */
    public LocalDate portingDayOnOrAfter(LocalDate date) {
        LocalDate d = date;
        while (!isPortingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * The earliest day the number may move.
     *
     * <ul>
     *   <li>ASAP (R-PORT-02): the first porting day on or after shipment + the configured delay.
     *   <li>END_OF_TERM (R-PORT-03): the first porting day after the donor term ends, but never before the ASAP day.
     * </ul>
     */
    public LocalDate earliestPortDate(LocalDate shippedOn, PortingMode mode, LocalDate termEndsOn) {
        Objects.requireNonNull(shippedOn, "shippedOn");
        Objects.requireNonNull(mode, "mode");
        LocalDate asap = portingDayOnOrAfter(shippedOn.plusDays(settings.asapDelayDays()));
        if (mode == PortingMode.ASAP) {
            return asap;
        }
        Objects.requireNonNull(termEndsOn, "termEndsOn is needed for END_OF_TERM");
        LocalDate afterTerm = portingDayOnOrAfter(termEndsOn.plusDays(1));
        return afterTerm.isBefore(asap) ? asap : afterTerm;
    }

    public CalendarSettings settings() {
        return settings;
    }
}
