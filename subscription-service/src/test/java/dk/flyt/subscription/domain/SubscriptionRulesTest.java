package dk.flyt.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plan changes, cancellation, ownership transfer and withdrawal deadlines, as the rulebook states them. */
class SubscriptionRulesTest {
    static final Plan BASIC = new Plan("BASIC", "Basis", PlanType.MOBILE, 0, false, true);
    static final Plan M10 = new Plan("MOBILE_10GB", "10", PlanType.MOBILE, 9_900, false, false);
    static final Plan M100 = new Plan("MOBILE_100GB", "100", PlanType.MOBILE, 14_900, false, false);
    static final Plan STREAM = new Plan("STREAM", "Stream", PlanType.MOBILE, 24_900, true, false);
    static final Plan DATA = new Plan("DATA_50GB", "Data", PlanType.DATA_ONLY, 12_900, false, false);
    static final LocalDate MID_MONTH = LocalDate.parse("2026-11-16");

    static PlanChangeRules.Decision change(Plan from, Plan to, LocalDate binding, int thisMonth, String left) {
        return PlanChangeRules.decide(from, to, MID_MONTH, binding, thisMonth, left);
    }

    @Test
    void R_SUB_03_anOrdinaryChangeTakesEffectAtTheNextMonthChange() {
        assertThat(change(M100, M10, null, 0, null))
                .isEqualTo(new PlanChangeRules.Accepted(false, LocalDate.parse("2026-12-01")));
    }

    @Test
    void R_SUB_03_toStreamingOrAwayFromBasicIsImmediate() {
        assertThat(change(M10, STREAM, null, 0, null)).isEqualTo(new PlanChangeRules.Accepted(true, MID_MONTH));
        assertThat(change(BASIC, M10, null, 0, null)).isEqualTo(new PlanChangeRules.Accepted(true, MID_MONTH));
    }

    @Test
    void R_SUB_03_anImmediateChangeCannotBeRevertedToThePlanItLeft() {
        assertThat(change(STREAM, M10, null, 0, "MOBILE_10GB"))
                .isInstanceOfSatisfying(
                        PlanChangeRules.Refused.class, r -> assertThat(r.code()).isEqualTo("irreversible"));
    }

    @Test
    void R_SUB_02_atMostOneChangePerCalendarMonth() {
        assertThat(change(M10, M100, null, 1, null))
                .isInstanceOfSatisfying(
                        PlanChangeRules.Refused.class, r -> assertThat(r.code()).isEqualTo("once-per-month"));
    }

    @Test
    void R_SUB_05_duringBindingOnlyTheSameTypeAtTheSameOrAHigherPrice() {
        LocalDate bound = LocalDate.parse("2027-03-01");
        assertThat(change(M10, M100, bound, 0, null)).isInstanceOf(PlanChangeRules.Accepted.class);
        assertThat(change(M100, M10, bound, 0, null))
                .isInstanceOfSatisfying(
                        PlanChangeRules.Refused.class, r -> assertThat(r.code()).isEqualTo("binding"));
        assertThat(change(M10, DATA, bound, 0, null)).isInstanceOf(PlanChangeRules.Refused.class);
        // binding that has ended by the effective date no longer limits the change
        assertThat(change(M100, M10, LocalDate.parse("2026-12-01"), 0, null))
                .isInstanceOf(PlanChangeRules.Accepted.class);
    }

    @Test
    void theSamePlanIsNoChange() {
        assertThat(change(M10, M10, null, 0, null)).isInstanceOf(PlanChangeRules.Refused.class);
    }

    @ParameterizedTest(name = "R-SUB-07 notice {0}, binding to {1}, wish {2} -> ends {3}")
    @CsvSource({
        "2026-11-16, , , 2026-12-16", // no binding: 30 days' notice
        "2026-11-16, 2026-11-30, , 2026-12-16", // binding ends within the notice: notice wins
        "2026-11-16, 2027-03-01, , 2027-03-01", // binding: the earliest end is the end of binding
        "2027-01-30, 2027-03-01, , 2027-03-01", // exactly 30 days before the end of binding
        "2027-02-15, 2027-03-01, , 2027-03-17", // too late for the binding end: 30 days from notice
        "2026-11-16, , 2027-01-31, 2027-01-31", // a later wish is kept
        "2026-11-16, , 2026-11-20, 2026-12-16" // an earlier wish cannot shorten the notice
    })
    void R_SUB_07_theEndDate(LocalDate notice, LocalDate binding, LocalDate wish, LocalDate ends) {
        assertThat(CancellationRules.endDate(notice, binding, wish)).isEqualTo(ends);
    }

    @Test
    void R_SUB_09_noTransferDuringBindingNorToTheSameEmail() {
        LocalDate today = LocalDate.parse("2026-11-22");
        assertThat(OwnershipTransferRules.check(today, LocalDate.parse("2027-01-01"), "a@x.dk", "b@x.dk"))
                .extracting(Violation::field)
                .containsExactly("subscription");
        assertThat(OwnershipTransferRules.check(today, null, "A@X.dk", "a@x.DK"))
                .extracting(Violation::field)
                .containsExactly("newOwner.email");
        assertThat(OwnershipTransferRules.check(today, today, "a@x.dk", "b@x.dk"))
                .isEmpty();
        assertThat(OwnershipTransferRules.ACCEPTANCE_WINDOW).hasHours(48);
    }

