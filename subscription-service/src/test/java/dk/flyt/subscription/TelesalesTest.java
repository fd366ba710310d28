package dk.flyt.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dk.flyt.contracts.Topics;
import dk.flyt.platform.time.MutableClock;
import dk.flyt.subscription.notification.SimulatedNotifications;
import dk.flyt.testing.Agents;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The telesales gate: recorded consent before the call, written acceptance after it (R-ORD-08, R-ORD-09). */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class TelesalesTest {
    @Inject
    MutableClock clock;

    @Inject
    SimulatedNotifications notifications;

    /** An existing customer (from an earlier web-shop order) and the customer data to repeat on the call. */
    record Known(String id, Map<String, Object> data) {}

    private Known customer() {
        var data = Shop.customer(Shop.cpr());
        JsonNode o = Shop.placed(Shop.order(data, List.of(Shop.newLine("BASIC", 0))));
        data.put("id", o.get("customerId").asText());
        return new Known(o.get("customerId").asText(), data);
    }

    private ValidatableResponse telesale(Known c) {
        return telesale(c, Agents.on(c.id()));
    }

    /** A telesale by the agent and in the contact of {@code agent}. */
    private ValidatableResponse telesale(Known c, io.restassured.specification.RequestSpecification agent) {
        var body = Shop.order(c.data(), List.of(Shop.newLine("MOBILE_10GB", 0)));
        body.put("channel", "TELESALES");
        return agent.contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body)
                .when()
                .post("/api/v1/orders")
                .then();
    }

    /** A phone consent, taken down by another agent than the one who sells (R-ORD-09). */
    private String consent(Known c) {
        return consent(c, Agents.as("agent-recorder", c.id()), "PHONE");
    }

    private String consent(Known c, io.restassured.specification.RequestSpecification by, String channel) {
        return by.contentType(ContentType.JSON)
                .body(Map.of("channel", channel, "wordingVersion", "tele-2026-01"))
                .when()
                .post("/api/v1/customers/{id}/consents", c.id())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private ValidatableResponse accept(Known c, String orderId, String token) {
        return given().auth()
                .oauth2(Tokens.customer(c.id()))
                .contentType(ContentType.JSON)
                .body(Map.of("token", token))
                .when()
                .post("/api/v1/orders/{id}/acceptance", orderId)
                .then();
    }

    @Test
    void R_ORD_09_withoutConsentAnOutboundOrderIsRefusedAndWithdrawingItWorksAtOnce() {
        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
        Known c = customer();
        telesale(c).statusCode(422).body("type", containsString("no-consent"));
        String consentId = consent(c);
        telesale(c).statusCode(201);
        given().auth()
                .oauth2(Tokens.customer(c.id()))
                .when()
                .post("/api/v1/customers/{c}/consents/{id}/withdrawal", c.id(), consentId)
                .then()
                .statusCode(200);
        telesale(c).statusCode(422).body("type", containsString("no-consent"));
    }

    @Test
    void R_ORD_08_heldUntilTheCustomerAcceptsAndTheWithdrawalPeriodStartsThen() {
        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
        Known c = customer();
        consent(c);
        JsonNode o = Shop.read(telesale(c)
                .statusCode(201)
                .body("status", equalTo("AWAITING_ACCEPTANCE"))
                .body("acceptanceExpiresAt", equalTo("2026-11-23T09:00:00Z"))
                .extract()
                .asString());
        String id = o.get("id").asText();
        assertThat(o.get("withdrawalDeadline").isNull()).isTrue();
        // nothing is shipped, ported or charged before acceptance
        Shop.ship(id, o.get("lines").get(0).get("id").asText(), "SHIPPED").statusCode(409);
        assertThat(Shop.all(Topics.SUBSCRIPTION_EVENTS, "OrderApproved", id)).isEmpty();
        Shop.one(Topics.SUBSCRIPTION_EVENTS, "OrderAcceptanceRequested", id);

        accept(c, id, "not-the-token").statusCode(400).body("errors[0].field", equalTo("token"));
        given().auth()
                .oauth2(Tokens.customer(UUID.randomUUID().toString()))
                .contentType(ContentType.JSON)
                .body(Map.of("token", "x"))
                .when()
                .post("/api/v1/orders/{id}/acceptance", id)
                .then()
                .statusCode(404);
        clock.set(Instant.parse("2026-11-19T12:00:00Z"));
        String token = notifications.lastTokenFor(id).orElseThrow();
        accept(c, id, token)
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("acceptedOn", equalTo("2026-11-19"))
                .body("withdrawalDeadline", equalTo("2026-12-03"));
        Shop.one(Topics.SUBSCRIPTION_EVENTS, "OrderApproved", id);
        accept(c, id, token).statusCode(409);
    }

    @Test
    void R_ORD_08_anOrderNobodyAcceptsLapsesAfterTheConfiguredTime() {
        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
        Known c = customer();
        consent(c);
        String id = telesale(c).statusCode(201).extract().path("id");
        Shop.note(id, c.id());
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        JsonNode lapsed = Shop.one(Topics.SUBSCRIPTION_EVENTS, "OrderLapsed", id);
        assertThat(lapsed.get("customerId").asText()).isEqualTo(c.id());
        JsonNode o = OrderSagaTest.awaitOrder(
                id, x -> "LAPSED".equals(x.get("status").asText()));
        assertThat(o.get("lines").get(0).get("step").asText()).isEqualTo("CANCELLED");
        accept(c, id, notifications.lastTokenFor(id).orElseThrow()).statusCode(409);
    }

    @Test
    void R_ORD_09_theConsentMustBeForThePhoneAndNotTakenDownByTheSellingAgent() {
        clock.set(java.time.Instant.parse("2026-11-10T10:00:00Z"));
        Known c = customer();
        consent(c, Agents.as("agent-recorder", c.id()), "SMS");
        telesale(c).statusCode(422).body("type", containsString("no-consent"));
        String call = Agents.open(Agents.DEFAULT_AGENT, c.id());
        consent(c, Agents.within(Agents.DEFAULT_AGENT, call), "PHONE");
        telesale(c, Agents.within(Agents.DEFAULT_AGENT, call))
                .statusCode(422)
                .body("type", containsString("consent-recorded-by-seller"));
        telesale(c).statusCode(201); // the same agent in a later contact
        // given by the customer through self-service: any agent sells, in any contact
        consent(c, given().auth().oauth2(Tokens.customer(c.id())), "PHONE");
        telesale(c, Agents.within(Agents.DEFAULT_AGENT, call)).statusCode(201);
        Agents.on(c.id())
                .get("/api/v1/customers/{id}/audit", c.id())
                .then()
                .statusCode(200)
                .body("action", org.hamcrest.Matchers.hasItem("CONSENT_RECORDED"));
    }

    @Test
    void R_ORD_09_aConsentNeedsAnExistingCustomerAndAPlausibleTime() {
        clock.set(java.time.Instant.parse("2026-11-10T10:00:00Z"));
        String nobody = "nobody-" + UUID.randomUUID();
        // no contact can be opened with a customer who does not exist, and none recorded for them by self-service
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "reason", "sale"))
                .post("/api/v1/customers/{id}/contacts", nobody)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.customer(nobody))
                .contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "wordingVersion", "tele-2026-01"))
                .post("/api/v1/customers/{id}/consents", nobody)
                .then()
                .statusCode(404);
        Known c = customer();
        for (String givenAt : List.of("2026-11-10T10:05:00Z", "2026-10-01T10:00:00Z")) {
            Agents.on(c.id())
                    .contentType(ContentType.JSON)
                    .body(Map.of("channel", "PHONE", "wordingVersion", "tele-2026-01", "givenAt", givenAt))
                    .post("/api/v1/customers/{id}/consents", c.id())
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("givenAt"));
        }
    }
}
