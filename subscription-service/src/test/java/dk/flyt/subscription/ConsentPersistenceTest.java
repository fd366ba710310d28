package dk.flyt.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.flyt.subscription.persistence.ConsentEntity;
import dk.flyt.subscription.persistence.ConsentRepository;
import dk.flyt.testing.FlytTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

/**
 * Against the real PostgreSQL: the migrated schema, the free-number index a checkout reserves through, and the
 * optimistic lock on a consent.
 */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class ConsentPersistenceTest {
    @Inject
    ConsentRepository consents;

    @Inject
    EntityManager em;

    @Test
    @SuppressWarnings("unchecked")
    void flywayBuiltTheSchemaAndLoadedTheCatalogue() {
        List<String> applied = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .getResultList());
        assertThat(applied)
                .containsExactly("0.1", "0.2", "0.3", "1", "2", "3", "4", "5", "6", "7", "8", "1000", "1001");
        long plans = QuarkusTransaction.requiringNew().call(() -> ((Number)
                        em.createNativeQuery("SELECT count(*) FROM plan").getSingleResult())
                .longValue());
        assertThat(plans).isGreaterThanOrEqualTo(5);
    }

    @Test
    @SuppressWarnings("unchecked")
    void reservingANewNumberProbesTheFreeNumbersNotEveryReservedOne() {
        // the performance issue: through the primary key the reservation stepped over every number handed out before
        List<String> plan = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("""
                        EXPLAIN SELECT number FROM pool_number WHERE reserved_by IS NULL
                        ORDER BY number LIMIT 1 FOR UPDATE SKIP LOCKED
                        """).getResultList());
        assertThat(String.join("\n", plan)).contains("pool_number_free");
    }

    @Test
    void twoAgentsWithdrawingOneConsentFromStaleCopiesCannotBothWin() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ConsentEntity c = new ConsentEntity();
            c.id = id;
            c.customerId = "c-lock";
            c.channel = "PHONE";
            c.wordingVersion = "v1";
            c.givenAt = Instant.parse("2026-01-01T00:00:00Z");
            c.recordedBy = "agent-1";
            consents.persist(c);
        });
        ConsentEntity stale = QuarkusTransaction.requiringNew().call(() -> consents.findById(id));
        QuarkusTransaction.requiringNew().run(() -> {
            ConsentEntity c = consents.findById(id);
            c.withdrawnAt = Instant.parse("2026-02-01T00:00:00Z");
            c.withdrawnBy = "agent-1";
        });

        stale.withdrawnAt = Instant.parse("2026-03-01T00:00:00Z");
        stale.withdrawnBy = "agent-2";
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.merge(stale)))
                .hasRootCauseInstanceOf(StaleObjectStateException.class);
        String by = QuarkusTransaction.requiringNew().call(() -> consents.findById(id).withdrawnBy);
        assertThat(by).isEqualTo("agent-1");
    }
}
