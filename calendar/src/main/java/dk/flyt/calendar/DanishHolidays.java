package dk.flyt.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Danish public holidays (R-CAL-02) from the maintained jollyday library, cached per year. Great Prayer Day (Store
 * Bededag) was abolished from 2024; the library knows that, and a rule of ours removes it should a later version of
 * its data forget.
 */
public final class DanishHolidays {
    /** Store Bededag was a public holiday up to and including this year. */
    static final int LAST_GREAT_PRAYER_DAY = 2023;

    private static final String GREAT_PRAYER_DAY = "christian.GENERAL_PRAYER_DAY";
    private static final HolidayManager MANAGER =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.DENMARK));
    private static final Map<Integer, NavigableSet<LocalDate>> BY_YEAR = new ConcurrentHashMap<>();

    public static boolean isPublicHoliday(LocalDate date) {
        return of(date.getYear()).contains(date);
    }

    /** Years whose holidays are kept once computed; any other year is computed on each call. */
    static final int FIRST_CACHED_YEAR = 1900;

    static final int LAST_CACHED_YEAR = 2200;

    /**
     * The public holidays of a year, in date order. The cache holds at most the {@value #FIRST_CACHED_YEAR} to
     * {@value #LAST_CACHED_YEAR} window, so a caller asking for ever new years cannot grow it (the security issue).
     */
    public static NavigableSet<LocalDate> of(int year) {
        if (year < FIRST_CACHED_YEAR || year > LAST_CACHED_YEAR) {
            return load(year);
        }
        return BY_YEAR.computeIfAbsent(year, DanishHolidays::load);
    }

    /** How many years are cached (for the test of the bound). */
    static int cachedYears() {
        return BY_YEAR.size();
    }

    private static NavigableSet<LocalDate> load(int year) {
        NavigableSet<LocalDate> days = MANAGER.getHolidays(Year.of(year)).stream()
                .filter(h -> h.getType() == HolidayType.PUBLIC_HOLIDAY)
                .filter(h -> year <= LAST_GREAT_PRAYER_DAY || !GREAT_PRAYER_DAY.equals(h.getPropertiesKey()))
                .map(Holiday::getDate)
                .collect(Collectors.toCollection(TreeSet::new));
        return java.util.Collections.unmodifiableNavigableSet(days);
    }

    private DanishHolidays() {}
}
