package dk.flyt.billing.application;

import static dk.flyt.billing.BillingDriver.activated;
import static dk.flyt.billing.BillingDriver.id;
import static dk.flyt.billing.BillingDriver.planChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dk.flyt.billing.BillingDriver;
import dk.flyt.billing.domain.MonthlyCharge;
import dk.flyt.billing.persistence.ChargeRunRepository;
import dk.flyt.contracts.subscription.SubscriptionEvents;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.testing.FlytTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The monthly charge run against the real PostgreSQL, in chunks of 3 (test configuration). A month's run happens
 * once for the whole database, so the tests run in business-time order, in years no other test class uses.
 */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChargeRunTest {
    @Inject
    ChargeRuns runs;

    @Inject
    ChargeRunRepository runRepository;

    @Inject
    BillingDriver billing;

    @Inject
    EntityManager em;

    record Sub(String id, String customer, long price, LocalDate activatedOn) {}

    private Sub subscription(long price, String activatedOn) {
        String id = id("sub");
        Sub sub = new Sub(id, "cust-" + id, price, LocalDate.parse(activatedOn));
        billing.deliver(activated(sub.id(), sub.customer(), "MOBILE_10GB", price, activatedOn, null));
        return sub;
    }

    private long month(Sub sub, String month) {
        return billing.month(sub.customer(), sub.id(), month);
    }

    private void awaitFinished(UUID id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> "FINISHED".equals(runRepository.findById(id).status)));
    }

    @AfterEach
    void everyEntryBelongsToAnAccount() {
        long orphans = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("""
                                        SELECT count(*) FROM ledger_entry e
                                        WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.customer_id = e.customer_id)
                                        """).getSingleResult()).longValue());
        assertThat(orphans)
                .as("ledger entries without an account (there is no foreign key)")
                .isZero();
    }

    @Test
    @Order(1)
    void R_BILL_01_R_BILL_02_R_BILL_08_aRunChargesEachDueSubscriptionOnceAtTheRightAmount() {
        billing.at("2033-02-28T12:00");
        List<Sub> due = List.of(
                subscription(9900, "2033-02-01"),
                subscription(9900, "2033-02-15"),
                subscription(14900, "2033-02-28"),
                subscription(24900, "2032-12-10"),
                subscription(12900, "2033-01-31"));
        billing.at("2033-03-01T03:00");
        Sub notYet = subscription(9900, "2033-03-01");

        UUID id = runs.start(YearMonth.parse("2033-03"));
        awaitFinished(id);

        for (Sub sub : due) {
            assertThat(month(sub, "2033-03")).as(sub.activatedOn().toString()).isEqualTo(-sub.price());
        }
        assertThat(month(due.get(0), "2033-02")).as("the whole of February").isEqualTo(-9900);
        assertThat(month(due.get(1), "2033-02")).as("14 of 28 days").isEqualTo(-4950);
        assertThat(month(due.get(2), "2033-02")).as("1 of 28 days").isEqualTo(-MonthlyCharge.share(14900, 1, 28));
        assertThat(month(due.get(3), "2032-12"))
                .as("R-BILL-10: learned late, December's rest was booked at once")
                .isEqualTo(-MonthlyCharge.share(24900, 22, 31));
        assertThat(month(notYet, "2033-03")).isZero();

        assertThat(runs.start(YearMonth.parse("2033-03")))
                .as("one run per month")
                .isEqualTo(id);
        for (Sub sub : due) {
            assertThat(billing.entries(sub.customer()))
                    .as("a second start charges nobody twice")
                    .filteredOn(e -> YearMonth.parse("2033-03").equals(e.month()))
                    .hasSize(1);
        }
    }

    @Test
    @Order(2)
    void R_BILL_08_aRunKilledHalfwayAndRestartedChargesEachSubscriptionExactlyOnce() {
        YearMonth month = YearMonth.parse("2033-05");
        billing.at("2033-04-10T12:00");
        List<Sub> due = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            due.add(subscription(9900 + i, "2033-01-0" + (1 + i % 9)));
        }
        billing.at("2033-05-01T03:00");
        ChargeRuns.Claim claim = QuarkusTransaction.requiringNew().call(() -> runs.claim(month));
        assertThat(claim.owned()).isTrue();
        assertThat(runs.runChunks(claim.id(), 2)).isEqualTo(2);
        // the replica dies here: nothing renews its lease any more, and it runs out
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE charge_run SET lease_until = now() - interval '1 second' WHERE id = :id")
                .setParameter("id", claim.id())
                .executeUpdate());
        int doneBefore = QuarkusTransaction.requiringNew().call(() -> runRepository.findById(claim.id()).done);
        assertThat(doneBefore).isEqualTo(6);

        assertThat(runs.start(month)).isEqualTo(claim.id());
        awaitFinished(claim.id());

        for (Sub sub : due) {
            assertThat(billing.entries(sub.customer()))
                    .as(sub.id())
                    .filteredOn(e -> month.equals(e.month()))
                    .extracting(BillingDriver.Entry::amount)
                    .containsExactly(-sub.price());
        }
        var run = QuarkusTransaction.requiringNew().call(() -> runRepository.findById(claim.id()));
        assertThat(run.done).isEqualTo(run.total);
    }

    @Test
    @Order(3)
    void anotherReplicaDoesNotTakeARunWhoseLeaseIsAlive() {
        YearMonth month = YearMonth.parse("2033-07");
        billing.at("2033-07-01T03:00");
        subscription(9900, "2033-01-10");
        ChargeRuns.Claim first = QuarkusTransaction.requiringNew().call(() -> runs.claim(month));
        ChargeRuns.Claim second = QuarkusTransaction.requiringNew().call(() -> runs.claim(month));
        assertThat(first.owned()).isTrue();
        assertThat(second.owned()).isFalse();
        assertThat(second.id()).isEqualTo(first.id());
        runs.runChunks(first.id(), Integer.MAX_VALUE);
    }

    @Test
    @Order(4)
    void R_SUB_03_R_SUB_04_theRunChargesThePlanPriceInForceOnTheFirst() {
        billing.at("2033-09-20T12:00");
        Sub changed = subscription(9900, "2033-01-10");
        Sub cancelled = subscription(9900, "2033-01-10");
        billing.deliver(planChanged(changed.id(), id("ch"), "MOBILE_100GB", 14900, "2033-10-01"));
        String change = id("ch");
        billing.deliver(planChanged(cancelled.id(), change, "MOBILE_100GB", 14900, "2033-10-01"));
        billing.deliver(new SubscriptionEvents.PlanChangeCancelled(cancelled.id(), change));

        billing.at("2033-10-01T03:00");
        awaitFinished(runs.start(YearMonth.parse("2033-10")));

        assertThat(month(changed, "2033-09")).isEqualTo(-9900);
        assertThat(month(changed, "2033-10"))
                .as("the new price from the month change")
                .isEqualTo(-14900);
        assertThat(month(cancelled, "2033-10"))
                .as("a cancelled change never took effect")
                .isEqualTo(-9900);
    }

    @Test
    @Order(5)
    void aRunForAMonthThatHasNotBegunIsRefused() {
        billing.at("2033-11-30T23:59");
        assertThatThrownBy(() -> runs.start(YearMonth.parse("2033-12")))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(422));
    }

    @Test
    @Order(6)
    void R_BILL_01_R_BILL_10_aMonthWhoseRunNeverHappenedIsRunBeforeTheNextOne() {
        billing.at("2034-01-15T12:00");
        Sub sub = subscription(9900, "2034-01-10");
        // nobody starts February's run (the service was down on the 1st); March's comes
        billing.at("2034-03-01T03:00");
        awaitFinished(runs.start(YearMonth.parse("2034-03")));
        assertThat(month(sub, "2034-01")).isEqualTo(-MonthlyCharge.share(9900, 22, 31));
        assertThat(month(sub, "2034-02")).isEqualTo(-9900);
        assertThat(month(sub, "2034-03")).isEqualTo(-9900);
    }
}
