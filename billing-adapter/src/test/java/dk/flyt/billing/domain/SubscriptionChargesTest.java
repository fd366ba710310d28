package dk.flyt.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscriptionChargesTest {
    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static BillingState state(BillingFact... facts) {
        return BillingState.derive("s", List.of(facts));
    }

    private static BillingFact.Activated activated(String on, String bindingEnds) {
        return new BillingFact.Activated(
                1, "a", "cust", "MOBILE_10GB", 9900, d(on), bindingEnds == null ? null : d(bindingEnds));
    }

    private static PriceSchedule prices(BillingState s) {
        return PriceSchedule.of(s.terms(), List.of());
    }

    @Test
    void R_BILL_02_R_BILL_10_nothingIsDueBeforeTheFirstAfterActivationThenTheRestOfItsMonthWithTheNext() {
        BillingState s = state(activated("2026-11-30", null));
        assertThat(SubscriptionCharges.due(s, prices(s), d("2026-11-30"))).isEmpty();
        assertThat(SubscriptionCharges.due(s, prices(s), d("2026-12-01")))
                .containsExactly(
                        new SubscriptionCharges.Month(YearMonth.parse("2026-11"), 330, "cust"),
                        new SubscriptionCharges.Month(YearMonth.parse("2026-12"), 9900, "cust"));
    }

    @Test
    void R_BILL_10_aChargeLearnedLateIsDueForEveryMonthMissed() {
        BillingState s = state(activated("2026-09-20", null));
        assertThat(SubscriptionCharges.due(s, prices(s), d("2026-12-02")))
                .extracting(SubscriptionCharges.Month::month)
                .containsExactly(
                        YearMonth.parse("2026-09"),
                        YearMonth.parse("2026-10"),
                        YearMonth.parse("2026-11"),
                        YearMonth.parse("2026-12"));
    }

    @Test
    void R_BILL_10_aLineThatEndsBeforeItsFirstChargePaysItsDaysAtOnce() {
        BillingState s = state(activated("2026-11-10", null), new BillingFact.Ended(2, "e", d("2026-11-20")));
        assertThat(SubscriptionCharges.due(s, prices(s), d("2026-11-20")))
                .containsExactly(new SubscriptionCharges.Month(YearMonth.parse("2026-11"), 3300, "cust"));
    }

    @Test
    void R_WDR_03_aWithdrawnLinePaysNoMonths() {
        BillingState s = state(
                activated("2026-11-10", null), new BillingFact.Withdrawn(2, "w", "w1", "o", d("2026-11-19"), 7201, 0));
        assertThat(SubscriptionCharges.due(s, prices(s), d("2026-12-15"))).isEmpty();
    }

    @ParameterizedTest(name = "R-POUT-04 ported out {0}, binding to {1}: {2} øre still owed")
    @CsvSource({
        "2026-11-16, 2027-04-01, 39600", // December to March: 4 months of 99 kr
        "2026-11-16, 2027-04-15, 49500", // April starts before the binding ends: 5 months
        "2026-11-16, 2026-12-01, 0", // the binding ends as the next month starts
        "2026-11-16, 2026-11-30, 0", // ends within the paid month
        "2026-12-01, 2027-02-01, 19800", // gone on the 1st: December was not paid, it is owed with January
        "2026-11-16, , 0" // no binding
    })
    void R_POUT_04_remainingBindingFeesStayOwedAfterAPortOut(String portedOut, String bindingEnds, long owed) {
        BillingState s =
                state(activated("2026-10-01", bindingEnds), new BillingFact.PortedOut(2, "p", "po1", d(portedOut)));
        assertThat(SubscriptionCharges.bindingFees(s, prices(s), s.portOuts().get(0)))
                .isEqualTo(owed);
    }

    @ParameterizedTest(name = "R-WDR-04 {0} s calls, {1} MB: {2} øre kept")
    @CsvSource({
        "7200, 2048, 0", // exactly at the limits: nothing kept
        "7201, 0, 3300", // over 2 hours: 10 of 30 days (10 to 19 November)
        "0, 2049, 3300" // over 2 GB
    })
    void R_WDR_04_theFeeForTheDaysUsedIsKeptOnlyBeyondTheLimits(long voice, long data, long kept) {
        BillingState s = state(
                activated("2026-11-10", null),
                new BillingFact.Withdrawn(2, "w", "w1", "o", d("2026-11-19"), voice, data));
        assertThat(SubscriptionCharges.keptOnWithdrawal(s, prices(s))).isEqualTo(kept);
    }

    @Test
    void R_WDR_04_daysUsedAcrossAMonthChangeArePricedByEachMonthsDays() {
        // 25 to 30 November (6 of 30) and 1 to 3 December (3 of 31)
        BillingState s = state(
                activated("2026-11-25", null), new BillingFact.Withdrawn(2, "w", "w1", "o", d("2026-12-03"), 0, 5000));
        assertThat(SubscriptionCharges.keptOnWithdrawal(s, prices(s)))
                .isEqualTo(MonthlyCharge.share(9900, 6, 30) + MonthlyCharge.share(9900, 3, 31));
    }
}
