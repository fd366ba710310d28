package dk.flyt.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettlementTest {

    @ParameterizedTest(name = "R-POUT-04 ended {0}, binding to {1}: {2} øre still owed")
    @CsvSource({
        "2026-11-16, 2027-04-01, 39600", // December to March: 4 months of 99 kr
        "2026-11-16, 2027-04-15, 49500", // April starts before the binding ends: 5 months
        "2026-11-16, 2026-12-01, 0", // the binding ends as the next month starts
        "2026-11-16, 2026-11-30, 0", // ends within the paid month
        "2026-11-16, , 0" // no binding
    })
    void R_POUT_04_remainingBindingFeesStayOwedAfterAPortOut(LocalDate ended, LocalDate bindingEnds, long owed) {
        assertThat(Settlement.remainingBindingFees(9900, ended, bindingEnds)).isEqualTo(owed);
    }

    @ParameterizedTest(name = "R-BILL-07 final balance {0} øre: write-off {1} øre")
    @CsvSource({"2500, -2500", "-2500, 2500", "2501, 0", "-2501, 0", "0, 0", "-1, 1"})
    void R_BILL_07_aDifferenceOf25KronerOrLessIsNeitherPaidOutNorCharged(long balance, long writeOff) {
        assertThat(Settlement.writeOff(balance)).isEqualTo(writeOff);
    }
}