    @ParameterizedTest(name = "R-WDR-07 accepted {0} -> deadline {1}")
    @CsvSource({
        "2026-11-02, 2026-11-16", // a Monday: 14 days later is a Monday
        "2026-11-07, 2026-11-23", // ends on Saturday 21 Nov -> Monday 23 Nov
        "2026-03-22, 2026-04-07", // ends Easter Sunday 5 Apr -> Easter Monday too -> Tuesday 7 Apr
        "2026-12-10, 2026-12-28", // ends Christmas Eve -> 25, 26 holidays, 27 Sunday -> Monday 28 Dec
        "2026-12-17, 2027-01-04", // ends New Year's Eve (Thursday) -> 1 Jan holiday, weekend -> Monday 4 Jan
        "2026-05-22, 2026-06-08" // ends Friday 5 June (Constitution Day) -> weekend -> Monday 8 June
    })
    void R_WDR_01_R_WDR_07_theDeadlineShownToTheCustomer(LocalDate accepted, LocalDate deadline) {
        assertThat(WithdrawalRules.deadline(accepted, false, null)).contains(deadline);
    }

    @Test
    void R_WDR_01_withADeviceThePeriodRunsFromItsReceipt() {
        LocalDate accepted = LocalDate.parse("2026-11-02");
        assertThat(WithdrawalRules.deadline(accepted, true, null)).isEmpty();
        assertThat(WithdrawalRules.inTime(accepted, true, null, LocalDate.parse("2026-12-30")))
                .isTrue();
        assertThat(WithdrawalRules.deadline(accepted, true, LocalDate.parse("2026-11-09")))
                .contains(LocalDate.parse("2026-11-23"));
        assertThat(WithdrawalRules.inTime(accepted, false, null, LocalDate.parse("2026-11-17")))
                .isFalse();
    }

    @ParameterizedTest(name = "R-ORD-05 ordered {0} -> decided by {1}")
    @CsvSource({
        "2026-11-23, 2026-12-07", // two plain weeks
        "2026-12-18, 2027-01-05", // over 24-26 Dec (25, 26 holidays) and 1 Jan
        "2026-03-30, 2026-04-16" // over Easter (2, 3 and 6 April)
    })
    void R_ORD_05_anOrderIsDecidedWithinTenWorkingDays(LocalDate ordered, LocalDate dueBy) {
        assertThat(OrderDecision.dueBy(ordered)).isEqualTo(dueBy);
    }

    @Test
    void R_ORD_05_anUnansweredCreditCheckIsRefusedBeforeTheOrderWouldBind() {
        LocalDate ordered = LocalDate.parse("2026-11-23");
        assertThat(OrderDecision.mayWaitLonger(ordered, ordered, 1, 6)).isTrue();
        assertThat(OrderDecision.mayWaitLonger(ordered, ordered, 6, 6)).isFalse();
        assertThat(OrderDecision.mayWaitLonger(ordered, LocalDate.parse("2026-12-06"), 2, 6))
                .isFalse();
    }

    @Test
    void R_SUB_11_aRiseIsAnnouncedAMonthAheadACutNeedsNoNotice() {
        LocalDate today = LocalDate.parse("2026-11-16");
        assertThat(TermsChangeRules.validate(9_900, 10_900, today, LocalDate.parse("2026-12-15")))
                .extracting(Violation::field)
                .containsExactly("effectiveOn");
        assertThat(TermsChangeRules.validate(9_900, 10_900, today, LocalDate.parse("2026-12-16")))
                .isEmpty();
        assertThat(TermsChangeRules.validate(9_900, 8_900, today, today)).isEmpty();
        assertThat(TermsChangeRules.validate(9_900, -1, today, today))
                .extracting(Violation::field)
                .containsExactly("newPrice");
    }

    @Test
    void R_SUB_11_withinAMonthOfARiseTheCustomerMayLeaveByItsDateEvenWhenBound() {
        LocalDate announced = LocalDate.parse("2026-11-16");
        LocalDate effective = LocalDate.parse("2027-01-01");
        LocalDate boundUntil = LocalDate.parse("2027-05-01");
        assertThat(TermsChangeRules.cancellationEnd(
                        false, announced, effective, LocalDate.parse("2026-12-10"), boundUntil))
                .contains(effective);
        // after the month the ordinary rules apply again
        assertThat(TermsChangeRules.cancellationEnd(
                        false, announced, effective, LocalDate.parse("2026-12-17"), boundUntil))
                .isEmpty();
        // a favourable change gives no such right, and an earlier ordinary end stays
        assertThat(TermsChangeRules.cancellationEnd(
                        true, announced, effective, LocalDate.parse("2026-12-10"), boundUntil))
                .isEmpty();
        assertThat(TermsChangeRules.cancellationEnd(
                        false, announced, effective, LocalDate.parse("2026-11-20"), LocalDate.parse("2026-12-20")))
                .isEmpty();
    }

    @Test
    void R_WDR_02_aPurchaseWithADeviceIsWithdrawnAsAWhole() {
        assertThat(WithdrawalRules.partAllowed(true, Set.of(1), Set.of(1, 2))).isFalse();
        assertThat(WithdrawalRules.partAllowed(true, Set.of(1, 2), Set.of(1, 2)))
                .isTrue();
        assertThat(WithdrawalRules.partAllowed(false, Set.of(1), Set.of(1, 2))).isTrue();
    }

    @Test
    void R_SUB_10_aBlockedLineIsStillTheCustomersWhileAPendingOrEndedOneIsNot() {
        // blocked: only 112 reachable, but the line is held, can be cancelled and charged (R-SUB-10)
        assertThat(SubscriptionStatus.BLOCKED.isLive()).isTrue();
        assertThat(SubscriptionStatus.ACTIVE.isLive()).isTrue();
        assertThat(SubscriptionStatus.PENDING.isLive())
                .as("not yet activated (R-SUB-01)")
                .isFalse();
        assertThat(SubscriptionStatus.ENDED.isLive()).isFalse();
    }
}
