package dk.flyt.porting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dk.flyt.platform.time.MutableClock;
import dk.flyt.porting.domain.IllegalTransition;
import dk.flyt.porting.domain.PortInState;
import dk.flyt.porting.persistence.PortInEntity;
import dk.flyt.porting.persistence.PortInRepository;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Port-in cases against the real PostgreSQL, read over HTTP with real tokens. */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class PortInApiTest {
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @Inject
    PortInRepository portIns;

    @Inject
    EntityManager em;

    @Inject
    MutableClock clock;

    /** Before the cases' port date, so the porting day run leaves them alone whatever earlier tests did. */
    @BeforeEach
    void beforeThePortDate() {
        clock.set(T0);
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().when().get("/api/v1/port-ins/{id}", UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void aRoleWithoutBusinessHereGets403() {
        given().auth()
                .oauth2(Tokens.forRole("webshop"))
                .when()
                .get("/api/v1/port-ins/{id}", UUID.randomUUID())
                .then()
                .statusCode(403);
    }

    @Test
    void anAgentReadsACaseWithItsTimeline() {
        UUID id = newCase("cust-a", "+4520000001");
        dk.flyt.testing.Agents.announcedOn("cust-a")
                .when()
                .get("/api/v1/port-ins/{id}", id)
                .then()
                .statusCode(200)
                .body("state", equalTo("SCHEDULED"))
                .body("portDate", equalTo("2026-11-09"))
                .body("timeline.to", contains("REQUESTED", "SCHEDULED"))
                .body("timeline[1].cause", equalTo("donor accepted"));
    }

    @Test
    void agentsFindCasesByNumber() {
        String number = "+45" + (20000000 + (int) (Math.random() * 9_000_000));
        newCase("cust-n", number);
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .queryParam("number", number)
                .when()
                .get("/api/v1/port-ins")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].number", equalTo(number));
    }

    @Test
    void R_DATA_02_aCustomerReadsOwnCasesButNotAnothers() {
        UUID mine = newCase("cust-mine", "+4520000002");
        UUID theirs = newCase("cust-theirs", "+4520000003");
        given().auth()
                .oauth2(Tokens.customer("cust-mine"))
                .when()
                .get("/api/v1/port-ins/{id}", mine)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.customer("cust-mine"))
                .when()
                .get("/api/v1/port-ins/{id}", theirs)
                .then()
                .statusCode(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void flywayBuiltTheSchema() {
        List<String> applied = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .getResultList());
        assertThat(applied).containsExactly("0.1", "0.2", "0.3", "1", "2", "3", "1000", "1001");
    }

    @Test
    void twoWritersOfOneCaseCannotBothWin() {
        UUID id = newCase("cust-lock", "+4520000004");
        PortInEntity stale = QuarkusTransaction.requiringNew().call(() -> {
            PortInEntity e = portIns.findById(id);
            e.timeline.size();
            return e;
        });
        QuarkusTransaction.requiringNew()
                .run(() -> portIns.findById(id).moveTo(PortInState.COMPLETED, "hub confirmed", T0.plusSeconds(60)));

        stale.portDate = LocalDate.parse("2026-11-10");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.merge(stale)))
                .hasRootCauseInstanceOf(StaleObjectStateException.class);
        PortInState state = QuarkusTransaction.requiringNew().call(() -> portIns.findById(id).state);
        assertThat(state).isEqualTo(PortInState.COMPLETED);
    }

    @Test
    void anIllegalTransitionIsRefusedAndChangesNothing() {
        UUID id = newCase("cust-illegal", "+4520000005");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                        .run(() -> portIns.findById(id).moveTo(PortInState.REJECTED, "late reject", T0)))
                .isInstanceOf(IllegalTransition.class);
        int transitions = QuarkusTransaction.requiringNew()
                .call(() -> portIns.findById(id).timeline.size());
        assertThat(transitions).isEqualTo(2);
    }

    private UUID newCase(String customer, String number) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            PortInEntity e = new PortInEntity();
            e.id = id;
            e.orderId = "order-" + id;
            e.lineId = "1";
            e.customerId = customer;
            e.number = number;
            e.donorIccid = "8945020000000000001";
            e.mode = "ASAP";
            e.shippedOn = LocalDate.parse("2026-11-02");
            e.createdAt = T0;
            e.moveTo(PortInState.REQUESTED, "RequestPortIn from the order saga", T0);
            e.moveTo(PortInState.SCHEDULED, "donor accepted", T0.plusSeconds(30));
            e.portDate = LocalDate.parse("2026-11-09");
            portIns.persist(e);
        });
        return id;
    }
}
