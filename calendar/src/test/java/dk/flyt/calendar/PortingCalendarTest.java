package dk.flyt.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortingCalendarTest {
    private static final PortingCalendar DEFAULT = new PortingCalendar(CalendarSettings.DEFAULTS);
    private static final PortingCalendar NO_CLOSING_DAYS = new PortingCalendar(new CalendarSettings(false, 5));

    @ParameterizedTest(name = "R-CAL-01 {0} working day: {1}")
    @CsvSource({
        "2026-11-20, true", // Friday
        "2026-11-21, false", // Saturday
        "2026-11-22, false", // Sunday
        "2026-11-23, true", // Monday
        "2026-12-24, true", // Christmas Eve is a working day; only porting closes (R-CAL-03)
        "2026-06-05, true" // Constitution Day likewise
    })
    void R_CAL_01_mondayToFridayThatIsNoHoliday(LocalDate date, boolean working) {
        assertThat(PortingCalendar.isWorkingDay(date)).isEqualTo(working);
    }

    @ParameterizedTest(name = "R-CAL-03 {0} porting day with closing days on: {1}, off: {2}")
    @CsvSource({
        "2026-12-24, false, true",
        "2026-12-31, false, true",
        "2026-06-05, false, true",
        "2025-06-05, false, true",
        "2026-12-23, true, true",
        "2026-12-25, false, false"
    })
    void R_CAL_03_closingDaysAreConfigurationDefaultOn(LocalDate date, boolean defaultOn, boolean switchedOff) {
        assertThat(CalendarSettings.DEFAULTS.closingDays()).isTrue();
        assertThat(DEFAULT.isPortingDay(date)).isEqualTo(defaultOn);
        assertThat(NO_CLOSING_DAYS.isPortingDay(date)).isEqualTo(switchedOff);
    }

    @ParameterizedTest(name = "R-PORT-02 shipped {0} -> earliest {1}")
    @CsvSource({
        "2026-11-11, 2026-11-16", // Wed + 5 = Mon
        "2026-11-16, 2026-11-23", // Mon + 5 = Sat -> Mon
        "2026-11-18, 2026-11-23", // Wed + 5 = Mon
        "2026-03-29, 2026-04-07", // + 5 = Fri 3 Apr, Good Friday -> Easter -> Tue 7 Apr
        "2026-12-19, 2026-12-28", // + 5 = Christmas Eve (closed), Christmas, weekend -> Mon 28
        "2026-12-26, 2027-01-04", // + 5 = New Year's Eve (closed), New Year's Day, weekend -> Mon 4 Jan
        "2023-04-30, 2023-05-08", // + 5 = Store Bededag 2023 -> weekend -> Mon 8 May
        "2024-04-21, 2024-04-26" // + 5 = the former Store Bededag, a working day since 2024
    })
    void R_PORT_02_asapIsTheFirstPortingDayOnOrAfterShipmentPlusFiveDays(LocalDate shipped, LocalDate expected) {
        assertThat(DEFAULT.earliestPortDate(shipped, PortingMode.ASAP, null)).isEqualTo(expected);
    }

    @Test
    void R_PORT_02_theDelayIsConfigurable() {
        PortingCalendar threeDays = new PortingCalendar(new CalendarSettings(true, 3));
        assertThat(threeDays.earliestPortDate(LocalDate.parse("2026-11-16"), PortingMode.ASAP, null))
                .isEqualTo(LocalDate.parse("2026-11-19"));
    }

    @Test
    void R_CAL_03_withClosingDaysOffChristmasEveIsAPortingDay() {
        assertThat(NO_CLOSING_DAYS.earliestPortDate(LocalDate.parse("2026-12-19"), PortingMode.ASAP, null))
                .isEqualTo(LocalDate.parse("2026-12-24"));
    }

    @ParameterizedTest(name = "R-PORT-03 shipped {0}, term ends {1} -> {2}")
    @CsvSource({
        "2026-11-02, 2026-11-30, 2026-12-01", // first porting day after the term
        "2026-11-02, 2026-12-04, 2026-12-07", // term ends Friday -> Monday
        "2026-11-02, 2026-11-03, 2026-11-09", // term ends before the ASAP day -> the ASAP day
        "2026-11-02, 2026-12-23, 2026-12-28", // after the term: 24 closed, 25-27 holiday/weekend
        "2026-03-01, 2026-04-01, 2026-04-07" // after the term: Maundy Thursday ... Easter Monday
    })
    void R_PORT_03_endOfTermMovesOnTheFirstPortingDayAfterTheTermAndNeverBeforeAsap(
            LocalDate shipped, LocalDate termEnds, LocalDate expected) {
        assertThat(DEFAULT.earliestPortDate(shipped, PortingMode.END_OF_TERM, termEnds))
                .isEqualTo(expected);
    }

    @Test
    void R_PORT_03_endOfTermNeedsTheTermEnd() {
        assertThatThrownBy(() -> DEFAULT.earliestPortDate(LocalDate.parse("2026-11-02"), PortingMode.END_OF_TERM, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void R_PORT_04_noShipmentDateIn2023To2028EverGivesAWeekendHolidayOrClosingDay() {
        for (LocalDate d = LocalDate.parse("2023-01-01"); d.getYear() <= 2028; d = d.plusDays(1)) {
            for (PortingMode mode : PortingMode.values()) {
                LocalDate port = DEFAULT.earliestPortDate(d, mode, d.plusDays(d.getDayOfMonth()));
                assertThat(port.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                assertThat(DanishHolidays.isPublicHoliday(port))
                        .as(port.toString())
                        .isFalse();
                assertThat(DEFAULT.isPortingDay(port)).isTrue();
                assertThat(port).isAfterOrEqualTo(d.plusDays(5));
            }
        }
    }

    @Test
    void portingDaysOfARangeIncludeBothEnds() {
        assertThat(DEFAULT.portingDays(LocalDate.parse("2026-12-21"), LocalDate.parse("2027-01-04")))
                .containsExactly(
                        LocalDate.parse("2026-12-21"),
                        LocalDate.parse("2026-12-22"),
                        LocalDate.parse("2026-12-23"),
                        LocalDate.parse("2026-12-28"),
                        LocalDate.parse("2026-12-29"),
                        LocalDate.parse("2026-12-30"),
                        LocalDate.parse("2027-01-04"));
    }
}
