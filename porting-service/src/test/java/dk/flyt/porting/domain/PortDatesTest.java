package dk.flyt.porting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.flyt.calendar.CalendarSettings;
import dk.flyt.calendar.PortingCalendar;
import dk.flyt.calendar.PortingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Monday 2 November 2026 is the week these cases live in; 7 and 8 November are a weekend. */
class PortDatesTest {
    private final PortDates dates =
            new PortDates(new PortingCalendar(new CalendarSettings(true, 5)), LocalTime.of(2, 0));

    private static ZonedDateTime at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/Copenhagen"));
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void R_PORT_02_theFirstRequestAsksForTheAsapDateFromTheShipment() {
        assertThat(dates.toRequest(d("2026-11-02"), PortingMode.ASAP, null, at("2026-11-02T09:00")))
                .isEqualTo(d("2026-11-09"));
    }

    @ParameterizedTest(name = "R-PORT-02/04 shipped 2 Nov, resubmitted {0}: ask for {1}")
    @CsvSource({
        "2026-11-20T10:00, 2026-11-23", // a Friday after the execution time: the next porting day is Monday
        "2026-11-19T10:00, 2026-11-20",
        "2026-11-19T01:30, 2026-11-19", // before 02:00 the run can still execute today
        "2026-11-21T10:00, 2026-11-23", // Saturday
        "2026-12-23T12:00, 2026-12-28" // 24-26 Dec are closed, 27 is a Sunday
    })
    void R_PORT_02_R_PORT_04_aResubmissionReckonsFromToday(String now, String expected) {
        assertThat(dates.toRequest(d("2026-11-02"), PortingMode.ASAP, null, at(now)))
                .isEqualTo(d(expected));
    }

    @Test
    void R_PORT_03_endOfTermStaysAfterTheTermAndNeverBeforeAsap() {
        assertThat(dates.toRequest(d("2026-11-02"), PortingMode.END_OF_TERM, d("2026-11-30"), at("2026-11-02T09:00")))
                .isEqualTo(d("2026-12-01"));
        assertThat(dates.toRequest(d("2026-11-02"), PortingMode.END_OF_TERM, d("2026-11-03"), at("2026-11-02T09:00")))
                .isEqualTo(d("2026-11-09"));
    }

    @Test
    void theDonorAcceptingOurDateOrNoneAgrees() {
        var now = at("2026-11-02T12:00");
        assertThat(dates.judge(d("2026-11-09"), d("2026-11-09"), d("2026-11-02"), PortingMode.ASAP, null, now))
                .isEqualTo(new PortDates.DonorDate.Agreed(d("2026-11-09")));
        assertThat(dates.judge(d("2026-11-09"), null, d("2026-11-02"), PortingMode.ASAP, null, now))
                .isEqualTo(new PortDates.DonorDate.Agreed(d("2026-11-09")));
    }

    @ParameterizedTest(name = "R-PORT-07 ASAP, asked 9 Nov, donor proposes {0}: refused")
    @CsvSource({"2026-11-10", "2026-11-16", "2026-11-06", "2026-10-30", "2026-11-07"})
    void R_PORT_02_R_PORT_04_R_PORT_07_anotherDateFromTheDonorIsRefused(String proposed) {
        var verdict = dates.judge(
                d("2026-11-09"), d(proposed), d("2026-11-02"), PortingMode.ASAP, null, at("2026-11-02T12:00"));
        assertThat(verdict).isInstanceOf(PortDates.DonorDate.Refused.class);
        assertThat(((PortDates.DonorDate.Refused) verdict).proposed()).isEqualTo(d(proposed));
    }

    @Test
    void R_PORT_07_aLaterDateInAsapModeSaysTheCustomerDoesNotWait() {
        var verdict = dates.judge(
                d("2026-11-09"), d("2026-11-16"), d("2026-11-02"), PortingMode.ASAP, null, at("2026-11-02T12:00"));
        assertThat(((PortDates.DonorDate.Refused) verdict).why()).contains("R-PORT-07");
    }

    @Test
    void anAcceptThatComesAfterOurDateCouldExecuteMakesUsAskAgainFromToday() {
        // asked for Monday the 9th; the accept arrives on the 9th at 10:00, after the run
        var verdict = dates.judge(
                d("2026-11-09"), d("2026-11-09"), d("2026-11-02"), PortingMode.ASAP, null, at("2026-11-09T10:00"));
        assertThat(verdict).isEqualTo(new PortDates.DonorDate.Stale(d("2026-11-10")));
        // on the 9th before 02:00 it can still execute
        assertThat(dates.judge(
                        d("2026-11-09"),
                        d("2026-11-09"),
                        d("2026-11-02"),
                        PortingMode.ASAP,
                        null,
                        at("2026-11-09T01:00")))
                .isEqualTo(new PortDates.DonorDate.Agreed(d("2026-11-09")));
    }

    @ParameterizedTest(name = "R-PORT-04/08 at {0}: the run may execute {1}")
    @CsvSource({
        "2026-11-09T01:59, false",
        "2026-11-09T02:00, true",
        "2026-11-07T02:00, false", // Saturday
        "2026-12-24T09:00, false", // a closing day (R-CAL-03)
        "2026-12-25T09:00, false" // a public holiday
    })
    void R_PORT_04_R_PORT_08_theRunExecutesOnlyOnAPortingDayFromTheSetTime(String now, boolean may) {
        assertThat(dates.mayExecuteNow(at(now))).isEqualTo(may);
    }
}
