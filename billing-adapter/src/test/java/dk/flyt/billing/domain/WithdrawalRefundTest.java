package dk.flyt.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WithdrawalRefundTest {
    private static final LocalDate ACTIVATED = LocalDate.parse("2026-11-10");
    private static final LocalDate WITHDRAWN = LocalDate.parse("2026-11-19"); // 10 days used

    @ParameterizedTest(name = "R-WDR-04 voice {0} s, data {1} MB: kept {2} øre")
    @CsvSource({
        "7200, 2048, 0", // exactly 2 hours and 2 GB: within the limits
        "7201, 0, 3300", // more than 2 hours: 10 of 30 days of 99 kr
        "0, 2049, 3300", // more than 2 GB
        "0, 0, 0"
    })
    void R_WDR_04_theFeeForTheDaysUsedIsKeptOnlyBeyond2HoursOr2GB(long voice, long data, long kept) {
        assertThat(WithdrawalRefund.keptFee(9900, ACTIVATED, WITHDRAWN, voice, data))
                .isEqualTo(kept);
    }

    @Test
    void R_WDR_03_everythingPaidIsRefundedLessWhatMayBeKept() {
        assertThat(WithdrawalRefund.refund(9900 + 19800, 0)).isEqualTo(29700);
        assertThat(WithdrawalRefund.refund(9900 + 19800, 3300)).isEqualTo(26400);
        assertThat(WithdrawalRefund.refund(1000, 3300)).as("never a charge").isZero();
    }

    @Test
    void R_WDR_03_theRefundIsDueWithin14DaysOfTheNotice() {
        assertThat(WithdrawalRefund.refundDueBy(WITHDRAWN)).isEqualTo(LocalDate.parse("2026-12-03"));
    }
}
