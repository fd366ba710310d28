package dk.flyt.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollectionTest {
    @ParameterizedTest(name = "R-BILL-04 balance {0}: top up {1}")
    @CsvSource({"-9900, 19900", "-1, 10001", "0, 0", "500, 0"})
    void R_BILL_04_aNegativeBalanceIsToppedUpToPlus100Kroner(long balance, long topUp) {
        assertThat(Collection.topUp(balance, 10_000)).isEqualTo(topUp);
    }

    @Test
    void R_CMPL_01_aDisputedAmountIsNotCollected() {
        long collectible = Collection.collectible(-9900, 9900);
        assertThat(Collection.topUp(collectible, 10_000)).isZero();
        assertThat(Collection.blockingAllowed(
                        collectible, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-01")))
                .isFalse();
    }

    @ParameterizedTest(name = "R-BILL-05 {0} øre negative since 2026-11-01, on {1}: blocking {2}")
    @CsvSource({
        "-9900, 2026-11-09, false", // 8 days: not yet
        "-9900, 2026-11-10, true", // still negative after 8 days
        "-50000, 2026-11-02, false", // exactly -500 kr: not below
        "-50001, 2026-11-02, true", // below -500 kr: at once
        "0, 2026-12-31, false"
    })
    void R_BILL_05_blockingIsAllowedAfter8DaysOrBelowMinus500(long balance, LocalDate today, boolean allowed) {
        assertThat(Collection.blockingAllowed(balance, LocalDate.parse("2026-11-01"), today))
                .isEqualTo(allowed);
    }
}
