package dk.flyt.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import dk.flyt.contracts.Topics;
import dk.flyt.contracts.audit.AuditEvents;
import dk.flyt.platform.time.MutableClock;
import dk.flyt.subscription.application.ContactService;
import dk.flyt.testing.Agents;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R-DATA-02: an agent works on a customer only within an open contact of their own with that customer; every read
 * and action names it, is audited with it, and the contact closes after its idle time. The audit lists what agents
 * did in porting and billing too, collected from their events.
 */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class ContactApiTest {
    @Inject
    MutableClock clock;

    @Inject
    ContactService contacts;

    @BeforeEach
    void now() {
        clock.set(Instant.parse("2026-11-10T10:00:00Z"));
    }

    private static String customer() {
        return Shop.placed(Shop.order(Shop.customer(Shop.cpr()), List.of(Shop.newLine("BASIC", 0))))
                .get("customerId")
                .asText();
    }

    private static io.restassured.response.ValidatableResponse read(String customer, String contact) {
        var request = given().auth().oauth2(Tokens.forRole("agent"));
        if (contact != null) {
            request = request.header(Agents.HEADER, contact);
        }
        return request.get("/api/v1/customers/{id}", customer).then();
    }

    @Test
    void R_DATA_02_anAgentWithoutAnOpenContactOfTheirOwnWithTheCustomerIsRefused() {
        String customer = customer();
        String other = customer();
        read(customer, null)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", containsString("contact-required"))
                .body("errors[0].field", equalTo(Agents.HEADER));
        read(customer, "not-a-uuid").statusCode(400).body("errors[0].field", equalTo(Agents.HEADER));
        read(customer, UUID.randomUUID().toString()).statusCode(403);
        String contact = Agents.open(Agents.DEFAULT_AGENT, customer);
        read(customer, contact).statusCode(200);
        read(other, contact).statusCode(403); // a contact is with one customer
        Agents.within("agent-someone-else", contact)
                .get("/api/v1/customers/{id}", customer)
                .then()
                .statusCode(403); // a contact is one agent's
        // a customer acts for themself and needs none
        given().auth()
                .oauth2(Tokens.customer(customer))
                .get("/api/v1/customers/{id}", customer)
                .then()
                .statusCode(200);
        // nor does an action change anything without one
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .contentType(ContentType.JSON)
                .body(Map.of("email", "changed@example.dk"))
                .patch("/api/v1/customers/{id}", customer)
                .then()
                .statusCode(403);
        read(customer, contact).body("email", org.hamcrest.Matchers.not(equalTo("changed@example.dk")));
    }

    @Test
    void R_DATA_02_everyAuditEntryNamesItsContactAndAClosedContactAllowsNothingMore() {
        String customer = customer();
        String contact = Agents.open(Agents.DEFAULT_AGENT, customer);
        JsonNode opened = Shop.one(Topics.SUBSCRIPTION_EVENTS, "ContactOpened", customer);
        assertThat(opened.get("contactId").asText()).isEqualTo(contact);
        assertThat(opened.has("reason")).as("the reason stays in this service").isFalse();
        read(customer, contact).statusCode(200);
        Agents.within(Agents.DEFAULT_AGENT, contact)
                .post("/api/v1/customers/{id}/contacts/{c}/close", customer, contact)
                .then()
                .statusCode(200)
                .body("open", equalTo(false))
                .body("closedWhy", equalTo("CLOSED_BY_AGENT"));
        Shop.one(Topics.SUBSCRIPTION_EVENTS, "ContactClosed", customer);
        read(customer, contact).statusCode(403).body("type", containsString("contact-closed"));
        String audit = Agents.on(customer)
                .get("/api/v1/customers/{id}/audit", customer)
                .then()
                .statusCode(200)
                .body("action", hasItem("CONTACT_OPENED"))
                .body("action", hasItem("CUSTOMER_READ"))
                .body("action", hasItem("CONTACT_CLOSED"))
                .body("find { it.action == 'CUSTOMER_READ' }.contactId", equalTo(contact))
                .body("find { it.action == 'CUSTOMER_READ' }.service", equalTo("subscription-service"))
                .extract()
                .asString();
        assertThat(audit).doesNotContain("XXXX");
    }

    @Test
    void R_DATA_02_aContactClosesAfterItsIdleTimeAndWorkInPortingOrBillingKeepsItOpen() {
        String customer = customer();
        String idle = Agents.open(Agents.DEFAULT_AGENT, customer);
        String busy = Agents.open(Agents.DEFAULT_AGENT, customer);
        clock.advance(Duration.ofMinutes(20));
        // the agent works in billing in the busy contact: billing's audit entry reaches this service
        Instant inBilling = clock.instant();
        Shop.send(
                Topics.BILLING_EVENTS,
                AuditEvents.AUDIT_RECORDED,
                customer,
                UUID.randomUUID().toString(),
                new AuditEvents.AuditRecorded(
                        "41",
                        inBilling,
                        "billing-adapter",
                        Agents.DEFAULT_AGENT,
                        "LEDGER_READ",
                        customer,
                        null,
                        null,
                        busy));
        Shop.eventually(
                () -> Agents.on(customer)
                        .get("/api/v1/customers/{id}/audit", customer)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("findAll { it.service == 'billing-adapter' }.action"),
                actions -> actions.contains("LEDGER_READ"));
        clock.advance(Duration.ofMinutes(11));
        read(customer, idle).statusCode(403).body("type", containsString("contact-closed"));
        read(customer, busy).statusCode(200);
        assertThat(contacts.closeIdle()).isGreaterThanOrEqualTo(1);
        JsonNode closed = Shop.records(Topics.SUBSCRIPTION_EVENTS, "ContactClosed", customer, list -> list.stream()
                        .anyMatch(e -> e.get("contactId").asText().equals(idle)))
                .stream()
                .filter(e -> e.get("contactId").asText().equals(idle))
                .findFirst()
                .orElseThrow();
        assertThat(closed.get("why").asText()).isEqualTo("IDLE");
        Agents.within(Agents.DEFAULT_AGENT, busy)
                .get("/api/v1/customers/{id}/contacts/{c}", customer, busy)
                .then()
                .statusCode(200)
                .body("open", equalTo(true));
    }

    @Test
    void R_DATA_02_aContactIsOnlyForAnExistingCustomerAndNamesWhyItWasOpened() {
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "reason", "call"))
                .post("/api/v1/customers/{id}/contacts", "nobody-" + UUID.randomUUID())
                .then()
                .statusCode(404);
        String customer = customer();
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .contentType(ContentType.JSON)
                .body(Map.of("channel", "PIGEON", "reason", ""))
                .post("/api/v1/customers/{id}/contacts", customer)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("channel"));
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .contentType(ContentType.JSON)
                .body(Map.of("channel", "CHAT", "reason", "billing question"))
                .post("/api/v1/customers/{id}/contacts", customer)
                .then()
                .statusCode(201)
                .header("Location", containsString("/contacts/"))
                .body("open", equalTo(true))
                .body("channel", equalTo("CHAT"))
                .body("closesAt", equalTo("2026-11-10T10:30:00Z"));
    }
}
