package dk.flyt.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dk.flyt.contracts.Topics;
import dk.flyt.platform.time.MutableClock;
import dk.flyt.subscription.credit.SimulatedCreditBureau;
import dk.flyt.subscription.persistence.CustomerRepository;
import dk.flyt.subscription.persistence.OrderRepository;
import dk.flyt.testing.Agents;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.KafkaTestClient;
import dk.flyt.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Checkout over HTTP against the real database and broker (R-ORD-01..07, R-WDR-01/07, R-DATA-01/02). */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class CheckoutApiTest {
    @Inject
    MutableClock clock;

    @Inject
    SimulatedCreditBureau bureau;

    @Inject
    OrderRepository orders;

    @Inject
    CustomerRepository customers;

    @Test
    void R_ORD_01_R_WDR_07_aValidOrderIsApprovedWithTheExtendedWithdrawalDeadline() {
        clock.set(Instant.parse("2026-11-07T10:00:00Z")); // a Saturday: day 14 is Saturday 21 Nov
        String cpr = Shop.cpr();
        var body = Shop.order(Shop.customer(cpr), List.of(Shop.portInLine(Shop.number(), Shop.iccid())));
        JsonNode o = Shop.placed(body);
        assertThat(o.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(o.get("acceptedOn").asText()).isEqualTo("2026-11-07");
        assertThat(o.get("withdrawalDeadline").asText()).isEqualTo("2026-11-23");
        assertThat(o.get("lines").get(0).get("step").asText()).isEqualTo("AWAITING_SHIPMENT");
        assertThat(o.get("creationFee").asLong()).isEqualTo(9_900);
    }

    @Test
    void R_ORD_01_everyBadFieldIsNamedAndNothingIsStored() {
        long before = QuarkusTransaction.requiringNew().call(() -> orders.count());
        var customer = Shop.customer("310290-1234");
        customer.put("email", "not-an-address");
        customer.put("address", Map.of("street", "Nuuk vej 1", "postalCode", "3900", "city", "Nuuk"));
        var line = Shop.portInLine("+46701234567", "8945010000000000007");
        given().auth()
                .oauth2(Tokens.forRole("webshop"))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Shop.order(customer, List.of(line)))
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        hasItems(
                                "customer.cpr",
                                "customer.email",
                                "customer.address.postalCode",
                                "lines[0].number",
                                "lines[0].donorIccid"))
                .body("detail", notNullValue());
        assertThat(QuarkusTransaction.requiringNew().call(() -> orders.count())).isEqualTo(before);
    }

    @Test
    void malformedJsonOrAMissingKeyIsA400NotA500() {
        given().auth()
                .oauth2(Tokens.forRole("webshop"))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "k-" + UUID.randomUUID())
                .body("{\"customer\": [")
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(Tokens.forRole("webshop"))
                .contentType(ContentType.JSON)
                .body(Shop.order(Shop.customer(Shop.cpr()), List.of(Shop.newLine("MOBILE_10GB", 0))))
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void R_ORD_07_aRetryReturnsTheSameOrderAndAnotherBodyWithTheKeyIsRefused() {
        String key = UUID.randomUUID().toString();
        var body = Shop.order(Shop.customer(Shop.cpr()), List.of(Shop.newLine("MOBILE_10GB", 0)));
        String first = Shop.place(body, key).statusCode(201).extract().path("id");
        Shop.place(body, key).statusCode(200).body("id", equalTo(first));
        var other = Shop.order(Shop.customer(Shop.cpr()), List.of(Shop.newLine("MOBILE_100GB", 0)));
        Shop.place(other, key)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("idempotency-key-reused"));
        assertThat(Shop.all(Topics.SUBSCRIPTION_EVENTS, "OrderPlaced", first)).hasSize(1);
    }

    @Test
    void R_ORD_07_theSameCheckoutPostedTwiceAtOnceCreatesOneOrder() throws Exception {
        String key = UUID.randomUUID().toString();
        String cpr = Shop.cpr();
        var body = Shop.order(Shop.customer(cpr), List.of(Shop.newLine("MOBILE_10GB", 0)));
        int n = 4;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Callable<String> post = () -> {
                start.await();
                return Shop.place(body, key).extract().path("id");
            };
            answers.add(pool.submit(post));
        }
        start.countDown();
        List<String> ids = new ArrayList<>();
        for (Future<String> f : answers) {
            ids.add(f.get());
        }
        pool.shutdown();
        assertThat(ids).doesNotContainNull().containsOnly(ids.get(0));
        long stored = QuarkusTransaction.requiringNew().call(() -> orders.count("idempotencyKey", key));
        assertThat(stored).isEqualTo(1);
        assertThat(bureau.calls(cpr)).isBetween(1, n);
    }

    @Test
    void R_ORD_04_aRefusedCreditCheckRefusesTheOrderWithItsReasonRecorded() {
        String cpr = Shop.cpr();
        bureau.behave(cpr, SimulatedCreditBureau.Behaviour.REFUSE_RKI);
        JsonNode o = Shop.placed(Shop.order(Shop.customer(cpr), List.of(Shop.newLine("MOBILE_10GB", 0))));
        assertThat(o.get("status").asText()).isEqualTo("REFUSED");
        assertThat(o.get("refusalReason").isNull())
                .as("the web shop sees only 'refused': the reason is credit data")
                .isTrue();
        assertThat(Shop.order(o.get("id").asText()).get("refusalReason").asText())
                .as("an agent sees the reason")
                .isEqualTo("RKI");
        assertThat(o.get("lines").get(0).get("step").asText()).isEqualTo("CANCELLED");
        JsonNode refused =
                Shop.one(Topics.SUBSCRIPTION_EVENTS, "OrderRefused", o.get("id").asText());
        assertThat(refused.has("reason")).as("events carry no credit data").isFalse();
        Shop.ship(o.get("id").asText(), o.get("lines").get(0).get("id").asText(), "SHIPPED")
                .statusCode(409);
    }

    @Test
    void R_ORD_04_aSilentBureauLeavesTheOrderPendingAndTheCheckIsAskedAgain() throws Exception {
        String cpr = Shop.cpr();
        bureau.behave(cpr, SimulatedCreditBureau.Behaviour.TIME_OUT);
        JsonNode o = Shop.placed(Shop.order(Shop.customer(cpr), List.of(Shop.newLine("MOBILE_10GB", 0))));
        String id = o.get("id").asText();
        assertThat(o.get("status").asText()).isEqualTo("PENDING_CREDIT_CHECK");
        bureau.behave(cpr, SimulatedCreditBureau.Behaviour.APPROVE);
        clock.advance(Duration.ofMinutes(2));
        awaitStatus(id, "IN_PROGRESS");
        JsonNode approved = Shop.one(Topics.SUBSCRIPTION_EVENTS, "OrderApproved", id);
        assertThat(approved.get("creationFeeOre").asLong()).isEqualTo(9_900);
        assertThat(approved.get("subscriptionIds"))
                .as("billing learns the lines to come, so it never settles an account with one pending (R-BILL-07)")
                .hasSize(1);
        assertThat(approved.get("subscriptionIds").get(0).asText())
                .isEqualTo(
                        Shop.order(id).get("lines").get(0).get("subscriptionId").asText());
    }

    @Test
    void R_ORD_05_R_ORD_04_aBureauThatNeverAnswersEndsInARefusalTheCustomerIsToldOf() throws Exception {
        String cpr = Shop.cpr();
        bureau.behave(cpr, SimulatedCreditBureau.Behaviour.TIME_OUT);
        JsonNode o = Shop.placed(Shop.order(Shop.customer(cpr), List.of(Shop.newLine("MOBILE_10GB", 0))));
        String id = o.get("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline
                && !"REFUSED".equals(Shop.order(id).get("status").asText())) {
            clock.advance(Duration.ofMinutes(2)); // the retry interval in tests is one minute
            Thread.sleep(1_200);
        }
        JsonNode refused = Shop.order(id);
        assertThat(refused.get("status").asText()).isEqualTo("REFUSED");
        assertThat(refused.get("refusalReason").asText()).isEqualTo("CREDIT_CHECK_UNAVAILABLE");
        assertThat(bureau.calls(cpr)).isEqualTo(6);
        assertThat(Shop.one(Topics.SUBSCRIPTION_EVENTS, "OrderRefused", id).has("reason"))
                .isFalse();
    }

    @Test
    void R_ORD_06_aCampaignMayWaiveTheCreationFeeAndAnUnknownCampaignIsNamed() {
        var body = Shop.order(Shop.customer(Shop.cpr()), List.of(Shop.newLine("MOBILE_10GB", 0)));
        body.put("campaign", "FREE-START");
        JsonNode o = Shop.placed(body);
        JsonNode approved = Shop.one(
                Topics.SUBSCRIPTION_EVENTS, "OrderApproved", o.get("id").asText());
        assertThat(approved.get("creationFeeWaived").asBoolean()).isTrue();
        assertThat(approved.get("creationFeeOre").asLong()).isZero();
        body.put("campaign", "OLD-2024");
        Shop.place(body, UUID.randomUUID().toString()).statusCode(400).body("errors[0].field", equalTo("campaign"));
    }

    @Test
    void R_ORD_02_aPrivateProfileHoldsAtMostTwelveSubscriptions() {
        String cpr = Shop.cpr();
        List<Map<String, Object>> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(Shop.newLine("BASIC", 0));
        }
        String id = Shop.placed(Shop.order(Shop.customer(cpr), ten))
                .get("customerId")
                .asText();
        var loggedIn = Shop.customer(cpr);
        loggedIn.put("id", id); // her later orders come with her login (the security issue: proof of identity)
        var three = Shop.order(
                loggedIn, List.of(Shop.newLine("BASIC", 0), Shop.newLine("BASIC", 0), Shop.newLine("BASIC", 0)));
        Shop.place(three, UUID.randomUUID().toString())
                .statusCode(422)
                .body("type", containsString("subscription-limit"));
        var two = Shop.order(loggedIn, List.of(Shop.newLine("BASIC", 0), Shop.newLine("BASIC", 0)));
        Shop.place(two, UUID.randomUUID().toString()).statusCode(201);
    }

    @Test
    void theWebShopCannotPlaceAnAgentsOrderAndLogisticsCannotOrderAtAll() {
        var body = Shop.order(Shop.customer(Shop.cpr()), List.of(Shop.newLine("MOBILE_10GB", 0)));
        body.put("channel", "TELESALES");
        Shop.place(body, UUID.randomUUID().toString()).statusCode(400).body("errors[0].field", equalTo("channel"));
        given().auth()
                .oauth2(Tokens.forRole("logistics"))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body)
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(403);
    }

    @Test
    void R_DATA_02_aCustomerSeesOnlyTheirOwnOrders() {
        JsonNode o = Shop.placed(Shop.order(Shop.customer(Shop.cpr()), List.of(Shop.newLine("MOBILE_10GB", 0))));
        String id = o.get("id").asText();
        String owner = o.get("customerId").asText();
        given().auth()
                .oauth2(Tokens.customer(owner))
                .when()
                .get("/api/v1/orders/{id}", id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        given().auth()
                .oauth2(Tokens.customer(UUID.randomUUID().toString()))
                .when()
                .get("/api/v1/orders/{id}", id)
                .then()
                .statusCode(404)
                .body("customerId", org.hamcrest.Matchers.nullValue());
        given().auth()
                .oauth2(Tokens.customer(UUID.randomUUID().toString()))
                .when()
                .get("/api/v1/customers/{c}/subscriptions", owner)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.customer(UUID.randomUUID().toString()))
                .when()
                .get("/api/v1/orders/{id}/timeline", id)
                .then()
                .statusCode(404);
    }

    @Test
    void R_DATA_01_cprIsMaskedInResponsesNeverInEventsAndAFullLookIsAudited() {
        String cpr = Shop.cpr();
        JsonNode o = Shop.placed(Shop.order(Shop.customer(cpr), List.of(Shop.newLine("MOBILE_10GB", 0))));
        String customer = o.get("customerId").asText();
        assertThat(o.toString()).doesNotContain(cpr.substring(7));
        given().auth()
                .oauth2(Tokens.customer(customer))
                .when()
                .get("/api/v1/customers/{id}", customer)
                .then()
                .statusCode(200)
                .body("cpr", equalTo(cpr.substring(0, 6) + "-XXXX"))
                .body("cprMasked", equalTo(true));
        String agent = "agent-" + UUID.randomUUID();
        Agents.as(agent, customer)
                .header("X-Reveal-Reason", "customer called about identity check")
                .when()
                .get("/api/v1/customers/{id}", customer)
                .then()
                .statusCode(200)
                .body("cpr", equalTo(cpr))
                .body("cprMasked", equalTo(false));
        Agents.on(customer)
                .when()
                .get("/api/v1/customers/{id}/audit", customer)
                .then()
                .statusCode(200)
                .body("find { it.action == 'CPR_REVEALED' }.actor", equalTo(agent))
                .body("find { it.action == 'CPR_REVEALED' }.reason", equalTo("customer called about identity check"));
        String digits = cpr.replace("-", "");
        var all = KafkaTestClient.readUntil(Topics.SUBSCRIPTION_EVENTS, r -> false, Duration.ofSeconds(3));
        assertThat(all).isNotEmpty();
        assertThat(all).noneMatch(r -> r.value().contains(digits) || r.value().contains(cpr));
    }

    @Test
    void R_DATA_02_aLoggedInCustomersFirstOrderCreatesTheProfileUnderTheLoginSubject() {
        String subject = UUID.randomUUID().toString();
        String cpr = Shop.cpr();
        var customer = Shop.customer(cpr);
        customer.put("id", subject);
        JsonNode o = Shop.placed(Shop.order(customer, List.of(Shop.newLine("MOBILE_10GB", 0))));
        assertThat(o.get("customerId").asText()).isEqualTo(subject);
        given().auth()
                .oauth2(Tokens.customer(subject))
                .when()
                .get("/api/v1/customers/{id}/orders", subject)
                .then()
                .statusCode(200)
                .body("[0].id", equalTo(o.get("id").asText()));
        given().auth()
                .oauth2(Tokens.customer(subject))
                .when()
                .get("/api/v1/customers/{id}/subscriptions", subject)
                .then()
                .statusCode(200)
                .body("[0].customerId", equalTo(subject));
        // the same CPR under another login is refused, and a malformed id is named
        var other = Shop.customer(cpr);
        other.put("id", UUID.randomUUID().toString());
        Shop.place(
                        Shop.order(other, List.of(Shop.newLine("MOBILE_10GB", 0))),
                        UUID.randomUUID().toString())
                .statusCode(422)
                .body("type", containsString("identity-refused"));
        var malformed = Shop.customer(Shop.cpr());
        malformed.put("id", "../../etc");
        Shop.place(
                        Shop.order(malformed, List.of(Shop.newLine("MOBILE_10GB", 0))),
                        UUID.randomUUID().toString())
                .statusCode(400)
                .body("errors[0].field", equalTo("customer.id"));
    }

    @Test
    void R_ORD_03_aNewNumberComesFromOurPool() {
        JsonNode o = Shop.placed(Shop.order(Shop.customer(Shop.cpr()), List.of(Shop.newLine("MOBILE_10GB", 0))));
        assertThat(o.get("lines").get(0).get("number").asText()).startsWith("+455299");
        JsonNode p = Shop.placed(Shop.order(Shop.customer(Shop.cpr()), List.of(Shop.newLine("MOBILE_10GB", 0))));
        assertThat(p.get("lines").get(0).get("number").asText())
                .isNotEqualTo(o.get("lines").get(0).get("number").asText());
    }

    private void awaitStatus(String orderId, String status) {
        Shop.eventually(() -> Shop.order(orderId).get("status").asText(), status::equals);
    }
}
