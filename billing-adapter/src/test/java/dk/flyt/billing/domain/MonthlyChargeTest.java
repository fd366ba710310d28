package dk.flyt.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonthlyChargeTest {
    private static final long PRICE = 9900;

    private static PriceSchedule flat(LocalDate from, long price) {
        return PriceSchedule.of(List.of(new Terms(from, "MOBILE_10GB", price, null, 1)), List.of());
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @ParameterizedTest(name = "R-BILL-02 activated {0}: the rest of its month costs {1} øre")
    @CsvSource({
        "2026-02-01, 9900", // 28-day month, the 1st: the whole month
        "2026-02-15, 4950", // 14 of 28 days
        "2026-02-28, 354", // 1 of 28 days: 353.57 rounds to 354
        "2026-04-01, 9900", // 30-day month
        "2026-04-15, 5280", // 16 of 30 days
        "2026-04-30, 330", // 1 of 30 days
        "2026-01-01, 9900", // 31-day month
        "2026-01-15, 5429", // 17 of 31 days: 5429.03
        "2026-01-31, 319", // 1 of 31 days: 319.35
        "2028-02-29, 341" // leap February: 1 of 29 days, 341.38
    })
    void R_BILL_02_theActivationMonthIsChargedByDaysFromTheActivationDay(LocalDate activated, long rest) {
        List<DayRange> live = List.of(DayRange.open(activated));
        assertThat(MonthlyCharge.amount(flat(activated, PRICE), live, YearMonth.from(activated)))
                .isEqualTo(rest);
        assertThat(MonthlyCharge.amount(
                        flat(activated, PRICE), live, YearMonth.from(activated).plusMonths(1)))
                .as("R-BILL-01: the following month whole, in advance")
                .isEqualTo(PRICE);
    }

    @Test
    void R_BILL_01_aLineLiveOnTheFirstPaysTheWholeMonthEvenWhenItEndsInIt() {
        List<DayRange> live = List.of(new DayRange(d("2026-10-10"), d("2026-12-15")));
        assertThat(MonthlyCharge.amount(flat(d("2026-10-10"), PRICE), live, YearMonth.parse("2026-12")))
                .isEqualTo(PRICE);
        assertThat(MonthlyCharge.amount(flat(d("2026-10-10"), PRICE), live, YearMonth.parse("2027-01")))
                .isZero();
    }

    @Test
    void R_BILL_10_aLineThatEndsInItsActivationMonthPaysTheDaysItRan() {
        // live 10 to 19 November (the port-out on the 20th ends it): 10 of 30 days
        List<DayRange> live = List.of(new DayRange(d("2026-11-10"), d("2026-11-20")));
        assertThat(MonthlyCharge.amount(flat(d("2026-11-10"), PRICE), live, YearMonth.parse("2026-11")))
                .isEqualTo(3300);
    }

    @Test
    void R_POUT_05_aRevertedPortOutPaysTheDaysFromTheRevertWhenTheMonthWasNotPaid() {
        // ported out on 1 December (not live on the 1st), reverted on the 3rd: 29 of 31 days
        List<DayRange> live = List.of(new DayRange(d("2026-10-10"), d("2026-12-01")), DayRange.open(d("2026-12-03")));
        assertThat(MonthlyCharge.amount(flat(d("2026-10-10"), PRICE), live, YearMonth.parse("2026-12")))
                .isEqualTo(9261);
    }

    @Test
    void R_BILL_09_aChangeInsideAMonthCostsTheOldPlanToItAndTheNewFromIt() {
        PriceSchedule prices = PriceSchedule.of(
                List.of(
                        new Terms(d("2026-10-01"), "MOBILE_10GB", 9900, null, 1),
                        new Terms(d("2026-12-11"), "MOBILE_FREE_STREAMING", 24900, "c1", 2)),
                List.of());
        List<DayRange> live = List.of(DayRange.open(d("2026-10-01")));
        // 9900 for the month, then the 21 days from the 11th: credit 9900·21/31 = 6706.45, charge 24900·21/31
        long credit = MonthlyCharge.share(9900, 21, 31);
        long charge = MonthlyCharge.share(24900, 21, 31);
        assertThat(credit).isEqualTo(6706);
        assertThat(charge).isEqualTo(16868);
        assertThat(MonthlyCharge.amount(prices, live, YearMonth.parse("2026-12")))
                .as("the month costs what charging it, then crediting and charging the change, books")
                .isEqualTo(9900 - credit + charge);
    }

    @Test
    void R_BILL_02_R_SUB_11_theRestOfTheActivationMonthIsPricedByItsOwnDaysNotTheNextFirst() {
        // activated 10 November at 99 kr; the plan costs 129 kr from 20 November
        PriceSchedule prices = PriceSchedule.of(
                List.of(new Terms(d("2026-11-10"), "MOBILE_10GB", 9900, null, 1)),
                List.of(new PlanPrice("p1", "MOBILE_10GB", d("2026-11-20"), 12900, 1)));
        List<DayRange> live = List.of(DayRange.open(d("2026-11-10")));
        long expected = MonthlyCharge.share(9900, 21, 30)
                + MonthlyCharge.share(12900, 11, 30)
                - MonthlyCharge.share(9900, 11, 30);
        assertThat(MonthlyCharge.amount(prices, live, YearMonth.parse("2026-11")))
                .isEqualTo(expected)
                .isEqualTo(6930 + 4730 - 3630);
        assertThat(MonthlyCharge.amount(prices, live, YearMonth.parse("2026-12")))
                .isEqualTo(12900);
    }

    @Test
    void noDaysNoCharge() {
        assertThat(MonthlyCharge.billable(List.of(DayRange.open(d("2026-12-05"))), YearMonth.parse("2026-11")))
                .isEmpty();
        assertThat(MonthlyCharge.amount(
                        flat(d("2026-11-01"), 0), List.of(DayRange.open(d("2026-11-01"))), YearMonth.parse("2026-11")))
                .as("the Basic plan costs nothing a month")
                .isZero();
    }
}
