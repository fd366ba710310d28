package dk.flyt.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceScheduleTest {
    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void R_SUB_03_R_SUB_11_aScheduledPlanChangeAndAPriceChangeInTheSameMonthBothHold() {
        // on MOBILE_10GB (99 kr); its price rises to 109 kr on 15 January; the customer moves to MOBILE_100GB on 1 Jan
        PriceSchedule prices = PriceSchedule.of(
                List.of(
                        new Terms(d("2026-10-01"), "MOBILE_10GB", 9900, null, 1),
                        new Terms(d("2027-01-01"), "MOBILE_100GB", 14900, "c1", 3)),
                List.of(new PlanPrice("p1", "MOBILE_10GB", d("2027-01-15"), 10900, 2)));
        assertThat(prices.priceOn(d("2026-12-31"))).isEqualTo(9900);
        assertThat(prices.priceOn(d("2027-01-01"))).isEqualTo(14900);
        assertThat(prices.priceOn(d("2027-01-20")))
                .as("the old plan's price change does not follow the customer to the new plan")
                .isEqualTo(14900);
        assertThat(prices.planOn(d("2027-01-20"))).isEqualTo("MOBILE_100GB");
    }

    @Test
    void R_SUB_11_aPriceChangeOfThePlanAppliesFromItsDateAlsoToALineActivatedAfterItWasAnnounced() {
        PriceSchedule prices = PriceSchedule.of(
                List.of(new Terms(d("2026-11-10"), "MOBILE_10GB", 9900, null, 5)),
                List.of(new PlanPrice("p1", "MOBILE_10GB", d("2026-12-15"), 10900, 1)));
        assertThat(prices.priceOn(d("2026-12-14"))).isEqualTo(9900);
        assertThat(prices.priceOn(d("2026-12-15"))).isEqualTo(10900);
        assertThat(prices.changePoints(d("2026-12-01"), d("2027-01-01"))).containsExactly(d("2026-12-15"));
    }

    @Test
    void R_SUB_11_aPriceChangeBeforeTheTermsStartIsAlreadyInTheirPriceAndOnTheirFirstDayTheAnnouncedPriceWins() {
        PriceSchedule prices = PriceSchedule.of(
                List.of(new Terms(d("2027-01-01"), "MOBILE_10GB", 10900, null, 5)),
                List.of(
                        new PlanPrice("old", "MOBILE_10GB", d("2026-06-01"), 9900, 1),
                        new PlanPrice("new", "MOBILE_10GB", d("2027-01-01"), 11900, 2)));
        assertThat(prices.priceOn(d("2027-01-01"))).isEqualTo(11900);
    }

    @Test
    void R_SUB_04_termsOfTheSameDayAreTakenInTheOrderBillingLearnedThem() {
        PriceSchedule prices = PriceSchedule.of(
                List.of(
                        new Terms(d("2027-01-01"), "MOBILE_100GB", 14900, "c1", 2),
                        new Terms(d("2027-01-01"), "MOBILE_10GB", 9900, "c2", 1)),
                List.of());
        assertThat(prices.planOn(d("2027-01-01"))).isEqualTo("MOBILE_100GB");
        assertThat(prices.termsOn(d("2026-12-31"))).isNull();
    }
}
