package dk.flyt.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dk.flyt.contracts.Topics;
import dk.flyt.contracts.porting.PortingEvents;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A subscription after activation: plan change, cancellation, block, port-out, ownership transfer, debt. */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class SubscriptionLifecycleTest {
    @Inject
    MutableClock clock;

    @Inject
    SimulatedNotifications notifications;

    @Inject
    dk.flyt.subscription.credit.SimulatedCreditBureau bureau;

    record Line(String subscriptionId, String customerId, String email) {}

    /** A new-number subscription on {@code plan}, activated today by first use. */
    private Line active(String plan, int bindingMonths) {
        var customer = Shop.customer(Shop.cpr());
        JsonNode o = Shop.placed(Shop.order(customer, List.of(Shop.newLine(plan, bindingMonths))));
        String orderId = o.get("id").asText();
        String subscriptionId = o.get("lines").get(0).get("subscriptionId").asText();
        Shop.ship(orderId, o.get("lines").get(0).get("id").asText(), "SHIPPED").statusCode(200);
        given().auth()
                .oauth2(Tokens.forRole("network"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "usageId", "u-" + UUID.randomUUID(),
                        "usedOn",
                                LocalDate.ofInstant(clock.instant(), dk.flyt.contracts.BusinessTime.ZONE)
                                        .toString(),
                        "voiceSeconds", 10,
                        "dataMegabytes", 1,
                        "amountOre", 0))
                .when()
                .post("/api/v1/subscriptions/{id}/usage", subscriptionId)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        return new Line(subscriptionId, o.get("customerId").asText(), (String) customer.get("email"));
    }

    private ValidatableResponse changePlan(Line l, String plan) {
        return given().auth()
                .oauth2(Tokens.customer(l.customerId()))
                .contentType(ContentType.JSON)
                .body(Map.of("planCode", plan))
                .when()
                .post("/api/v1/subscriptions/{id}/plan-changes", l.subscriptionId())
                .then();
    }

    private ValidatableResponse cancel(Line l, String token) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/subscriptions/{id}/cancellation", l.subscriptionId())
                .then();
    }

    @Test
    void R_SUB_02_R_SUB_03_R_SUB_04_aNextMonthChangeOncePerMonthCancellableUntilItTakesEffect() {
        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
        Line l = active("MOBILE_100GB", 0);
        String first = changePlan(l, "MOBILE_10GB")
                .statusCode(201)
                .body("immediate", equalTo(false))
                .body("effectiveOn", equalTo("2026-12-01"))
                .body("effectiveWhy", containsString("1st of the next month"))
                .body("status", equalTo("SCHEDULED"))
                .extract()
                .path("id");
        JsonNode changed = Shop.one(Topics.SUBSCRIPTION_EVENTS, "PlanChanged", l.subscriptionId());
        assertThat(changed.get("monthlyPriceOre").asLong()).isEqualTo(9_900);
        assertThat(changed.get("effectiveOn").asText()).isEqualTo("2026-12-01");

        changePlan(l, "DATA_50GB").statusCode(422).body("type", containsString("once-per-month"));

        given().auth()
                .oauth2(Tokens.customer(l.customerId()))
                .when()
                .delete("/api/v1/subscriptions/{id}/plan-changes/{c}", l.subscriptionId(), first)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        assertThat(Shop.one(Topics.SUBSCRIPTION_EVENTS, "PlanChangeCancelled", l.subscriptionId())
                        .get("changeId")
                        .asText())
                .isEqualTo(first);

        // a cancelled change does not use up the month
        String second = changePlan(l, "MOBILE_10GB").statusCode(201).extract().path("id");
        assertThat(Shop.subscription(l.subscriptionId()).get("plan").asText()).isEqualTo("MOBILE_100GB");
        clock.set(Instant.parse("2026-11-30T23:00:01Z")); // 1 December in Copenhagen
        awaitSubscription(
                l.subscriptionId(), s -> "MOBILE_10GB".equals(s.get("plan").asText()));
        given().auth()
                .oauth2(Tokens.customer(l.customerId()))
                .when()
                .delete("/api/v1/subscriptions/{id}/plan-changes/{c}", l.subscriptionId(), second)
                .then()
                .statusCode(409);
    }

    @Test
    void R_SUB_03_aChangeToStreamingIsImmediateAndCannotBeUndone() {
        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
        Line l = active("MOBILE_10GB", 0);
        String id = changePlan(l, "MOBILE_FREE_STREAMING")
                .statusCode(201)
                .body("immediate", equalTo(true))
                .body("effectiveOn", equalTo("2026-11-16"))
                .body("effectiveWhy", containsString("at once"))
                .extract()
                .path("id");
        assertThat(Shop.subscription(l.subscriptionId()).get("plan").asText()).isEqualTo("MOBILE_FREE_STREAMING");
        given().auth()
                .oauth2(Tokens.customer(l.customerId()))
                .when()
                .delete("/api/v1/subscriptions/{id}/plan-changes/{c}", l.subscriptionId(), id)
                .then()
                .statusCode(409);
        clock.set(Instant.parse("2026-12-02T09:00:00Z"));
        changePlan(l, "MOBILE_10GB").statusCode(422).body("type", containsString("irreversible"));
    }

    @Test
    void R_SUB_05_duringBindingOnlyTheSameTypeAtTheSameOrAHigherPrice() {
        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
        Line l = active("MOBILE_100GB", 6);
        assertThat(Shop.subscription(l.subscriptionId()).get("bindingEndsOn").asText())
                .isEqualTo("2027-05-16");
        changePlan(l, "MOBILE_10GB").statusCode(422).body("type", containsString("binding"));
        changePlan(l, "DATA_500GB").statusCode(422).body("type", containsString("binding"));
        changePlan(l, "PLATINUM").statusCode(400).body("errors[0].field", equalTo("planCode"));
        changePlan(l, "MOBILE_FREE_STREAMING").statusCode(201);
    }

    @Test
    void R_SUB_07_withoutBindingThirtyDaysNoticeAndTheSubscriptionEndsOnThatDay() {
        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
        Line l = active("MOBILE_10GB", 0);
        assertThat(Shop.subscription(l.subscriptionId()).get("earliestEndOn").asText())
                .isEqualTo("2026-12-16");
        cancel(l, Tokens.customer(l.customerId()))
                .statusCode(200)
                .body("earliestEndOn", equalTo(null))
                .body("noticeGivenOn", equalTo("2026-11-16"))
                .body("endsOn", equalTo("2026-12-16"));
        cancel(l, Tokens.customer(l.customerId())).statusCode(409);
        assertThat(Shop.one(Topics.SUBSCRIPTION_EVENTS, "CancellationNoticed", l.subscriptionId())
                        .get("endsOn")
                        .asText())
                .isEqualTo("2026-12-16");
        clock.set(Instant.parse("2026-12-15T23:00:01Z"));
        JsonNode ended = Shop.one(Topics.SUBSCRIPTION_EVENTS, "SubscriptionEnded", l.subscriptionId());
        assertThat(ended.get("endedOn").asText()).isEqualTo("2026-12-16");
        awaitSubscription(
                l.subscriptionId(), s -> "ENDED".equals(s.get("status").asText()));
    }

    @Test
    void R_SUB_07_R_SUB_08_withBindingTheEarliestEndIsTheBindingEndAndOnlyTheHolderCancels() {
        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
        Line l = active("MOBILE_10GB", 6);
        assertThat(Shop.subscription(l.subscriptionId()).get("earliestEndOn").asText())
                .as("shown before notice is given")
                .isEqualTo("2027-05-16");
        cancel(l, Tokens.customer(UUID.randomUUID().toString())).statusCode(404);
        cancel(l, Tokens.forRole("logistics")).statusCode(403);
        cancel(l, Tokens.customer(l.customerId())).statusCode(200).body("endsOn", equalTo("2027-05-16"));
    }

    @Test
    void R_SUB_10_aLostSimIsBlockedAtOnceAndUnblockedOnANewSim() {
        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
        Line l = active("MOBILE_10GB", 0);
        given().auth()
                .oauth2(Tokens.customer(l.customerId()))
                .when()
                .post("/api/v1/subscriptions/{id}/block", l.subscriptionId())
                .then()
                .statusCode(200)
                .body("status", equalTo("BLOCKED"))
                .body("blockReason", equalTo("LOST"))
                .body("onlyEmergencyCalls", equalTo(true));
        assertThat(Shop.one(Topics.SUBSCRIPTION_EVENTS, "SubscriptionBlocked", l.subscriptionId())
                        .get("reason")
                        .asText())
                .isEqualTo("LOST");
        String newSim = Shop.iccid();
        Agents.on(l.customerId())
                .contentType(ContentType.JSON)
                .body(Map.of("newSimIccid", newSim))
                .when()
                .post("/api/v1/subscriptions/{id}/unblock", l.subscriptionId())
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("iccid", equalTo(newSim));
        JsonNode replaced = Shop.one(Topics.SUBSCRIPTION_EVENTS, "SimReplaced", l.subscriptionId());
        assertThat(replaced.get("newIccid").asText())
                .as("R-POUT-03: porting validates port-outs against the new SIM")
                .isEqualTo(newSim);
        assertThat(replaced.get("number").asText())
                .isEqualTo(Shop.subscription(l.subscriptionId()).get("number").asText());
        Shop.one(Topics.SUBSCRIPTION_EVENTS, "SubscriptionUnblocked", l.subscriptionId());
    }

    @Test
    void anActionSentTwiceWithOneIdempotencyKeyIsDoneOnceAndAnsweredAlike() throws Exception {
        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
        Line l = active("MOBILE_10GB", 0);
        String key = UUID.randomUUID().toString();
        java.util.concurrent.Callable<io.restassured.response.Response> block = () -> given().auth()
                .oauth2(Tokens.customer(l.customerId()))
                .header("Idempotency-Key", key)
                .when()
                .post("/api/v1/subscriptions/{id}/block", l.subscriptionId());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(block);
            var second = pool.submit(block);
            io.restassured.response.Response a = first.get();
            io.restassured.response.Response b = second.get();
            assertThat(List.of(a.statusCode(), b.statusCode())).containsExactly(200, 200);
            assertThat(a.jsonPath().getString("status")).isEqualTo("BLOCKED");
            assertThat(b.jsonPath().getString("status")).isEqualTo("BLOCKED");
            assertThat(List.of(
                            String.valueOf(a.header("Idempotent-Replayed")),
                            String.valueOf(b.header("Idempotent-Replayed"))))
                    .as("one of the two was answered from the first")
                    .contains("true");
        } finally {
            pool.shutdown();
        }
        io.restassured.response.Response later = block.call();
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(later.header("Idempotent-Replayed")).isEqualTo("true");
        String timeline = given().auth()
                .oauth2(Tokens.customer(l.customerId()))
                .when()
                .get("/api/v1/subscriptions/{id}/timeline", l.subscriptionId())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(Shop.read(timeline).findValuesAsText("what").stream()
                        .filter(w -> w.toLowerCase(java.util.Locale.ROOT).contains("block"))
                        .count())
                .as("blocked once")
                .isEqualTo(1);
        // without the key the second block is refused: it is blocked already
        given().auth()
                .oauth2(Tokens.customer(l.customerId()))
                .when()
                .post("/api/v1/subscriptions/{id}/block", l.subscriptionId())
                .then()
                .statusCode(409);
        // a refused request keeps nothing: sent again with its key it is refused again, not replayed
        String refusedKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            io.restassured.response.Response refused = given().auth()
                    .oauth2(Tokens.customer(l.customerId()))
                    .header("Idempotency-Key", refusedKey)
                    .when()
                    .post("/api/v1/subscriptions/{id}/block", l.subscriptionId());
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.header("Idempotent-Replayed")).isNull();
        }
        // the key names one request: another action with it is the client's mistake
        given().auth()
                .oauth2(Tokens.customer(l.customerId()))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post("/api/v1/subscriptions/{id}/unblock", l.subscriptionId())
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        given().auth()
                .oauth2(Tokens.customer(l.customerId()))
                .header("Idempotency-Key", "not a key")
                .when()
                .post("/api/v1/subscriptions/{id}/block", l.subscriptionId())
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void R_POUT_02_R_POUT_05_aCompletedPortOutEndsTheSubscriptionAndARevertedOneReopensIt() {
        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
        Line l = active("MOBILE_10GB", 0);
        String number = Shop.subscription(l.subscriptionId()).get("number").asText();
        String portOutId = UUID.randomUUID().toString();
        Shop.porting(
                "PortOutCompleted",
                portOutId,
                new PortingEvents.PortOutCompleted(
                        portOutId, number, l.subscriptionId(), l.customerId(), "TELIA", LocalDate.parse("2026-11-20")));
        JsonNode s = awaitSubscription(
                l.subscriptionId(), x -> "ENDED".equals(x.get("status").asText()));
        assertThat(s.get("endReason").asText()).isEqualTo("PORTED_OUT");
        assertThat(s.get("endedOn").asText()).isEqualTo("2026-11-20");
        Shop.porting(
                "PortOutReverted",
                portOutId,
                new PortingEvents.PortOutReverted(portOutId, number, l.subscriptionId(), l.customerId()));
        awaitSubscription(
                l.subscriptionId(), x -> "ACTIVE".equals(x.get("status").asText()));
    }

    @Test
    void R_SUB_09_theNewOwnerAcceptsWithin48Hours() {
        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
        Line l = active("MOBILE_10GB", 0);
        var sameMail = Shop.customer(Shop.cpr());
        sameMail.put("email", l.email().toUpperCase());
        transfer(l, sameMail).statusCode(422).body("errors[0].field", equalTo("newOwner.email"));
        var minor = Shop.customer("010115-4001");
        transfer(l, minor).statusCode(400).body("errors[0].field", equalTo("newOwner.cpr"));

        var newOwner = Shop.customer(Shop.cpr());
        String transferId = transfer(l, newOwner)
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("expiresAt", equalTo("2026-11-18T09:00:00Z"))
                .extract()
                .path("id");
        String to = Agents.on(l.customerId())
                .when()
                .get("/api/v1/ownership-transfers/{id}", transferId)
                .then()
                .statusCode(200)
                .extract()
                .path("toCustomerId");
        String token = notifications.lastTokenFor(transferId).orElseThrow();
        given().auth()
                .oauth2(Tokens.customer(to))
                .contentType(ContentType.JSON)
                .body(Map.of("token", "wrong"))
                .when()
                .post("/api/v1/ownership-transfers/{id}/acceptance", transferId)
                .then()
                .statusCode(400);
        clock.set(Instant.parse("2026-11-18T08:59:00Z"));
        given().auth()
                .oauth2(Tokens.customer(to))
                .contentType(ContentType.JSON)
                .body(Map.of("token", token))
                .when()
                .post("/api/v1/ownership-transfers/{id}/acceptance", transferId)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        JsonNode moved = Shop.one(Topics.SUBSCRIPTION_EVENTS, "OwnershipTransferred", l.subscriptionId());
        assertThat(moved.get("toCustomerId").asText()).isEqualTo(to);
        given().auth()
                .oauth2(Tokens.customer(l.customerId()))
                .when()
                .get("/api/v1/subscriptions/{id}", l.subscriptionId())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.customer(to))
                .when()
                .get("/api/v1/subscriptions/{id}", l.subscriptionId())
                .then()
                .statusCode(200)
                .body("customerId", equalTo(to));
    }

    @Test
    void R_SUB_09_noTransferDuringBindingAndAnUnacceptedTransferLapses() {
        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
        Line bound = active("MOBILE_10GB", 3);
        transfer(bound, Shop.customer(Shop.cpr())).statusCode(422).body("errors[0].field", equalTo("subscription"));
        Line l = active("MOBILE_10GB", 0);
        String transferId =
                transfer(l, Shop.customer(Shop.cpr())).statusCode(201).extract().path("id");
        clock.advance(Duration.ofHours(48).plusMinutes(1));
        Shop.eventually(
                () -> given().auth()
                        .oauth2(Tokens.customer(l.customerId()))
                        .when()
                        .get("/api/v1/ownership-transfers/{id}", transferId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .<String>path("status"),
                "LAPSED"::equals);
    }

    @Test
    void R_SUB_11_aPriceRiseIsAnnouncedAMonthAheadAndLetsABoundCustomerLeaveByItsDate() {
        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
        Line l = active("DATA_500GB", 6);
        given().auth()
                .oauth2(Tokens.forRole("billing-admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("newPrice", 21_900, "effectiveOn", "2026-12-01"))
                .when()
                .post("/api/v1/plans/{code}/price-changes", "DATA_500GB")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("effectiveOn"));
        given().auth()
                .oauth2(Tokens.customer(l.customerId()))
                .contentType(ContentType.JSON)
                .body(Map.of("newPrice", 21_900, "effectiveOn", "2027-01-01"))
                .when()
                .post("/api/v1/plans/{code}/price-changes", "DATA_500GB")
                .then()
                .statusCode(403);
        String changeId = given().auth()
                .oauth2(Tokens.forRole("billing-admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("newPrice", 21_900, "effectiveOn", "2027-01-01"))
                .when()
                .post("/api/v1/plans/{code}/price-changes", "DATA_500GB")
                .then()
                .statusCode(201)
                .body("favourable", equalTo(false))
                .body("oldPrice", equalTo(19_900))
                .extract()
                .path("id");
        // billing hears of it once, for the plan, and applies it to every line on the plan from its date
        JsonNode announced = Shop.records(
                        Topics.SUBSCRIPTION_EVENTS, "TermsChangeAnnounced", "DATA_500GB", found -> found.stream()
                                .anyMatch(e -> changeId.equals(e.get("changeId").asText())))
                .stream()
                .filter(e -> changeId.equals(e.get("changeId").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(announced.get("newPriceOre").asLong()).isEqualTo(21_900);
        assertThat(announced.get("effectiveOn").asText()).isEqualTo("2027-01-01");
        assertThat(Shop.all(Topics.SUBSCRIPTION_EVENTS, "PlanChanged", l.subscriptionId()))
                .as("no PlanChanged per line for a price change (a plan may have a million lines)")
                .isEmpty();

        clock.set(Instant.parse("2026-12-10T09:00:00Z"));
        cancel(l, Tokens.customer(l.customerId())).statusCode(200).body("endsOn", equalTo("2027-01-01"));

        clock.set(Instant.parse("2026-12-31T23:00:01Z"));
        Shop.eventually(
                () -> given().when()
                        .get("/api/v1/plans")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<Integer>path("find { it.code == 'DATA_500GB' }.monthlyPrice"),
                price -> price == 21_900);
    }

    @Test
    void R_BILL_05_whenBillingAllowsBlockingForDebtTheLinesAreBlocked() {
        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
        Line l = active("MOBILE_10GB", 0);
        Shop.send(
                Topics.BILLING_EVENTS,
                "BlockingAllowed",
                l.customerId(),
                UUID.randomUUID().toString(),
                Map.of("customerId", l.customerId(), "balanceOre", -60_000));
        JsonNode s = awaitSubscription(
                l.subscriptionId(), x -> "BLOCKED".equals(x.get("status").asText()));
        assertThat(s.get("blockReason").asText()).isEqualTo("DEBT");
        assertThat(Shop.one(Topics.SUBSCRIPTION_EVENTS, "SubscriptionBlocked", l.subscriptionId())
                        .get("reason")
                        .asText())
                .isEqualTo("DEBT");
    }

    @Test
    void theSubscriptionTimelineShowsMoneyFromBilling() {
        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
        Line l = active("MOBILE_10GB", 0);
        Shop.send(
                Topics.BILLING_EVENTS,
                "EntryPosted",
                l.customerId(),
                UUID.randomUUID().toString(),
                Map.of(
                        "customerId",
                        l.customerId(),
                        "kind",
                        "CHARGE",
                        "amountOre",
                        -4_950,
                        "reason",
                        "Mobil 10 GB, 16-30 November",
                        "cause",
                        "charge:" + l.subscriptionId(),
                        "subscriptionId",
                        l.subscriptionId()));
        String timeline = Shop.eventually(
                () -> given().auth()
                        .oauth2(Tokens.customer(l.customerId()))
                        .when()
                        .get("/api/v1/subscriptions/{id}/timeline", l.subscriptionId())
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                t -> t.contains("ENTRY_POSTED"));
        assertThat(timeline)
                .contains("SUBSCRIPTION_ACTIVATED")
                .contains("ENTRY_POSTED")
                .contains("-4950");
    }

    @Test
    void R_SUB_09_aTransferToAnExistingCustomerChangesNothingOfTheirsAndShowsNothingToTheOldOwner() {
        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
        Line existing = active("MOBILE_10GB", 0);
        String cpr = Agents.on(existing.customerId())
                .header("X-Reveal-Reason", "test: the new owner's CPR as the old owner would type it")
                .get("/api/v1/customers/{id}", existing.customerId())
                .then()
                .statusCode(200)
                .extract()
                .path("cpr");
        String before = given().auth()
                .oauth2(Tokens.customer(existing.customerId()))
                .get("/api/v1/customers/{id}", existing.customerId())
                .then()
                .extract()
                .asString();
        Line l = active("MOBILE_10GB", 0);
        var asTyped = Shop.customer(cpr);
        asTyped.put("name", "Someone Else");
        asTyped.put("address", Map.of("street", "Anden Vej 5", "postalCode", "2100", "city", "København Ø"));
        String transferId = transfer(l, asTyped)
                .statusCode(201)
                .body("toCustomerId", org.hamcrest.Matchers.nullValue())
                .extract()
                .path("id");
        given().auth()
                .oauth2(Tokens.customer(l.customerId()))
                .get("/api/v1/ownership-transfers/{id}", transferId)
                .then()
                .statusCode(200)
                .body("toCustomerId", org.hamcrest.Matchers.nullValue());
        given().auth()
                .oauth2(Tokens.customer(existing.customerId()))
                .get("/api/v1/ownership-transfers/{id}", transferId)
                .then()
                .statusCode(200)
                .body("toCustomerId", equalTo(existing.customerId()));
        String after = given().auth()
                .oauth2(Tokens.customer(existing.customerId()))
                .get("/api/v1/customers/{id}", existing.customerId())
                .then()
                .extract()
                .asString();
        assertThat(after)
                .as("nothing of the new owner's changes before they accept")
                .isEqualTo(before);
    }

    @Test
    void R_SUB_09_aRefusedCreditCheckOfTheNewOwnerDoesNotShowTheirReason() {
        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
        Line l = active("MOBILE_10GB", 0);
        String cpr = Shop.cpr();
        bureau.behave(cpr, dk.flyt.subscription.credit.SimulatedCreditBureau.Behaviour.REFUSE_RKI);
        String detail = transfer(l, Shop.customer(cpr))
                .statusCode(422)
                .body("type", equalTo("https://flyt.dk/problems/credit-refused"))
                .extract()
                .path("detail");
        assertThat(detail).doesNotContain("RKI");
    }

    private ValidatableResponse transfer(Line l, Map<String, Object> newOwner) {
        return given().auth()
                .oauth2(Tokens.customer(l.customerId()))
                .contentType(ContentType.JSON)
                .body(Map.of("newOwner", newOwner, "paymentMethodRef", "pm-mc-5555"))
                .when()
                .post("/api/v1/subscriptions/{id}/ownership-transfers", l.subscriptionId())
                .then();
    }

    static JsonNode awaitSubscription(String id, Predicate<JsonNode> condition) {
        return Shop.eventually(() -> Shop.subscription(id), condition);
    }
}
