package dk.flyt.billing;

import static dk.flyt.billing.BillingDriver.activated;
import static dk.flyt.billing.BillingDriver.id;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dk.flyt.billing.application.ChargeRuns;
import dk.flyt.billing.application.Ledger;
import dk.flyt.billing.application.Reconciliations;
import dk.flyt.billing.domain.EntryKind;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation recomputes from the schedules, in SQL, what every subscription should have been charged and
 * compares it with the ledger. It runs after the scenario tests (alphabetical order), in 2032, between their
 * business years and the charge run tests': every month they charged agrees; a wrong entry booked directly is found,
 * and nothing else.
 */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ReconciliationTest {
    @Inject
    BillingDriver billing;

    @Inject
    Reconciliations reconciliations;

    @Inject
    ChargeRuns runs;

    @Inject
    Ledger ledger;

    @Inject
    MeterRegistry metrics;

    @Test
    @org.junit.jupiter.api.Order(1)
    void everyMonthTheScenariosChargedAgreesWithTheSchedulesAndAWrongEntryIsFoundAlone() {
        billing.at("2032-01-20T10:00");
        for (YearMonth m = YearMonth.parse("2029-01"); !m.isAfter(YearMonth.parse("2031-01")); m = m.plusMonths(1)) {
            assertThat(reconciliations.reconcile(m).differences())
                    .as(m.toString())
                    .isEmpty();
        }

        String c = id("cust");
        String s = id("sub");
        billing.at("2032-04-10T10:00");
        billing.deliver(activated(s, c, "MOBILE_10GB", 9900, "2032-04-10", null));
        billing.at("2032-05-01T03:00");
        runs.runNow(YearMonth.parse("2032-05"));
        assertThat(reconciliations.reconcile(YearMonth.parse("2032-05")).differences())
                .isEmpty();
        ledger.post(c, EntryKind.CHARGE, -1000, "a wrong entry", "wrong:" + s, s, YearMonth.parse("2032-05"));

        var found = reconciliations.reconcile(YearMonth.parse("2032-05"));
        assertThat(found.differences()).singleElement().satisfies(d -> {
            assertThat(d.subscriptionId()).isEqualTo(s);
            assertThat(d.customerId()).isEqualTo(c);
            assertThat(d.expectedOre()).isEqualTo(9900);
            assertThat(d.bookedOre()).isEqualTo(10900);
            assertThat(d.differenceOre()).isEqualTo(1000);
        });
        assertThat(metrics.get("flyt.billing.reconciliation.differences")
                        .gauge()
                        .value())
                .isEqualTo(1.0);
        assertThat(reconciliations.reconcile(YearMonth.parse("2032-04")).differences())
                .as("April's rest, charged with May, is right")
                .isEmpty();
        // other tests reconcile later months too: look as far back as May
        assertThat(reconciliations.open(1200, 500))
                .as("May's difference waits for a person in the queue")
                .filteredOn(o -> o.difference().subscriptionId().equals(s))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.month()).isEqualTo(YearMonth.parse("2032-05"));
                    assertThat(o.difference().customerId()).isEqualTo(c);
                });
        java.util.List<String> open = reconciliations.open(12, 100).stream()
                .map(o -> o.difference().subscriptionId())
                .toList();
        assertThat(io.restassured.RestAssured.given()
                        .auth()
                        .oauth2(dk.flyt.testing.Tokens.forRole("agent"))
                        .get("/api/v1/reconciliations/differences")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("difference.subscriptionId", String.class))
                .as("the last twelve reconciled months' open differences")
                .isEqualTo(open);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aBillingAdminReconcilesAMonthOverHttpAndAFutureMonthIsRefused() {
        billing.at("2032-06-15T10:00");
        given().auth()
                .oauth2(Tokens.forRole("billing-admin"))
                .contentType(ContentType.JSON)
                .body("{\"month\":\"2032-04\"}")
                .post("/api/v1/reconciliations")
                .then()
                .statusCode(201)
                .body("month", equalTo("2032-04"))
                .body("differences", hasSize(0));
        given().auth()
                .oauth2(Tokens.forRole("billing-admin"))
                .contentType(ContentType.JSON)
                .body("{\"month\":\"2032-07\"}")
                .post("/api/v1/reconciliations")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .contentType(ContentType.JSON)
                .body("{\"month\":\"2032-04\"}")
                .post("/api/v1/reconciliations")
                .then()
                .statusCode(403);
    }
}
