package dk.flyt.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BillingStateTest {
    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static BillingFact.Activated activated(long seq, String on) {
        return new BillingFact.Activated(seq, "a", "cust", "MOBILE_10GB", 9900, d(on), d("2027-04-01"));
    }

    @Test
    void R_POUT_02_aPortOutBeforeItsActivationEndsTheLineWhenTheActivationComes() {
        var portOut = new BillingFact.PortedOut(1, "p", "po1", d("2026-11-20"));
        assertThat(BillingState.derive("s", List.of(portOut)).status()).isEqualTo(BillingState.Status.UNKNOWN);
        BillingState s = BillingState.derive("s", List.of(portOut, activated(2, "2026-11-10")));
        assertThat(s.status()).isEqualTo(BillingState.Status.ENDED);
        assertThat(s.ranges()).containsExactly(new DayRange(d("2026-11-10"), d("2026-11-20")));
    }

    @Test
    void R_WDR_03_aWithdrawalBeforeTheActivationWaitsAndTheLineIsNeverLive() {
        var withdrawn = new BillingFact.Withdrawn(1, "w", "w1", "o1", d("2026-11-12"), 0, 0);
        BillingState s = BillingState.derive("s", List.of(withdrawn));
        assertThat(s.status()).isEqualTo(BillingState.Status.WITHDRAWN);
        assertThat(s.activated()).isFalse();
    }

    @Test
    void R_POUT_05_aRevertedPortOutIsLiveAgainFromTheRevert() {
        BillingState s = BillingState.derive(
                "s",
                List.of(
                        activated(1, "2026-10-01"),
                        new BillingFact.PortedOut(2, "p", "po1", d("2026-12-01")),
                        new BillingFact.PortOutReverted(3, "r", "po1", d("2026-12-03"))));
        assertThat(s.status()).isEqualTo(BillingState.Status.ACTIVE);
        assertThat(s.ranges())
                .containsExactly(new DayRange(d("2026-10-01"), d("2026-12-01")), DayRange.open(d("2026-12-03")));
        assertThat(s.portOuts()).singleElement().satisfies(p -> assertThat(p.reverted())
                .isTrue());
    }

    @Test
    void R_SUB_04_aCancelledPlanChangeHasNoTerms() {
        BillingState s = BillingState.derive(
                "s",
                List.of(
                        new BillingFact.PlanChangeCancelled(1, "x", "c1"),
                        activated(2, "2026-10-01"),
                        new BillingFact.PlanChanged(3, "y", "c1", "MOBILE_100GB", 14900, d("2026-12-01"))));
        assertThat(s.terms()).extracting(Terms::planCode).containsExactly("MOBILE_10GB");
    }

    @Test
    void R_SUB_09_theLineIsBilledToTheNewOwnerFromTheTransfer() {
        BillingState s = BillingState.derive(
                "s",
                List.of(
                        activated(1, "2026-10-01"),
                        new BillingFact.Transferred(2, "t", "cust", "other", d("2026-11-15"))));
        assertThat(s.ownerOn(d("2026-11-14"))).isEqualTo("cust");
        assertThat(s.ownerOn(d("2026-11-15"))).isEqualTo("other");
        assertThat(s.currentOwner()).isEqualTo("other");
        assertThat(s.allOwners()).containsExactlyInAnyOrder("cust", "other");
    }

    /** Whatever order the facts come in, the state is the same. */
    @RepeatedTest(20)
    void theStateDoesNotDependOnTheOrderTheFactsCameIn() {
        List<BillingFact> facts = new ArrayList<>(List.of(
                new BillingFact.Approved(1, "ap", "o1", "cust"),
                activated(2, "2026-10-01"),
                new BillingFact.PlanChanged(3, "pc", "c1", "MOBILE_100GB", 14900, d("2026-11-01")),
                new BillingFact.PortedOut(4, "p", "po1", d("2026-12-10")),
                new BillingFact.PortOutReverted(5, "r", "po1", d("2026-12-12")),
                new BillingFact.Ended(6, "e", d("2027-03-01"))));
        BillingState expected = BillingState.derive("s", facts);
        List<BillingFact> shuffled = new ArrayList<>(facts);
        Collections.shuffle(shuffled, new Random());
        assertThat(BillingState.derive("s", shuffled)).isEqualTo(expected);
        assertThat(expected.status()).isEqualTo(BillingState.Status.ENDED);
        assertThat(expected.ranges())
                .containsExactly(
                        new DayRange(d("2026-10-01"), d("2026-12-10")), new DayRange(d("2026-12-12"), d("2027-03-01")));
    }
}
