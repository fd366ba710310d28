package dk.flyt.billing.model;

import static org.assertj.core.api.Assertions.assertThat;

import dk.flyt.billing.BillingDriver;
import dk.flyt.billing.application.ChargeRuns;
import dk.flyt.billing.application.Collections;
import dk.flyt.billing.application.Ledger;
import dk.flyt.billing.application.PriceReviews;
import dk.flyt.billing.application.Reconciliations;
import dk.flyt.billing.provider.SimulatedPaymentProvider;
import dk.flyt.testing.FlytTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Billing against an independent model of the rules ({@link RulesModel}): randomized, seeded sequences of facts
 * ({@link FactSequence}) drive the billing adapter through the path its consumers take, over the real PostgreSQL,
 * together with the monthly runs and the collection sweeps; after each sequence the ledger must be the model's,
 * entry by entry (cause and amount) on every account the sequence touched. Then the reconciliation of every month
 * finds nothing. {@code -Dflyt.model.sequences=N} (default 300) and {@code -Dflyt.model.seed=S} choose the run; a
 * failing sequence prints its seed and its steps.
 */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
@TestProfile(BillingModelTest.Profile.class)
class BillingModelTest {
    /**
     * Its own database, a bigger chunk and two slices side by side: the sequences run one after another, months apart.
     */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "flyt.billing.charge-run.chunk-size", "500",
                    "flyt.billing.charge-run.parallelism", "2",
                    "flyt.billing.price-reviews.background", "false");
        }
    }

    static final int SEQUENCES = Integer.getInteger("flyt.model.sequences", 300);
    static final long SEED = Long.getLong("flyt.model.seed", 20_261_201L);
    static final YearMonth FIRST = YearMonth.of(2040, 1);
    static final long PLAN_CHANGE_FEE = 2_900;

    @Inject
    BillingDriver billing;

    @Inject
    ChargeRuns runs;

    @Inject
    Collections collections;

    @Inject
    PriceReviews reviews;

    @Inject
    SimulatedPaymentProvider provider;

    @Inject
    Ledger ledger;

    @Inject
    Reconciliations reconciliations;

    @Inject
    EntityManager em;

    @Test
    void R_BILL_01_to_10_R_WDR_03_04_R_POUT_02_04_05_R_SUB_02_to_05_R_SUB_11_theLedgerIsTheModelsForEverySequence() {
        long begin = System.nanoTime();
        int facts = 0;
        for (int i = 0; i < SEQUENCES; i++) {
            FactSequence sequence = FactSequence.generate(SEED + i, FIRST.plusMonths(4L * i));
            RulesModel model = new RulesModel(PLAN_CHANGE_FEE);
            try {
                facts += play(sequence, model);
                check(sequence, model);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        "billing and the model of the rules disagree; reproduce with -Dflyt.model.seed=" + (SEED + i)
                                + " -Dflyt.model.sequences=1\n" + sequence.describe(),
                        e);
            }
        }
        System.out.println("[billing-model] times " + TIMES);
        System.out.printf(
                "[billing-model] %d sequences, %d facts, ledger = model after each, in %.1f s%n",
                SEQUENCES, facts, (System.nanoTime() - begin) / 1e9);

        // the reconciliation recomputes every month in SQL from the schedules: it finds nothing
        YearMonth last = FIRST.plusMonths(4L * SEQUENCES);
        billing.at(last.plusMonths(1).atDay(2) + "T12:00");
        for (YearMonth m = FIRST; !m.isAfter(last); m = m.plusMonths(1)) {
            assertThat(reconciliations.reconcile(m).differences())
                    .as("reconciliation of " + m)
                    .isEmpty();
        }
    }

    private int play(FactSequence sequence, RulesModel model) {
        int delivered = 0;
        for (FactSequence.Step step : sequence.steps) {
            long t0 = System.nanoTime();
            billing.at(step.at().toString());
            LocalDate today = step.at().toLocalDate();
            switch (step.kind()) {
                case DELIVER -> {
                    billing.redeliver(step.eventId(), step.event());
                    if (step.event()
                            instanceof dk.flyt.contracts.subscription.SubscriptionEvents.TermsChangeAnnounced) {
                        reviews.drain();
                    }
                    model.apply(step.eventId(), step.event(), today);
                    delivered++;
                }
                case RUN -> {
                    runs.runNow(YearMonth.from(today));
                    model.run(today);
                }
                case SWEEP -> {
                    // the sweep's work for this sequence's account (the sweep itself picks the negative ones)
                    collections.collectAccount(sequence.customer);
                    model.sweep(sequence.customer, !down, today);
                }
                case PAYMENT_METHOD -> {
                    ledger.open(sequence.customer);
                    QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                                    UPDATE account SET payment_method = 'CARD', payment_ref = :r, automatic_payment = TRUE
                                    WHERE customer_id = :c
                                    """)
                            .setParameter("r", sequence.paymentRef)
                            .setParameter("c", sequence.customer)
                            .executeUpdate());
                    model.account(sequence.customer).automatic = true;
                }
                case PROVIDER_DOWN -> {
                    provider.behave(sequence.paymentRef, SimulatedPaymentProvider.Behaviour.UNAVAILABLE);
                    down = true;
                }
                case PROVIDER_UP -> {
                    provider.behave(sequence.paymentRef, SimulatedPaymentProvider.Behaviour.APPROVE);
                    down = false;
                }
            }
            TIMES.merge(step.kind(), System.nanoTime() - t0, Long::sum);
        }
        return delivered;
    }

    private boolean down;
    static final java.util.Map<FactSequence.Kind, Long> TIMES = new java.util.EnumMap<>(FactSequence.Kind.class);

    private void check(FactSequence sequence, RulesModel model) {
        Set<String> customers = new LinkedHashSet<>(model.accounts.keySet());
        customers.add(sequence.customer);
        for (String customer : customers) {
            List<BillingDriver.Entry> entries = billing.entries(customer);
            assertThat(entries.stream()
                            .map(BillingDriver.Entry::cause)
                            .distinct()
                            .count())
                    .as("no cause twice")
                    .isEqualTo(entries.size());
            Map<String, Long> actual = new TreeMap<>(entries.stream()
                    .collect(Collectors.toMap(BillingDriver.Entry::cause, BillingDriver.Entry::amount)));
            assertThat(actual).as("entries of " + customer).isEqualTo(model.entriesOf(customer));
            assertThat(ledger.balance(customer)).as("balance of " + customer).isEqualTo(model.balance(customer));
        }
    }
}
