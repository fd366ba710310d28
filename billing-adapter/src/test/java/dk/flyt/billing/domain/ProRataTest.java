package dk.flyt.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProRataTest {
    private static final long PRICE = 9900;

    @ParameterizedTest(name = "R-BILL-02 activated {0}: rest of month {1} øre, first charge {2} øre")
    @CsvSource({
        "2026-02-01, 9900, 19800", // 28-day month, the 1st: the whole month
        "2026-02-15, 4950, 14850", // 14 of 28 days
        "2026-02-28, 354, 10254", // 1 of 28 days: 353.57 rounds to 354
        "2026-04-01, 9900, 19800", // 30-day month
        "2026-04-15, 5280, 15180", // 16 of 30 days
        "2026-04-30, 330, 10230", // 1 of 30 days
        "2026-01-01, 9900, 19800", // 31-day month
        "2026-01-15, 5429, 15329", // 17 of 31 days: 5429.03
        "2026-01-31, 319, 10219", // 1 of 31 days: 319.35
        "2028-02-29, 341, 10241" // leap February: 1 of 29 days, 341.38
    })
    void R_BILL_02_theFirstChargeIsTheRestOfTheMonthByDaysPlusTheNextMonth(LocalDate activated, long rest, long first) {
        assertThat(ProRata.restOfMonth(PRICE, activated)).isEqualTo(rest);
        assertThat(ProRata.chargeFor(YearMonth.from(activated).plusMonths(1), PRICE, activated))
                .isEqualTo(first);
    }

    @ParameterizedTest(name = "R-BILL-01 activated {0}, run for {1}: {2} øre")
    @CsvSource({
        "2026-01-15, 2026-01, 0", // not before the 1st after activation
        "2026-01-15, 2026-03, 9900", // then monthly in advance at the plan price
        "2025-06-01, 2026-03, 9900"
    })
    void R_BILL_01_afterTheFirstChargeEachMonthIsChargedInAdvance(LocalDate activated, String month, long ore) {
        assertThat(ProRata.chargeFor(YearMonth.parse(month), PRICE, activated)).isEqualTo(ore);
    }
}
