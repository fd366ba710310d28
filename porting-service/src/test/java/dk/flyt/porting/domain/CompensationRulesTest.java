package dk.flyt.porting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.flyt.contracts.BusinessTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompensationRulesTest {

    @ParameterizedTest(name = "R-COMP-02 {0} day(s) late -> {1} øre")
    @CsvSource({"0, 0", "1, 5000", "2, 5500", "10, 9500"})
    void R_COMP_02_fiftyKronerOncePlusFivePerFollowingDay(long days, long ore) {
        assertThat(CompensationRules.delayedPort(days)).isEqualTo(ore);
    }

    @ParameterizedTest(name = "R-COMP-03 interrupted {0} h -> {1} øre")
    @CsvSource({"23, 0", "24, 0", "25, 5000", "47, 5000", "48, 10000", "49, 10000", "73, 15000"})
    void R_COMP_03_fiftyKronerAfter24HoursPlusFiftyPerFollowingDay(long hours, long ore) {
        assertThat(CompensationRules.interruption(Duration.ofHours(hours))).isEqualTo(ore);
    }

    @Test
    void R_COMP_01_aWrongfulPortIsFiveHundredKroner() {
        assertThat(CompensationRules.wrongfulPort()).isEqualTo(50_000);
    }

    @Test
    void R_COMP_02_daysLateCountCalendarDaysInCopenhagen() {
        LocalDate agreed = LocalDate.parse("2026-11-09");
        // 23:30 UTC on the 9th is already the 10th in Copenhagen
        assertThat(CompensationRules.daysLate(agreed, Instant.parse("2026-11-09T23:30:00Z"), BusinessTime.ZONE))
                .isEqualTo(1);
        assertThat(CompensationRules.daysLate(agreed, Instant.parse("2026-11-09T22:30:00Z"), BusinessTime.ZONE))
                .isEqualTo(0);
    }

    @Test
    void R_COMP_04_aClaimMustArriveWithin30DaysOfTheFix() {
        Instant fixed = Instant.parse("2026-11-10T12:00:00Z");
        assertThat(CompensationRules.isClaimInTime(fixed, fixed.plus(Duration.ofDays(30))))
                .isTrue();
        assertThat(CompensationRules.isClaimInTime(
                        fixed, fixed.plus(Duration.ofDays(30)).plusSeconds(1)))
                .isFalse();
    }
}
