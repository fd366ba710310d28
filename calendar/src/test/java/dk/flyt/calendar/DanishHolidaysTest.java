package dk.flyt.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** R-CAL-02: every Danish public holiday of 2023-2028, named. */
class DanishHolidaysTest {

    static Stream<Arguments> years() {
        return Stream.of(
                Arguments.of(
                        2023,
                        List.of(
                                "2023-01-01 New Year's Day",
                                "2023-04-06 Maundy Thursday",
                                "2023-04-07 Good Friday",
                                "2023-04-09 Easter Sunday",
                                "2023-04-10 Easter Monday",
                                "2023-05-05 Great Prayer Day (last year it is a holiday)",
                                "2023-05-18 Ascension Day",
                                "2023-05-28 Whit Sunday",
                                "2023-05-29 Whit Monday",
                                "2023-12-25 Christmas Day",
                                "2023-12-26 Boxing Day")),
                Arguments.of(
                        2024,
                        List.of(
                                "2024-01-01 New Year's Day",
                                "2024-03-28 Maundy Thursday",
                                "2024-03-29 Good Friday",
                                "2024-03-31 Easter Sunday",
                                "2024-04-01 Easter Monday",
                                "2024-05-09 Ascension Day",
                                "2024-05-19 Whit Sunday",
                                "2024-05-20 Whit Monday",
                                "2024-12-25 Christmas Day",
                                "2024-12-26 Boxing Day")),
                Arguments.of(
                        2025,
                        List.of(
                                "2025-01-01 New Year's Day",
                                "2025-04-17 Maundy Thursday",
                                "2025-04-18 Good Friday",
                                "2025-04-20 Easter Sunday",
                                "2025-04-21 Easter Monday",
                                "2025-05-29 Ascension Day",
                                "2025-06-08 Whit Sunday",
                                "2025-06-09 Whit Monday",
                                "2025-12-25 Christmas Day",
                                "2025-12-26 Boxing Day")),
                Arguments.of(
                        2026,
                        List.of(
                                "2026-01-01 New Year's Day",
                                "2026-04-02 Maundy Thursday",
                                "2026-04-03 Good Friday",
                                "2026-04-05 Easter Sunday",
                                "2026-04-06 Easter Monday",
                                "2026-05-14 Ascension Day",
                                "2026-05-24 Whit Sunday",
                                "2026-05-25 Whit Monday",
                                "2026-12-25 Christmas Day",
                                "2026-12-26 Boxing Day")),
                Arguments.of(
                        2027,
                        List.of(
                                "2027-01-01 New Year's Day",
                                "2027-03-25 Maundy Thursday",
                                "2027-03-26 Good Friday",
                                "2027-03-28 Easter Sunday",
                                "2027-03-29 Easter Monday",
                                "2027-05-06 Ascension Day",
                                "2027-05-16 Whit Sunday",
                                "2027-05-17 Whit Monday",
                                "2027-12-25 Christmas Day",
                                "2027-12-26 Boxing Day")),
                Arguments.of(
                        2028,
                        List.of(
                                "2028-01-01 New Year's Day",
                                "2028-04-13 Maundy Thursday",
                                "2028-04-14 Good Friday",
                                "2028-04-16 Easter Sunday",
                                "2028-04-17 Easter Monday",
                                "2028-05-25 Ascension Day",
                                "2028-06-04 Whit Sunday",
                                "2028-06-05 Whit Monday (also Constitution Day)",
                                "2028-12-25 Christmas Day",
                                "2028-12-26 Boxing Day")));
    }

    @ParameterizedTest(name = "R-CAL-02 public holidays of {0}")
    @MethodSource("years")
    void R_CAL_02_theHolidaysOfTheYearAreExactlyThese(int year, List<String> named) {
        List<LocalDate> expected =
                named.stream().map(s -> LocalDate.parse(s.substring(0, 10))).toList();
        assertThat(DanishHolidays.of(year)).containsExactlyElementsOf(expected);
        expected.forEach(d -> assertThat(PortingCalendar.isWorkingDay(d))
                .as(d + " is no working day")
                .isFalse());
    }

    @ParameterizedTest(name = "R-CAL-02 Store Bededag {0}: holiday={1}")
    @MethodSource("greatPrayerDays")
    void R_CAL_02_greatPrayerDayIsAHolidayUpToAndIncluding2023Only(LocalDate day, boolean holiday) {
        assertThat(DanishHolidays.isPublicHoliday(day)).isEqualTo(holiday);
        assertThat(PortingCalendar.isWorkingDay(day)).isEqualTo(!holiday);
    }

    static Stream<Arguments> greatPrayerDays() {
        return Stream.of(
                Arguments.of(LocalDate.parse("2022-05-13"), true),
                Arguments.of(LocalDate.parse("2023-05-05"), true),
                Arguments.of(LocalDate.parse("2024-04-26"), false),
                Arguments.of(LocalDate.parse("2025-05-16"), false),
                Arguments.of(LocalDate.parse("2026-05-01"), false));
    }

    @org.junit.jupiter.api.Test
    void theHolidayCacheIsBoundedToAWindowOfYears() {
        DanishHolidays.of(2026);
        int before = DanishHolidays.cachedYears();
        for (int year = 2201; year < 2401; year++) {
            org.assertj.core.api.Assertions.assertThat(DanishHolidays.of(year)).isNotEmpty();
        }
        for (int year = 1000; year < 1100; year++) {
            DanishHolidays.of(year);
        }
        org.assertj.core.api.Assertions.assertThat(DanishHolidays.cachedYears())
                .as("years outside the window are not kept")
                .isEqualTo(before);
        org.assertj.core.api.Assertions.assertThat(DanishHolidays.of(2400))
                .as("computed, not cached, and still right")
                .contains(java.time.LocalDate.of(2400, 12, 25));
    }
}
