package dk.flyt.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.flyt.billing.persistence.AccountEntity;
import dk.flyt.billing.persistence.AccountRepository;
import dk.flyt.testing.FlytTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Against the real PostgreSQL: the schema Flyway built, and two writers of one account. */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class AccountPersistenceTest {
    @Inject
    AccountRepository accounts;

    @Inject
    EntityManager em;

    @Test
    @SuppressWarnings("unchecked")
    void flywayBuiltTheSchemaWithTheSharedOutboxFirst() {
        List<String> applied = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .getResultList());
        assertThat(applied)
                .containsExactly(
                        "0.1", "0.2", "0.3", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "1000", "1001");
        List<String> tables = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                .getResultList());
        assertThat(tables)
                .contains(
                        "account",
                        "ledger_entry",
                        "billable_subscription",
                        "charge_run",
                        "outbox_event",
                        "inbox_message");
    }

    @Test
    void aWriteBasedOnAStaleVersionIsRefused() {
        String id = "cust-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            AccountEntity a = new AccountEntity();
            a.customerId = id;
            a.openedAt = Instant.parse("2026-11-01T00:00:00Z");
            accounts.persist(a);
        });
        AccountEntity stale = QuarkusTransaction.requiringNew().call(() -> accounts.findById(id));

        QuarkusTransaction.requiringNew().run(() -> accounts.findById(id).automaticPayment = false);

        stale.automaticPayment = true;
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.merge(stale)))
                .hasRootCauseInstanceOf(org.hibernate.StaleObjectStateException.class)
                .satisfies(e -> assertThat(causes(e)).anyMatch(c -> c instanceof OptimisticLockException));
        boolean automatic = QuarkusTransaction.requiringNew().call(() -> accounts.findById(id).automaticPayment);
        assertThat(automatic).isFalse();
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> all = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && !all.contains(t); t = t.getCause()) {
            all.add(t);
        }
        return all;
    }
}
