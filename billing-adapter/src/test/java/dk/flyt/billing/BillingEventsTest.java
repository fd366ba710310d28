package dk.flyt.billing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.contracts.Topics;
import dk.flyt.contracts.porting.PortingEvents.CompensationGranted;
import dk.flyt.contracts.subscription.SubscriptionEvents.SubscriptionActivated;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.KafkaTestClient;
import dk.flyt.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Billing learns only from events, over the real broker, and books each once. */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class BillingEventsTest {
    @Inject
    ObjectMapper json;

    /** Publishes as the owning service would: a fresh CloudEvents id per event. */
    private void publish(String topic, String type, String key, Object payload) throws Exception {
        send(topic, type, key, UUID.randomUUID().toString(), payload);
    }

    private void send(String topic, String type, String key, String eventId, Object payload) throws Exception {
        KafkaTestClient.send(
                topic,
                key,
                json.writeValueAsString(payload),
                Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        eventId,
                        "ce_type",
                        type,
                        "ce_source",
                        dk.flyt.contracts.Topics.producer(topic).orElse("/test"),
                        "content-type",
                        "application/json"));
    }

    @Test
    void R_COMP_05_R_BILL_03_aCompensationIsCreditedToTheAccountOnceEvenWhenRedelivered() throws Exception {
        clock.set(java.time.Instant.parse("2026-11-09T12:00:00Z"));
        String customer = "cust-" + UUID.randomUUID();
        String subscription = "sub-" + UUID.randomUUID();
        publish(
                Topics.SUBSCRIPTION_EVENTS,
                "SubscriptionActivated",
                subscription,
                new SubscriptionActivated(
                        subscription,
                        customer,
                        "+4591000001",
                        "8945010000000000001",
                        "MOBILE_10GB",
                        9900,
                        LocalDate.parse("2026-11-09"),
                        null));
        String eventId = UUID.randomUUID().toString();
        CompensationGranted granted = new CompensationGranted(
                UUID.randomUUID().toString(), customer, "DELAYED_PORT", 5500, "case-1", "+4591000001");
        send(Topics.PORTING_EVENTS, "CompensationGranted", granted.compensationId(), eventId, granted);
        send(Topics.PORTING_EVENTS, "CompensationGranted", granted.compensationId(), eventId, granted);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> dk.flyt.testing.Agents.announcedOn(customer)
                                .get("/api/v1/accounts/{c}/entries", customer)
                                .then()
                                .extract()
                                .statusCode()
                        == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> !dk.flyt.testing.Agents.announcedOn(customer)
                .get("/api/v1/accounts/{c}/entries", customer)
                .then()
                .extract()
                .jsonPath()
                .getList("kind")
                .isEmpty());
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> true);
        var entries = given().auth()
                .oauth2(Tokens.customer(customer))
                .get("/api/v1/accounts/{c}/entries", customer)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(entries.getList("kind", String.class)).containsExactly("COMPENSATION");
        assertThat(entries.getList("cause", String.class))
                .as("the entry names what booked it")
                .containsExactly("compensation:" + granted.compensationId());
        given().auth()
                .oauth2(Tokens.customer(customer))
                .get("/api/v1/accounts/{c}", customer)
                .then()
                .statusCode(200)
                .body("balance", equalTo(5500));
    }

    @Test
    void aCompensationWrittenByAnyoneButThePortingServiceIsNotBooked() throws Exception {
        clock.set(java.time.Instant.parse("2026-11-09T12:00:00Z"));
        String customer = "cust-" + UUID.randomUUID();
        String subscription = "sub-" + UUID.randomUUID();
        activate(customer, subscription, null, 0);
        String forgedId = UUID.randomUUID().toString();
        CompensationGranted forged = new CompensationGranted(
                UUID.randomUUID().toString(), customer, "DELAYED_PORT", 1_000_000, "case-x", "+4591000002");
        KafkaTestClient.send(
                Topics.PORTING_EVENTS,
                forged.compensationId(),
                json.writeValueAsString(forged),
                Map.of(
                        "ce_specversion", "1.0",
                        "ce_id", forgedId,
                        "ce_type", "CompensationGranted",
                        "ce_source", "/anyone-with-broker-access",
                        "content-type", "application/json"));
        var dead = KafkaTestClient.readUntil(
                Topics.deadLetter(Topics.PORTING_EVENTS),
                r -> forgedId.equals(KafkaTestClient.header(r, "ce_id")),
                Duration.ofSeconds(30));
        assertThat(dead).anyMatch(r -> forgedId.equals(KafkaTestClient.header(r, "ce_id")));
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(dk.flyt.testing.Tokens.forRole("agent"))
                .get("/api/v1/dead-letters")
                .then()
                .statusCode(200)
                .body(
                        "find { it.eventId == '" + forgedId + "' }.error",
                        org.hamcrest.Matchers.containsString("does not own"))
                .body("find { it.eventId == '" + forgedId + "' }.customerId", equalTo(customer));
        dk.flyt.testing.Agents.announcedOn(customer)
                .get("/api/v1/accounts/{c}/entries", customer)
                .then()
                .statusCode(200)
                .body("kind", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("COMPENSATION")));
    }

    private List<Integer> amountsOnceSettled(String customer, int expectedEntries) {
        // until the account exists the answer is a 404 problem document, without a list of kinds
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> kinds = dk.flyt.testing.Agents.announcedOn(customer)
                    .get("/api/v1/accounts/{c}/entries", customer)
                    .then()
                    .extract()
                    .jsonPath()
                    .getList("kind");
            return kinds != null && kinds.size() >= expectedEntries;
        });
        return dk.flyt.testing.Agents.announcedOn(customer)
                .get("/api/v1/accounts/{c}/entries", customer)
                .then()
                .extract()
                .jsonPath()
                .getList("amount", Integer.class);
    }

    private void activate(String customer, String subscription, LocalDate bindingEnds) throws Exception {
        activate(customer, subscription, bindingEnds, 9900);
    }

    /** The usage-priced Basic plan (0 kr a month) keeps month charges out of tests about other money. */
    private void activate(String customer, String subscription, LocalDate bindingEnds, long price) throws Exception {
        publish(
                Topics.SUBSCRIPTION_EVENTS,
                "SubscriptionActivated",
                subscription,
                new SubscriptionActivated(
                        subscription,
                        customer,
                        "+4591000002",
                        "8945010000000000002",
                        price == 0 ? "BASIC" : "MOBILE_10GB",
                        price,
                        LocalDate.parse("2026-10-01"),
                        bindingEnds));
    }

    @Test
    void R_ORD_06_R_POUT_04_R_BILL_07_aPortOutDuringBindingIsSettledWithTheRemainingBindingFees() throws Exception {
        clock.set(java.time.Instant.parse("2026-11-16T12:00:00Z"));
        String customer = "cust-" + UUID.randomUUID();
        String subscription = "sub-" + UUID.randomUUID();
        String order = "order-" + UUID.randomUUID();
        approve(order, customer, false);
        activate(customer, subscription, LocalDate.parse("2027-04-01"));
        publish(
                Topics.PORTING_EVENTS,
                "PortOutCompleted",
                "po-" + subscription,
                new dk.flyt.contracts.porting.PortingEvents.PortOutCompleted(
                        "po-" + subscription,
                        "+4591000002",
                        subscription,
                        customer,
                        "TELIA",
                        LocalDate.parse("2026-11-16")));

        assertThat(amountsOnceSettled(customer, 4))
                .as("creation fee, October and November (R-BILL-10: learned late, charged at once), then December to"
                        + " March of the binding; above 25 kr, so no write-off")
                .containsExactly(-9900, -9900, -9900, -39600);
        var settled = KafkaTestClient.readUntil(
                        Topics.BILLING_EVENTS,
                        r -> customer.equals(r.key()) && "AccountSettled".equals(KafkaTestClient.header(r, "ce_type")),
                        Duration.ofSeconds(30))
                .stream()
                .filter(r -> customer.equals(r.key()) && "AccountSettled".equals(KafkaTestClient.header(r, "ce_type")))
                .toList();
        assertThat(settled).hasSize(1);
        assertThat(json.readTree(settled.get(0).value()).get("balanceOre").asLong())
                .isEqualTo(-69300);
    }

    @Test
    void R_BILL_07_R_ORD_06_aSmallFinalDifferenceIsWrittenOffAndAWaivedFeeIsNotBooked() throws Exception {
        clock.set(java.time.Instant.parse("2026-10-01T12:00:00Z"));
        String customer = "cust-" + UUID.randomUUID();
        String subscription = "sub-" + UUID.randomUUID();
        String order = "order-" + UUID.randomUUID();
        approve(order, customer, true);
        // the usage-priced Basic plan costs nothing a month: only the compensation is on the account
        publish(
                Topics.SUBSCRIPTION_EVENTS,
                "SubscriptionActivated",
                subscription,
                new SubscriptionActivated(
                        subscription,
                        customer,
                        "+4591000002",
                        "8945010000000000002",
                        "BASIC",
                        0,
                        LocalDate.parse("2026-10-01"),
                        null));
        CompensationGranted small =
                new CompensationGranted(UUID.randomUUID().toString(), customer, "DELAYED_PORT", 2000, "case-2", null);
        publish(Topics.PORTING_EVENTS, "CompensationGranted", small.compensationId(), small);
        amountsOnceSettled(customer, 1);
        clock.set(java.time.Instant.parse("2026-11-30T12:00:00Z"));
        publish(
                Topics.SUBSCRIPTION_EVENTS,
                "SubscriptionEnded",
                subscription,
                new dk.flyt.contracts.subscription.SubscriptionEvents.SubscriptionEnded(
                        subscription, customer, "+4591000002", LocalDate.parse("2026-11-30")));

        assertThat(amountsOnceSettled(customer, 2)).containsExactly(2000, -2000);
        given().auth()
                .oauth2(Tokens.customer(customer))
                .get("/api/v1/accounts/{c}", customer)
                .then()
                .body("balance", equalTo(0));
    }

    @Inject
    dk.flyt.billing.application.Ledger ledger;

    @Test
    void R_WDR_03_R_WDR_04_aWithdrawalRefundsWhatWasPaidLessTheDaysUsedBeyondTheLimits() throws Exception {
        clock.set(java.time.Instant.parse("2026-11-10T12:00:00Z"));
        String customer = "cust-" + UUID.randomUUID();
        String subscription = "sub-" + UUID.randomUUID();
        String order = "order-" + UUID.randomUUID();
        publish(
                Topics.SUBSCRIPTION_EVENTS,
                "SubscriptionActivated",
                subscription,
                new SubscriptionActivated(
                        subscription,
                        customer,
                        "+4591000003",
                        "8945010000000000003",
                        "MOBILE_10GB",
                        9900,
                        LocalDate.parse("2026-11-10"),
                        null));
        awaitAccount(customer);
        approve(order, customer, false);
        amountsOnceSettled(customer, 1);
        ledger.post(
                customer,
                dk.flyt.billing.domain.EntryKind.CHARGE,
                -9900,
                "Monthly fee",
                "test-charge:" + subscription,
                subscription);
        ledger.post(
                customer,
                dk.flyt.billing.domain.EntryKind.USAGE,
                -500,
                "Calls abroad",
                "test-usage:" + subscription,
                subscription);

        publish(
                Topics.SUBSCRIPTION_EVENTS,
                "OrderWithdrawn",
                order,
                new dk.flyt.contracts.subscription.SubscriptionEvents.OrderWithdrawn(
                        order, customer, List.of(subscription), LocalDate.parse("2026-11-19"), 7201, 100));

        assertThat(amountsOnceSettled(customer, 5))
                .as("fee, charge and usage; the line's charge back less 10 of 30 days (33 kr) for over 2 hours of"
                        + " calls; the creation fee back, the whole order being withdrawn")
                .containsExactly(-9900, -9900, -500, 6600, 9900);
        var due = KafkaTestClient.readUntil(
                        Topics.BILLING_EVENTS,
                        r -> customer.equals(r.key()) && "RefundDue".equals(KafkaTestClient.header(r, "ce_type")),
                        Duration.ofSeconds(30))
                .stream()
                .filter(r -> customer.equals(r.key()) && "RefundDue".equals(KafkaTestClient.header(r, "ce_type")))
                .toList();
        assertThat(due).hasSize(1);
        var body = json.readTree(due.get(0).value());
        assertThat(body.get("amountOre").asLong()).isEqualTo(16500);
        assertThat(body.get("dueBy").asText()).isEqualTo("2026-12-03");
    }

    @Test
    void R_SUB_10_R_BILL_05_aNewSimAndABlockForDebtCostTheirFeesAndABlockForALostSimDoesNot() throws Exception {
        String customer = "cust-" + UUID.randomUUID();
        String subscription = "sub-" + UUID.randomUUID();
        activate(customer, subscription, null, 0);
        awaitAccount(customer);
        publish(
                Topics.SUBSCRIPTION_EVENTS,
                "SubscriptionBlocked",
                subscription,
                new dk.flyt.contracts.subscription.SubscriptionEvents.SubscriptionBlocked(
                        subscription, customer, "LOST", LocalDate.parse("2026-11-20")));
        publish(
                Topics.SUBSCRIPTION_EVENTS,
                "SimReplaced",
                subscription,
                new dk.flyt.contracts.subscription.SubscriptionEvents.SimReplaced(
                        subscription, customer, LocalDate.parse("2026-11-21")));
        publish(
                Topics.SUBSCRIPTION_EVENTS,
                "SubscriptionBlocked",
                subscription,
                new dk.flyt.contracts.subscription.SubscriptionEvents.SubscriptionBlocked(
                        subscription, customer, "DEBT", LocalDate.parse("2026-12-20")));

        assertThat(amountsOnceSettled(customer, 2)).containsExactly(-4900, -5000);
    }

    @Inject
    dk.flyt.platform.time.MutableClock clock;

    @Test
    void R_POUT_02_usageBilledLateIsChargedUpTo30DaysAfterThePortOut() throws Exception {
        clock.set(java.time.Instant.parse("2026-11-20T12:00:00Z"));
        String customer = "cust-" + UUID.randomUUID();
        String subscription = "sub-" + UUID.randomUUID();
        activate(customer, subscription, null, 0);
        awaitAccount(customer);
        publish(
                Topics.PORTING_EVENTS,
                "PortOutCompleted",
                "po-" + subscription,
                new dk.flyt.contracts.porting.PortingEvents.PortOutCompleted(
                        "po-" + subscription,
                        "+4591000002",
                        subscription,
                        customer,
                        "TELIA",
                        LocalDate.parse("2026-11-16")));
        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaTestClient.readUntil(
                        Topics.BILLING_EVENTS,
                        r -> customer.equals(r.key()) && "AccountSettled".equals(KafkaTestClient.header(r, "ce_type")),
                        Duration.ofSeconds(2))
                .stream()
                .anyMatch(r -> customer.equals(r.key())));

        // roaming from before the port, rated 29 days after it: still charged
        clock.set(java.time.Instant.parse("2026-12-15T12:00:00Z"));
        publish(
                Topics.SUBSCRIPTION_EVENTS,
                "UsageBilled",
                subscription,
                new dk.flyt.contracts.subscription.SubscriptionEvents.UsageBilled(
                        "u1-" + subscription, subscription, customer, 4500, LocalDate.parse("2026-11-10")));
        assertThat(amountsOnceSettled(customer, 1)).containsExactly(-4500);

        // 31 days after: no longer
        clock.set(java.time.Instant.parse("2026-12-18T12:00:00Z"));
        publish(
                Topics.SUBSCRIPTION_EVENTS,
                "UsageBilled",
                subscription,
                new dk.flyt.contracts.subscription.SubscriptionEvents.UsageBilled(
                        "u2-" + subscription, subscription, customer, 3000, LocalDate.parse("2026-11-12")));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(amountsOnceSettled(customer, 1)).containsExactly(-4500);
    }

    private void approve(String order, String customer, boolean feeWaived) throws Exception {
        publish(
                Topics.SUBSCRIPTION_EVENTS,
                "OrderApproved",
                order,
                new dk.flyt.contracts.subscription.SubscriptionEvents.OrderApproved(order, customer, 9900, feeWaived));
    }

    private static void awaitAccount(String customer) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> dk.flyt.testing.Agents.announcedOn(customer)
                                .get("/api/v1/accounts/{c}", customer)
                                .then()
                                .extract()
                                .statusCode()
                        == 200);
    }
}
