package dk.flyt.porting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The amounts and the one day count, at the boundaries where they are easy to get wrong: midnight in Copenhagen
 * (not UTC), and the nights of 29 March 2026 (23 hours) and 25 October 2026 (25 hours).
 */
class CompensationRulesTest {
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

    private static Instant cph(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CPH).toInstant();
    }

    @ParameterizedTest(name = "R-COMP-02 {0} day(s) late -> {1} øre")
    @CsvSource({"0, 0", "1, 5000", "2, 5500", "10, 9500"})
    void R_COMP_02_fiftyKronerOncePlusFivePerFollowingDay(long days, long ore) {
        assertThat(CompensationRules.delayedPort(days)).isEqualTo(ore);
    }

    @ParameterizedTest(name = "R-COMP-02 agreed {0}, working {1} -> {2} øre")
    @CsvSource({
        "2026-11-09, 2026-11-09T23:59:59, 0",
        "2026-11-09, 2026-11-10T00:00:00, 5000",
        "2026-11-09, 2026-11-10T23:59:00, 5000",
        "2026-11-09, 2026-11-11T00:00:01, 5500",
        "2026-11-09, 2026-11-13T10:00:00, 6500",
        // DST: the 28th of March has 24 hours, the 29th 23; days are dates, not hours
        "2026-03-27, 2026-03-29T00:30:00, 5500",
        "2026-03-28, 2026-03-30T00:30:00, 5500",
        // the 25th of October has 25 hours
        "2026-10-24, 2026-10-26T00:30:00, 5500",
        "2026-10-25, 2026-10-25T23:30:00, 0"
    })
    void R_COMP_02_aDelayCountsCalendarDaysInCopenhagenFromTheAgreedDate(String agreed, String working, long ore) {
        assertThat(CompensationRules.delayedPort(LocalDate.parse(agreed), cph(working), CPH))
                .isEqualTo(ore);
    }

    @Test
    void R_COMP_02_midnightIsCopenhagenMidnightNotUtc() {
        LocalDate agreed = LocalDate.parse("2026-11-09");
        // 23:30 UTC on the 9th is already the 10th in Copenhagen
        assertThat(CompensationRules.delayedPort(agreed, Instant.parse("2026-11-09T23:30:00Z"), CPH))
                .isEqualTo(5000);
        assertThat(CompensationRules.delayedPort(agreed, Instant.parse("2026-11-09T22:30:00Z"), CPH))
                .isZero();
    }

    @ParameterizedTest(name = "R-COMP-03 from {0} to {1} -> {2} øre")
    @CsvSource({
        "2026-11-09T10:00, 2026-11-10T10:00, 0", // exactly 24 hours is not over 24 hours
        "2026-11-09T10:00, 2026-11-10T10:01, 5000",
        "2026-11-09T10:00, 2026-11-10T23:59, 5000",
        "2026-11-09T10:00, 2026-11-11T09:00, 10000", // 47 hours, a second calendar day: not two 24-hour periods
        "2026-11-09T02:00, 2026-11-12T01:00, 15000",
        "2026-11-09T23:50, 2026-11-11T00:10, 10000",
        // DST spring: 28 March 12:00 to 29 March 12:00 is 23 hours only
        "2026-03-28T12:00, 2026-03-29T12:00, 0",
        "2026-03-28T12:00, 2026-03-29T13:30, 5000",
        "2026-03-28T12:00, 2026-03-30T12:00, 10000",
        // DST autumn: 24 October 12:00 to 25 October 11:30 is already 24.5 hours
        "2026-10-24T12:00, 2026-10-25T11:00, 0",
        "2026-10-24T12:00, 2026-10-25T11:30, 5000"
    })
    void R_COMP_03_overTwentyFourHoursThenFiftyPerFollowingCalendarDay(String from, String until, long ore) {
        assertThat(CompensationRules.interruption(cph(from), cph(until), CPH)).isEqualTo(ore);
    }

    @Test
    void R_COMP_01_aWrongfulPortIsFiveHundredKroner() {
        assertThat(CompensationRules.wrongfulPort()).isEqualTo(50_000);
    }

    @ParameterizedTest(name = "R-COMP-04 fixed {0}, claimed {1}: in time {2}")
    @CsvSource({
        "2026-11-10T12:00, 2026-12-10T12:00, true",
        "2026-11-10T12:00, 2026-12-10T23:59:59, true", // to the end of the 30th day, not 30 x 24 hours
        "2026-11-10T12:00, 2026-12-11T00:00, false",
        "2026-11-10T00:05, 2026-12-10T23:00, true",
        // DST: fixed on 1 March, the 30th day is 31 March, after the clocks went forward
        "2026-03-01T10:00, 2026-03-31T23:59, true",
        "2026-03-01T10:00, 2026-04-01T00:00, false"
    })
    void R_COMP_04_aClaimIsInTimeToTheEndOfTheThirtiethDayAfterTheFix(String fixed, String claimed, boolean inTime) {
        assertThat(CompensationRules.isClaimInTime(cph(fixed), cph(claimed), CPH))
                .isEqualTo(inTime);
    }

    @Test
    void theOneDayCountServesBothPaths() {
        // the automatic path reckons a delay from the agreed date; a claim for the same fault gets the same days
        LocalDate agreed = LocalDate.parse("2026-11-09");
        Instant worked = cph("2026-11-10T09:00");
        assertThat(CompensationRules.calendarDays(agreed, worked, CPH)).isEqualTo(1);
        assertThat(CompensationRules.delayedPort(agreed, worked, CPH)).isEqualTo(CompensationRules.delayedPort(1));
    }
}
