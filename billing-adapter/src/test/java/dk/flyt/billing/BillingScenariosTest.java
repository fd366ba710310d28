package dk.flyt.billing;

import static dk.flyt.billing.BillingDriver.activated;
import static dk.flyt.billing.BillingDriver.approved;
import static dk.flyt.billing.BillingDriver.ended;
import static dk.flyt.billing.BillingDriver.id;
import static dk.flyt.billing.BillingDriver.line;
import static dk.flyt.billing.BillingDriver.planChanged;
import static dk.flyt.billing.BillingDriver.portedOut;
import static dk.flyt.billing.BillingDriver.priceChange;
import static dk.flyt.billing.BillingDriver.reverted;
import static dk.flyt.billing.BillingDriver.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;

import dk.flyt.billing.application.ChargeRuns;
import dk.flyt.billing.application.Collections;
import dk.flyt.billing.application.Complaints;
import dk.flyt.billing.application.Ledger;
import dk.flyt.billing.domain.EntryKind;
import dk.flyt.billing.domain.MonthlyCharge;
import dk.flyt.billing.provider.SimulatedPaymentProvider;
import dk.flyt.contracts.porting.PortingEvents;
import dk.flyt.contracts.subscription.SubscriptionEvents;
import dk.flyt.testing.FlytTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sequences an audit of every money path found wrong (issue #10), each over the real database through the path
 * the consumers take. Each test names the rule it proves. Plans with price changes get their own codes: a plan's
 * price change applies to every line on it. The tests share one database and one business clock, and a month's
 * charge run happens once, as in production: so they run in business-time order, each in months of its own.
 */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BillingScenariosTest {
    @Inject
    BillingDriver billing;

    @Inject
    ChargeRuns runs;

    @Inject
    Collections collections;

    @Inject
    Complaints complaints;

    @Inject
    SimulatedPaymentProvider provider;

    @Inject
    Ledger ledger;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry metrics;

    private static String plan() {
        return id("PLAN");
    }

    private long settlements(String customer) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                                "SELECT count(*) FROM account_settlement WHERE customer_id = :c AND reversed_at IS NULL")
                        .setParameter("c", customer)
                        .getSingleResult())
                .longValue());
    }

    @Test
    @Order(1)
    void R_BILL_10_R_BILL_02_aLineActivatedAt2358OnTheLastDayAndLearnedAfterTheRunIsChargedAtOnce() {
        String c = id("cust");
        String s = id("sub");
        billing.at("2029-01-01T03:00");
        runs.runNow(YearMonth.parse("2029-01"));
        billing.at("2029-01-01T03:05");
        billing.deliver(activated(s, c, "MOBILE_10GB", 9900, "2028-12-31", null));

        assertThat(billing.month(c, s, "2028-12")).as("1 of 31 days").isEqualTo(-MonthlyCharge.share(9900, 1, 31));
        assertThat(billing.month(c, s, "2029-01")).isEqualTo(-9900);
    }

    @Test
    @Order(2)
    void R_BILL_10_aPortThatCompletedLateAndWasBackDatedIsChargedForEveryMonthMissedAtOnce() {
        String c = id("cust");
        String s = id("sub");
        billing.at("2029-03-20T10:00");
        billing.deliver(activated(s, c, "MOBILE_10GB", 9900, "2029-01-15", null));
        assertThat(billing.entries(c))
                .extracting(BillingDriver.Entry::cause, BillingDriver.Entry::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "charge:" + s + ":2029-01", -MonthlyCharge.share(9900, 17, 31)),
                        org.assertj.core.groups.Tuple.tuple("charge:" + s + ":2029-02", -9900L),
                        org.assertj.core.groups.Tuple.tuple("charge:" + s + ":2029-03", -9900L));
    }

    @Test
    @Order(3)
    void R_SUB_03_R_SUB_11_aScheduledPlanChangeAndAPriceChangeInTheSameMonthBothHold() {
        String c = id("cust");
        String s = id("sub");
        String oldPlan = plan();
        String newPlan = plan();
        billing.at("2029-04-01T10:00");
        billing.deliver(activated(s, c, oldPlan, 9900, "2029-04-01", null));
        billing.at("2029-04-20T10:00");
        billing.deliver(priceChange(id("pc"), oldPlan, 10900, "2029-04-20", "2029-05-20"));
        billing.deliver(planChanged(s, id("ch"), newPlan, 14900, "2029-05-01"));
        billing.deliver(priceChange(id("pc"), newPlan, 15900, "2029-04-20", "2029-06-01"));

        billing.at("2029-05-01T03:00");
        runs.runNow(YearMonth.parse("2029-05"));
        billing.at("2029-06-01T03:00");
        runs.runNow(YearMonth.parse("2029-06"));

        assertThat(billing.month(c, s, "2029-05"))
                .as("the new plan from the month change; the old plan's price change does not follow the line")
                .isEqualTo(-14900);
        assertThat(billing.month(c, s, "2029-06"))
                .as("the new plan's own price change")
                .isEqualTo(-15900);
    }

    @Test
    @Order(4)
    void R_SUB_11_aPriceChangeAnnouncedBeforeTheLineIsActiveAppliesFromItsDate() {
        String c = id("cust");
        String s = id("sub");
        String p = plan();
        billing.at("2029-07-05T10:00");
        billing.deliver(approved(id("order"), c, 0, s));
        billing.deliver(priceChange(id("pc"), p, 12900, "2029-07-05", "2029-08-10"));
        billing.at("2029-07-20T10:00");
        billing.deliver(activated(s, c, p, 9900, "2029-07-20", null));
        billing.at("2029-08-01T03:00");
        runs.runNow(YearMonth.parse("2029-08"));
        billing.at("2029-09-01T03:00");
        runs.runNow(YearMonth.parse("2029-09"));

        assertThat(billing.month(c, s, "2029-07")).isEqualTo(-MonthlyCharge.share(9900, 12, 31));
        assertThat(billing.month(c, s, "2029-08"))
                .as("99 kr on the 1st, 129 kr from the 10th")
                .isEqualTo(-(9900 + MonthlyCharge.share(12900, 22, 31) - MonthlyCharge.share(9900, 22, 31)));
        assertThat(billing.month(c, s, "2029-09")).isEqualTo(-12900);
    }

    @Test
    @Order(5)
    void R_BILL_02_R_SUB_11_theRestOfTheActivationMonthIsPricedByItsOwnDays() {
        String c = id("cust");
        String s = id("sub");
        String p = plan();
        billing.at("2029-10-01T10:00");
        billing.deliver(priceChange(id("pc"), p, 12900, "2029-09-15", "2029-10-20"));
        billing.deliver(activated(s, c, p, 9900, "2029-10-10", null));
        billing.at("2029-11-01T03:00");
        runs.runNow(YearMonth.parse("2029-11"));

        assertThat(billing.month(c, s, "2029-10"))
                .as("10-19 October at 99 kr, 20-31 October at 129 kr, not all at November's price")
                .isEqualTo(-(MonthlyCharge.share(9900, 22, 31)
                        + MonthlyCharge.share(12900, 12, 31)
                        - MonthlyCharge.share(9900, 12, 31)));
        assertThat(billing.month(c, s, "2029-11")).isEqualTo(-12900);
    }

    @Test
    @Order(6)
    void R_SUB_04_R_BILL_09_aCancelledScheduledChangeGivesItsFeeBack() {
        String c = id("cust");
        String s = id("sub");
        String change = id("ch");
        billing.at("2029-11-15T10:00");
        billing.deliver(activated(s, c, "MOBILE_10GB", 9900, "2029-11-01", null));
        billing.deliver(planChanged(s, change, "MOBILE_100GB", 14900, "2029-12-01"));
        billing.deliver(new SubscriptionEvents.PlanChangeCancelled(s, change));
        var byCause = billing.byCause(c);
        assertThat(byCause.get("plan-change-fee:" + change)).isEqualTo(-2900);
        assertThat(byCause.get("plan-change-fee-reversal:" + change)).isEqualTo(2900);
    }

    @Test
    @Order(7)
    void R_BILL_09_anImmediateChangeCreditsTheOldPlansUnusedDaysChargesTheNewPlansAndItsFee() {
        String c = id("cust");
        String s = id("sub");
        String change = id("ch");
        billing.at("2029-12-01T10:00");
        billing.deliver(activated(s, c, "MOBILE_10GB", 9900, "2029-10-01", null));
        assertThat(billing.month(c, s, "2029-12")).isEqualTo(-9900);
        billing.at("2029-12-11T10:00");
        billing.deliver(planChanged(s, change, "MOBILE_FREE_STREAMING", 24900, "2029-12-11"));

        var byCause = billing.byCause(c);
        assertThat(byCause.get("plan-change-credit:" + change)).isEqualTo(MonthlyCharge.share(9900, 21, 31));
        assertThat(byCause.get("plan-change-charge:" + change)).isEqualTo(-MonthlyCharge.share(24900, 21, 31));
        assertThat(byCause.get("plan-change-fee:" + change))
                .as("the price list's plan-change fee (29 kr in the test configuration; 0 kr by default)")
                .isEqualTo(-2900);
        billing.at("2030-01-01T03:00");
        runs.runNow(YearMonth.parse("2030-01"));
        assertThat(billing.month(c, s, "2030-01")).isEqualTo(-24900);
    }

    @Test
    @Order(8)
    void R_POUT_05_R_POUT_04_R_BILL_07_aRevertedPortOutResumesBillingAndTakesBackItsBindingFeesAndWriteOff() {
        String c = id("cust");
        String s = id("sub");
        String portOut = id("po");
        billing.at("2030-02-01T10:00");
        billing.deliver(activated(s, c, "MOBILE_10GB", 9900, "2029-12-01", "2030-06-01"));
        billing.at("2030-02-10T10:00");
        billing.deliver(new PortingEvents.CompensationGranted(id("comp"), c, "DELAYED_PORT", 58_400, "case", null));
        billing.deliver(portedOut(portOut, s, c, "2030-02-10"));
        // December, January, February paid; March, April and May owed for the binding; 1000 øre left: written off
        var afterPortOut = billing.byCause(c);
        assertThat(afterPortOut.get("binding:" + s + ":" + portOut)).isEqualTo(-29_700);
        assertThat(afterPortOut.get("settlement:" + c + ":1")).isEqualTo(1_000);
        assertThat(billing.balance(c)).isZero();

        billing.at("2030-02-12T10:00");
        billing.deliver(reverted(portOut, s, c, "2030-02-12"));
        var afterRevert = billing.byCause(c);
        assertThat(afterRevert.get("binding-reversal:" + s + ":" + portOut)).isEqualTo(29_700);
        assertThat(afterRevert.get("settlement-reversal:" + c + ":1")).isEqualTo(-1_000);
        assertThat(settlements(c)).isZero();
        billing.at("2030-03-01T03:00");
        runs.runNow(YearMonth.parse("2030-03"));
        assertThat(billing.month(c, s, "2030-03"))
                .as("billed again from the revert")
                .isEqualTo(-9900);
    }

    @Test
    @Order(9)
    void R_WDR_03_R_WDR_04_twoPartialWithdrawalsEachRefundTheirLineTheCreationFeeOnceAndTheLimitsPerLine() {
        String c = id("cust");
        String order = id("order");
        String s1 = id("sub");
        String s2 = id("sub");
        billing.at("2030-04-10T10:00");
        billing.deliver(approved(order, c, 9900, s1, s2));
        billing.deliver(activated(s1, c, "MOBILE_10GB", 9900, "2030-04-10", null));
        billing.deliver(activated(s2, c, "MOBILE_10GB", 9900, "2030-04-10", null));
        billing.at("2030-05-01T03:00");
        runs.runNow(YearMonth.parse("2030-05"));
        long paid = MonthlyCharge.share(9900, 21, 30) + 9900;
        assertThat(billing.month(c, s1, "2030-04") + billing.month(c, s1, "2030-05"))
                .isEqualTo(-paid);

        billing.at("2030-05-03T10:00");
        billing.deliver(withdrawn(order, c, "2030-05-03", line(s1, 7201, 0)));
        long kept = MonthlyCharge.share(9900, 21, 30) + MonthlyCharge.share(9900, 3, 31);
        assertThat(billing.byCause(c).get("withdrawal:" + s1))
                .as("s1 used over 2 hours: the fee for 10 April to 3 May is kept")
                .isEqualTo(paid - kept);
        assertThat(billing.byCause(c)).doesNotContainKey("creation-fee-refund:" + order);

        billing.at("2030-05-05T10:00");
        billing.deliver(withdrawn(order, c, "2030-05-05", line(s2, 60, 100)));
        var byCause = billing.byCause(c);
        assertThat(byCause.get("withdrawal:" + s2))
                .as("s2 stayed within the limits: everything back")
                .isEqualTo(paid);
        assertThat(byCause.get("creation-fee-refund:" + order)).isEqualTo(9900);
        assertThat(billing.balance(c)).isEqualTo(-kept);
    }

    @Test
    @Order(10)
    void R_WDR_04_keptDayFeesBeyondWhatWasPaidAreCharged() {
        String c = id("cust");
        String order = id("order");
        String s = id("sub");
        billing.at("2030-06-25T10:00");
        billing.deliver(approved(order, c, 0, s));
        billing.deliver(activated(s, c, "MOBILE_10GB", 9900, "2030-06-25", null));
        billing.at("2030-06-30T10:00");
        billing.deliver(withdrawn(order, c, "2030-06-30", line(s, 0, 3000)));
        assertThat(billing.byCause(c).get("withdrawal:" + s))
                .as("nothing paid yet; 25 to 30 June over 2 GB: 6 of 30 days charged")
                .isEqualTo(-MonthlyCharge.share(9900, 6, 30));
    }

    @Test
    @Order(11)
    void R_WDR_03_aWithdrawalBeforeItsActivationLeavesTheLineWithdrawnAndUncharged() {
        String c = id("cust");
        String order = id("order");
        String s = id("sub");
        billing.at("2030-07-01T10:00");
        billing.deliver(approved(order, c, 9900, s));
        billing.deliver(withdrawn(order, c, "2030-07-01", line(s, 0, 0)));
        billing.deliver(activated(s, c, "MOBILE_10GB", 9900, "2030-07-01", null));
        billing.at("2030-08-01T03:00");
        runs.runNow(YearMonth.parse("2030-08"));
        assertThat(billing.entries(c))
                .extracting(BillingDriver.Entry::cause)
                .containsExactly("creation-fee:" + order, "creation-fee-refund:" + order);
        assertThat(billing.balance(c)).isZero();
    }

    @Test
    @Order(12)
    void R_POUT_02_R_POUT_04_aPortOutThatOvertakesItsActivationIsSettledWhenTheActivationComes() {
        String c = id("cust");
        String s = id("sub");
        String portOut = id("po");
        billing.at("2030-09-15T10:00");
        billing.deliver(portedOut(portOut, s, c, "2030-09-15"));
        assertThat(billing.entries(c)).isEmpty();
        assertThat(settlements(c)).as("not while the line is unknown").isZero();
        billing.deliver(activated(s, c, "MOBILE_10GB", 9900, "2030-08-01", "2030-12-01"));
        var byCause = billing.byCause(c);
        assertThat(byCause.get("charge:" + s + ":2030-08")).isEqualTo(-9900);
        assertThat(byCause.get("charge:" + s + ":2030-09")).isEqualTo(-9900);
        assertThat(byCause.get("binding:" + s + ":" + portOut))
                .as("October and November")
                .isEqualTo(-19_800);
        assertThat(settlements(c)).isEqualTo(1);
    }

    @Test
    @Order(13)
    void R_BILL_07_noSettlementWhileALineIsPendingThenOnceTheLastEndsWhateverWay() {
        String c = id("cust");
        String order = id("order");
        String live = id("sub");
        String pending = id("sub");
        billing.at("2030-10-01T10:00");
        billing.deliver(approved(order, c, 0, live, pending));
        billing.deliver(activated(live, c, "MOBILE_10GB", 9900, "2030-10-01", null));
        billing.at("2030-10-20T10:00");
        billing.deliver(ended(live, c, "2030-10-20"));
        assertThat(settlements(c)).as("the other line is still pending").isZero();
        billing.deliver(withdrawn(order, c, "2030-10-20", line(pending, 0, 0)));
        assertThat(settlements(c))
                .as("settled once the pending line was withdrawn")
                .isEqualTo(1);
    }

    @Test
    @Order(14)
    void R_BILL_10_aLinePortedOutInItsActivationMonthPaysTheDaysItRan() {
        String c = id("cust");
        String s = id("sub");
        billing.at("2030-11-10T10:00");
        billing.deliver(activated(s, c, "MOBILE_10GB", 9900, "2030-11-10", null));
        billing.at("2030-11-20T10:00");
        billing.deliver(portedOut(id("po"), s, c, "2030-11-20"));
        assertThat(billing.month(c, s, "2030-11")).isEqualTo(-3300);
        assertThat(settlements(c)).isEqualTo(1);
    }

    @Test
    @Order(15)
    void R_BILL_07_R_SUB_09_theOldOwnerIsSettledWhenTheirLastLineIsTransferred() {
        String from = id("cust");
        String to = id("cust");
        String s = id("sub");
        billing.at("2030-12-05T10:00");
        billing.deliver(activated(s, from, "MOBILE_10GB", 9900, "2030-11-01", null));
        billing.deliver(new SubscriptionEvents.OwnershipTransferred(s, from, to, LocalDate.parse("2030-12-05")));
        assertThat(settlements(from)).isEqualTo(1);
        assertThat(settlements(to)).isZero();
        billing.at("2031-01-01T03:00");
        runs.runNow(YearMonth.parse("2031-01"));
        assertThat(billing.month(to, s, "2031-01"))
                .as("billed to the new owner")
                .isEqualTo(-9900);
        assertThat(billing.month(from, s, "2031-01")).isZero();
    }

    @Test
    @Order(16)
    void R_CMPL_01_aComplaintIsAcknowledgedWithin14DaysDecidedWithin3Or6MonthsAndItsAmountIsNotCollected() {
        String c = id("cust");
        billing.at("2031-02-01T10:00");
        ledger.open(c);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("UPDATE account SET automatic_payment = FALSE WHERE customer_id = :c")
                        .setParameter("c", c)
                        .executeUpdate());
        ledger.post(c, EntryKind.CHARGE, -9900, "Monthly fee", "test-fee:" + c, null);
        Complaints.Complaint complaint = complaints.open(null, c, 9900, "charged twice", false, "agent-1");
        assertThat(complaint.acknowledgeBy()).isEqualTo(java.time.Instant.parse("2031-02-15T09:00:00Z"));
        assertThat(complaint.decideBy()).isEqualTo(java.time.Instant.parse("2031-05-01T08:00:00Z"));

        collections.sweep();
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery("SELECT notice_sent_on FROM account WHERE customer_id = :c")
                                .setParameter("c", c)
                                .getResultList()))
                .as("the disputed amount is not collected: no notice")
                .containsOnlyNulls();

        billing.at("2031-02-16T10:00");
        complaints.checkDeadlines();
        assertThat(complaints.overdue()).extracting(Complaints.Complaint::id).contains(complaint.id());
        assertThat(metrics.get("flyt.billing.complaints.overdue").gauge().value())
                .isGreaterThanOrEqualTo(1);
        complaints.acknowledge(c, complaint.id(), "agent-1");

        billing.at("2031-05-02T10:00");
        complaints.checkDeadlines();
        assertThat(complaints.overdue()).extracting(Complaints.Complaint::id).contains(complaint.id());
        complaints.markSpecial(c, complaint.id());
        assertThat(complaints.overdue()).extracting(Complaints.Complaint::id).doesNotContain(complaint.id());

        Complaints.Complaint decided = complaints.decide(c, complaint.id(), Complaints.Outcome.UPHELD, null, "agent-1");
        assertThat(decided.outcome()).isEqualTo("UPHELD");
        assertThat(ledger.balance(c)).isZero();
        assertThat(billing.byCause(c)).containsEntry("complaint:" + complaint.id(), 9900L);
    }

    @Test
    @Order(17)
    void R_CMPL_01_aRejectedComplaintReleasesTheAmountToCollection() {
        String c = id("cust");
        billing.at("2031-06-01T10:00");
        ledger.open(c);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("UPDATE account SET automatic_payment = FALSE WHERE customer_id = :c")
                        .setParameter("c", c)
                        .executeUpdate());
        ledger.post(c, EntryKind.CHARGE, -9900, "Monthly fee", "test-fee:" + c, null);
        Complaints.Complaint complaint = complaints.open(null, c, 9900, "too high", false, "agent-1");
        complaints.decide(c, complaint.id(), Complaints.Outcome.REJECTED, null, "agent-1");
        collections.sweep();
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery("SELECT notice_sent_on FROM account WHERE customer_id = :c")
                                .setParameter("c", c)
                                .getResultList()))
                .as("collected again: a notice")
                .doesNotContainNull();
        assertThat(List.of(ledger.balance(c))).containsExactly(-9900L);
    }

    @Test
    @Order(18)
    void R_BILL_04_theTopUpCollectsEveryNewShortfallMonthAfterMonth() {
        String c = id("cust");
        String ref = "card-" + c;
        billing.at("2031-07-01T10:00");
        ledger.open(c);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE account SET payment_method = 'CARD', payment_ref = :r WHERE customer_id = :c")
                .setParameter("r", ref)
                .setParameter("c", c)
                .executeUpdate());
        for (int month = 1; month <= 3; month++) {
            ledger.post(c, EntryKind.CHARGE, -14900, "Monthly fee", "test-month:" + c + ":" + month, null);
            collections.sweep();
            assertThat(ledger.balance(c)).as("month " + month).isEqualTo(10_000);
        }
        assertThat(provider.taken(ref)).isEqualTo(24_900 + 14_900 + 14_900);
        assertThat(billing.byCause(c)).containsKeys("top-up:" + c + ":1", "top-up:" + c + ":2", "top-up:" + c + ":3");
    }

    @Test
    @Order(19)
    void R_BILL_04_aTopUpTheProviderDidNotAnswerIsAskedAgainWithTheSameKeyAndAmount() {
        String c = id("cust");
        String ref = "card-" + c;
        billing.at("2031-07-01T10:00");
        ledger.open(c);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE account SET payment_method = 'CARD', payment_ref = :r WHERE customer_id = :c")
                .setParameter("r", ref)
                .setParameter("c", c)
                .executeUpdate());
        ledger.post(c, EntryKind.CHARGE, -4900, "Monthly fee", "test-fee:" + c, null);
        provider.behave(ref, SimulatedPaymentProvider.Behaviour.UNAVAILABLE);
        collections.sweep();
        ledger.post(c, EntryKind.USAGE, -100, "usage", "test-usage:" + c, null);
        provider.behave(ref, SimulatedPaymentProvider.Behaviour.APPROVE);
        collections.sweep();
        assertThat(billing.byCause(c).get("top-up:" + c + ":1"))
                .as("the amount asked for the first time, under its key")
                .isEqualTo(14_900);
        assertThat(billing.byCause(c)).doesNotContainKey("top-up:" + c + ":2");
        assertThat(ledger.balance(c)).isEqualTo(9_900);
    }
}
