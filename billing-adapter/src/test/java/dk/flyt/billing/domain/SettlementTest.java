package dk.flyt.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettlementTest {
    @ParameterizedTest(name = "R-BILL-07 final balance {0} øre: write-off {1} øre")
    @CsvSource({"2500, -2500", "-2500, 2500", "2501, 0", "-2501, 0", "0, 0", "-1, 1"})
    void R_BILL_07_aDifferenceOf25KronerOrLessIsNeitherPaidOutNorCharged(long balance, long writeOff) {
        assertThat(Settlement.writeOff(balance)).isEqualTo(writeOff);
    }
}
