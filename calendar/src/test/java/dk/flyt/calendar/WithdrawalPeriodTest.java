package dk.flyt.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WithdrawalPeriodTest {

    @ParameterizedTest(name = "R-WDR-07 period from {0}: last day {1} ({2})")
    @CsvSource({
        "2026-11-02, 2026-11-16, an ordinary Monday",
        "2026-11-07, 2026-11-23, ends on a Saturday -> Monday",
        "2026-11-08, 2026-11-23, ends on a Sunday -> Monday",
        "2026-03-19, 2026-04-07, ends on Maundy Thursday -> past Easter to Tuesday",
        "2026-03-22, 2026-04-07, ends on Easter Sunday -> past Easter Monday",
        "2026-12-10, 2026-12-28, ends on Christmas Eve -> past Christmas and the weekend",
        "2026-12-17, 2027-01-04, ends on New Year's Eve -> past New Year's Day and the weekend",
        "2026-05-22, 2026-06-08, ends on Constitution Day (Friday) -> Monday",
        "2023-04-21, 2023-05-08, ends on Store Bededag 2023 -> Monday",
        "2024-04-12, 2024-04-26, ends on the former Store Bededag 2024: no extension"
    })
    void R_WDR_07_aDeadlineOnAWeekendHolidayOrClosingDayMovesToTheNextOrdinaryDay(
            LocalDate from, LocalDate deadline, String why) {
        assertThat(WithdrawalPeriod.deadline(from)).as(why).isEqualTo(deadline);
    }

    @Test
    void R_WDR_01_theCustomerHas14DaysFromAcceptance() {
        LocalDate accepted = LocalDate.parse("2026-11-02");
        assertThat(WithdrawalPeriod.isInTime(accepted, LocalDate.parse("2026-11-16")))
                .isTrue();
        assertThat(WithdrawalPeriod.isInTime(accepted, LocalDate.parse("2026-11-17")))
                .isFalse();
    }

    @Test
    void R_WDR_07_theExtensionIsLawAndDoesNotFollowThePortingClosingDaySwitch() {
        // a deployment that switches porting closing days off still extends a deadline on Christmas Eve
        assertThat(new PortingCalendar(new CalendarSettings(false, 5)).isPortingDay(LocalDate.parse("2026-12-24")))
                .isTrue();
        assertThat(WithdrawalPeriod.deadline(LocalDate.parse("2026-12-10"))).isEqualTo(LocalDate.parse("2026-12-28"));
    }
}
