package dk.flyt.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dk.flyt.platform.time.MutableClock;
import dk.flyt.subscription.persistence.CustomerRepository;
import dk.flyt.subscription.persistence.OrderRepository;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The security issue's input limits: extreme dates, null list elements, huge texts, deep nesting and large bodies
 * are each a 4xx problem naming the field, never a 500, and nothing is stored.
 */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class InputLimitsTest {
    @Inject
    MutableClock clock;

    @Inject
    OrderRepository orders;

    @Inject
    CustomerRepository customers;

    private long ordersBefore;
    private long customersBefore;

    @BeforeEach
    void count() {
        clock.set(Instant.parse("2026-11-10T10:00:00Z"));
        ordersBefore = QuarkusTransaction.requiringNew().call(() -> orders.count());
        customersBefore = QuarkusTransaction.requiringNew().call(() -> customers.count());
    }

    private void nothingStored() {
        assertThat(QuarkusTransaction.requiringNew().call(() -> orders.count())).isEqualTo(ordersBefore);
        assertThat(QuarkusTransaction.requiringNew().call(() -> customers.count()))
                .isEqualTo(customersBefore);
    }

    private static io.restassured.response.ValidatableResponse post(String path, Object body) {
        return given().auth()
                .oauth2(Tokens.forRole("agent"))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body)
                .when()
                .post(path)
                .then()
                .contentType("application/problem+json");
    }

    @Test
    void aDateOutsideTheBusinessRangeIsA400NamingTheField() {
        var line = Shop.portInLine(Shop.number(), Shop.iccid());
        line.put("mode", "END_OF_TERM");
        line.put("donorTermEndsOn", "+999999999-12-31");
        post("/api/v1/orders", Shop.order(Shop.customer(Shop.cpr()), List.of(line)))
                .statusCode(400)
                .body("errors.field", hasItem("lines[0].donorTermEndsOn"));
        line.put("donorTermEndsOn", "1899-12-31");
        post("/api/v1/orders", Shop.order(Shop.customer(Shop.cpr()), List.of(line)))
                .statusCode(400)
                .body("errors.field", hasItem("lines[0].donorTermEndsOn"));
        nothingStored();
    }

    @Test
    void aNullListElementIsA400NamingTheElement() {
        post("/api/v1/orders/{id}/withdrawal".replace("{id}", UUID.randomUUID().toString()), "{\"lineIds\":[null]}")
                .statusCode(400)
                .body("errors[0].field", equalTo("lineIds[0]"));
        var body = Shop.order(Shop.customer(Shop.cpr()), List.of(Shop.newLine("MOBILE_10GB", 0)));
        body.put("lines", java.util.Arrays.asList(Shop.newLine("MOBILE_10GB", 0), null));
        post("/api/v1/orders", body).statusCode(400).body("errors[0].field", equalTo("lines[1]"));
        nothingStored();
    }

    @Test
    void hugeTextsAndDeepNestingAreRefused() {
        var customer = Shop.customer(Shop.cpr());
        customer.put("name", "x".repeat(20_000));
        post("/api/v1/orders", Shop.order(customer, List.of(Shop.newLine("MOBILE_10GB", 0))))
                .statusCode(400)
                .body("errors.field", hasItem("customer.name"));
        var street = Shop.customer(Shop.cpr());
        street.put("address", Map.of("street", "y".repeat(300), "postalCode", "8000", "city", "Aarhus C"));
        post("/api/v1/orders", Shop.order(street, List.of(Shop.newLine("MOBILE_10GB", 0))))
                .statusCode(400)
                .body("errors.field", hasItem("customer.address.street"));
        String deep = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
        post("/api/v1/orders", deep).statusCode(400);
        nothingStored();
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        String big = "{\"padding\":\"" + "z".repeat(300 * 1024) + "\"}";
        post("/api/v1/orders", big)
                .statusCode(413)
                .body("type", equalTo("https://flyt.dk/problems/body-too-large"))
                .body("errors[0].field", equalTo("body"));
        nothingStored();
    }

    @Test
    void brokenJsonIsA400() {
        post("/api/v1/orders", "{\"customer\": {").statusCode(400);
        post("/api/v1/orders", "[1,2,3]").statusCode(400);
        nothingStored();
    }

    @Test
    void amountsHaveBoundsAndABreachIsA400NamingTheField() {
        given().auth()
                .oauth2(Tokens.forRole("network"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "usageId",
                        "u-" + UUID.randomUUID(),
                        "usedOn",
                        "2026-11-10",
                        "voiceSeconds",
                        1,
                        "dataMegabytes",
                        1,
                        "amountOre",
                        Long.MAX_VALUE))
                .post("/api/v1/subscriptions/{id}/usage", UUID.randomUUID())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("amountOre"));
        given().auth()
                .oauth2(Tokens.forRole("billing-admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("newPrice", 100_000_000_000L, "effectiveOn", "2027-03-01"))
                .post("/api/v1/plans/{code}/price-changes", "BASIC")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("newPrice"));
        given().auth()
                .oauth2(Tokens.forRole("billing-admin"))
                .get("/api/v1/plans/{code}/price-changes", "BASIC")
                .then()
                .statusCode(200)
                .body("newPrice", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(100_000_000_000L)));
    }
}
