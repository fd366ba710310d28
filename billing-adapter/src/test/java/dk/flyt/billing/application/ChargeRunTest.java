package dk.flyt.billing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.flyt.billing.domain.ProRata;
import dk.flyt.billing.persistence.BillableSubscriptionEntity;
import dk.flyt.billing.persistence.BillableSubscriptionRepository;
import dk.flyt.billing.persistence.ChargeRunRepository;
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
import org.junit.jupiter.api.Test;

/** The monthly charge run against the real PostgreSQL, in chunks of 3 (test configuration). */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class ChargeRunTest {
    @Inject
    ChargeRuns runs;

    @Inject
    ChargeRunRepository runRepository;

    @Inject
    BillableSubscriptionRepository subscriptions;

    @Inject
    Ledger ledger;

    @Inject
    EntityManager em;

    record Sub(String id, long price, LocalDate activatedOn) {}

    private Sub subscription(long price, String activatedOn) {
        Sub sub = new Sub("sub-" + UUID.randomUUID(), price, LocalDate.parse(activatedOn));
        String customer = "cust-" + sub.id();
        ledger.open(customer);
        QuarkusTransaction.requiringNew().run(() -> {
            BillableSubscriptionEntity s = new BillableSubscriptionEntity();
            s.subscriptionId = sub.id();
            s.customerId = customer;
            s.planCode = "MOBILE_10GB";
            s.monthlyPriceOre = price;
            s.activatedOn = sub.activatedOn();
            s.status = "ACTIVE";
            subscriptions.persist(s);
        });
        return sub;
    }

    private List<Long> charges(Sub sub, YearMonth month) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT amount_ore FROM ledger_entry WHERE subscription_id = :s AND period_month = :m",
                        Long.class)
                .setParameter("s", sub.id())
                .setParameter("m", month.atDay(1))
                .getResultList());
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
    void R_BILL_01_R_BILL_02_R_BILL_08_aRunChargesEachDueSubscriptionOnceAtTheRightAmount() {
        YearMonth month = YearMonth.parse("2027-03");
        List<Sub> due = List.of(
                subscription(9900, "2027-02-01"),
                subscription(9900, "2027-02-15"),
                subscription(14900, "2027-02-28"),
                subscription(24900, "2026-12-10"),
                subscription(12900, "2027-01-31"));
        Sub notYet = subscription(9900, "2027-03-05");

        UUID id = runs.start(month);
        awaitFinished(id);

        for (Sub sub : due) {
            assertThat(charges(sub, month))
                    .as(sub.activatedOn().toString())
                    .containsExactly(-ProRata.chargeFor(month, sub.price(), sub.activatedOn()));
        }
        assertThat(charges(due.get(1), month)).containsExactly(-(9900L + 4950L));
        assertThat(charges(notYet, month)).isEmpty();

        assertThat(runs.start(month)).as("one run per month").isEqualTo(id);
        for (Sub sub : due) {
            assertThat(charges(sub, month))
                    .as("a second start charges nobody twice")
                    .hasSize(1);
        }
    }

    @Test
    void R_BILL_08_aRunKilledHalfwayAndRestartedChargesEachSubscriptionExactlyOnce() {
        YearMonth month = YearMonth.parse("2027-05");
        List<Sub> due = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            due.add(subscription(9900 + i, "2027-01-0" + (1 + i % 9)));
        }
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
            assertThat(charges(sub, month)).as(sub.id()).containsExactly(-(9900L + (due.indexOf(sub))));
        }
        var run = QuarkusTransaction.requiringNew().call(() -> runRepository.findById(claim.id()));
        assertThat(run.done).isEqualTo(run.total);
    }

    @Inject
    dk.flyt.platform.time.MutableClock clock;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    private void planEvent(String type, String subscriptionId, Object payload) throws Exception {
        dk.flyt.testing.KafkaTestClient.send(
                dk.flyt.contracts.Topics.SUBSCRIPTION_EVENTS,
                subscriptionId,
                json.writeValueAsString(payload),
                java.util.Map.of(
                        "ce_specversion", "1.0",
                        "ce_id", UUID.randomUUID().toString(),
                        "ce_type", type,
                        "ce_source", "/test",
                        "content-type", "application/json"));
    }

    @Test
    void R_SUB_03_R_SUB_04_theRunChargesThePlanPriceInForceOnTheFirst() throws Exception {
        clock.set(java.time.Instant.parse("2026-11-22T12:00:00Z"));
        Sub changed = subscription(9900, "2027-01-10");
        Sub cancelled = subscription(9900, "2027-01-10");
        planEvent(
                "PlanChanged",
                changed.id(),
                new dk.flyt.contracts.subscription.SubscriptionEvents.PlanChanged(
                        changed.id(), "ch-1", "MOBILE_100GB", 14900, LocalDate.parse("2027-10-01")));
        planEvent(
                "PlanChanged",
                cancelled.id(),
                new dk.flyt.contracts.subscription.SubscriptionEvents.PlanChanged(
                        cancelled.id(), "ch-2", "MOBILE_100GB", 14900, LocalDate.parse("2027-10-01")));
        planEvent(
                "PlanChangeCancelled",
                cancelled.id(),
                new dk.flyt.contracts.subscription.SubscriptionEvents.PlanChangeCancelled(cancelled.id(), "ch-2"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> {
                    var a = subscriptions.findById(changed.id());
                    var b = subscriptions.findById(cancelled.id());
                    return a.nextPriceOre != null && b.nextPriceOre == null && b.version >= 2;
                }));

        YearMonth before = YearMonth.parse("2027-09");
        YearMonth after = YearMonth.parse("2027-10");
        awaitFinished(runs.start(before));
        awaitFinished(runs.start(after));

        assertThat(charges(changed, before)).containsExactly(-9900L);
        assertThat(charges(changed, after))
                .as("the new price from the month change")
                .containsExactly(-14900L);
        assertThat(charges(cancelled, after))
                .as("a cancelled change never took effect")
                .containsExactly(-9900L);
    }

    @Test
    void anotherReplicaDoesNotTakeARunWhoseLeaseIsAlive() {
        YearMonth month = YearMonth.parse("2027-07");
        subscription(9900, "2027-01-10");
        ChargeRuns.Claim first = QuarkusTransaction.requiringNew().call(() -> runs.claim(month));
        ChargeRuns.Claim second = QuarkusTransaction.requiringNew().call(() -> runs.claim(month));
        assertThat(first.owned()).isTrue();
        assertThat(second.owned()).isFalse();
        assertThat(second.id()).isEqualTo(first.id());
        runs.runChunks(first.id(), Integer.MAX_VALUE);
    }
}
