package dk.flyt.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dk.flyt.contracts.Topics;
import dk.flyt.platform.time.MutableClock;
import dk.flyt.testing.Agents;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.KafkaTestClient;
import dk.flyt.testing.ServiceBasics;
import dk.flyt.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Consents over HTTP with real tokens (R-ORD-09, R-DATA-02). */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class ConsentApiTest {

    @Test
    void withoutATokenTheAnswerIs401() {
        given().when().get("/api/v1/customers/{id}/consents", "c-anon").then().statusCode(401);
    }

    @Test
    void aMachineRoleWithoutBusinessHereGets403() {
        given().auth()
                .oauth2(Tokens.forRole("logistics"))
                .when()
                .get("/api/v1/customers/{id}/consents", "c-any")
                .then()
                .statusCode(403);
    }

    @Test
    void R_ORD_09_anAgentRecordsAConsentAndTheCustomerWithdrawsItAtOnce() {
        String customer = existingCustomer();
        String id = Agents.on(customer)
                .contentType(ContentType.JSON)
                .body("{\"channel\":\"PHONE\",\"wordingVersion\":\"tele-2026-01\"}")
                .when()
                .post("/api/v1/customers/{id}/consents", customer)
                .then()
                .statusCode(201)
                .body("active", equalTo(true))
                .body("channel", equalTo("PHONE"))
                .extract()
                .path("id");

        given().auth()
                .oauth2(Tokens.customer(customer))
                .when()
                .post("/api/v1/customers/{c}/consents/{id}/withdrawal", customer, id)
                .then()
                .statusCode(200)
                .body("active", equalTo(false));

        given().auth()
                .oauth2(Tokens.customer(customer))
                .when()
                .get("/api/v1/customers/{id}/consents", customer)
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].active", equalTo(false));

        var events = KafkaTestClient.readUntil(
                Topics.SUBSCRIPTION_EVENTS,
                r -> customer.equals(r.key()) && "ConsentWithdrawn".equals(KafkaTestClient.header(r, "ce_type")),
                Duration.ofSeconds(30));
        assertThat(events)
                .filteredOn(r -> customer.equals(r.key()))
                .extracting(r -> KafkaTestClient.header(r, "ce_type"))
                .filteredOn(type -> type.startsWith("Consent"))
                .containsExactly("ConsentGiven", "ConsentWithdrawn");
    }

    @Test
    void R_DATA_02_aCustomerCannotSeeAnotherCustomersConsents() {
        given().auth()
                .oauth2(Tokens.customer("c-mine"))
                .when()
                .get("/api/v1/customers/{id}/consents", "c-someone-else")
                .then()
                .statusCode(404);
    }

    @Test
    void badInputNamesTheFieldAndStoresNothing() {
        String customer = existingCustomer();
        Agents.on(customer)
                .contentType(ContentType.JSON)
                .body("{\"channel\":\"PIGEON\",\"wordingVersion\":\"v1\"}")
                .when()
                .post("/api/v1/customers/{id}/consents", customer)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("channel"));
        Agents.on(customer)
                .contentType(ContentType.JSON)
                .body("{\"channel\":\"SMS\",\"wordingVersion\":\"\"}")
                .when()
                .post("/api/v1/customers/{id}/consents", customer)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("wordingVersion"));
        Agents.on(customer)
                .when()
                .get("/api/v1/customers/{id}/consents", customer)
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void thePlanCatalogueIsPublic() {
        given().when()
                .get("/api/v1/plans")
                .then()
                .statusCode(200)
                .body("code", hasItem("BASIC"))
                .body("find { it.code == 'MOBILE_FREE_STREAMING' }.streamingIncluded", equalTo(true))
                .body("find { it.code == 'MOBILE_10GB' }.monthlyPrice", equalTo(9900));
    }

    @Test
    void theTestClockIsReadAndAdvancedAsDocumented() {
        ServiceBasics.assertClockControl();
    }

    @Test
    void healthMetricsAndOpenApiNeedNoToken() {
        ServiceBasics.assertOpenEndpoints("/api/v1/customers/{customerId}/consents");
    }

    @Inject
    MutableClock clock;

    @Test
    void theServiceReadsTimeFromTheControllableClock() {
        Instant frozen = Instant.parse("2027-02-03T04:05:06Z");
        clock.set(frozen);
        String customer = existingCustomer();
        Agents.on(customer)
                .contentType(ContentType.JSON)
                .body("{\"channel\":\"EMAIL\",\"wordingVersion\":\"v1\"}")
                .when()
                .post("/api/v1/customers/{id}/consents", customer)
                .then()
                .statusCode(201)
                .body("givenAt", equalTo("2027-02-03T04:05:06Z"));
        clock.advance(java.time.Duration.ofDays(1));
        Agents.on(customer)
                .contentType(ContentType.JSON)
                .body("{\"channel\":\"EMAIL\",\"wordingVersion\":\"v1\",\"givenAt\":\"2027-02-05T00:00:00Z\"}")
                .when()
                .post("/api/v1/customers/{id}/consents", customer)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("givenAt"));
    }

    /** Consents are recorded for existing customers only (R-ORD-09): one from a web-shop order. */
    private static String existingCustomer() {
        return Shop.placed(Shop.order(Shop.customer(Shop.cpr()), java.util.List.of(Shop.newLine("BASIC", 0))))
                .get("customerId")
                .asText();
    }
}
