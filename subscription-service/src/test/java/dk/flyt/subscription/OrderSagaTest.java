package dk.flyt.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dk.flyt.contracts.Topics;
import dk.flyt.contracts.porting.PortingEvents;
import dk.flyt.platform.time.MutableClock;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The order saga driven through the real broker: commands read from {@code porting.commands}, the porting
 * service's facts sent to {@code porting.events} as it sends them, and the outcome read from
 * {@code subscription.events} and the API.
 */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class OrderSagaTest {
    @Inject
    MutableClock clock;

    /** An order with one port-in line whose SIM has been shipped; the port-in has been requested. */
    record PortIn(String orderId, String lineId, String customerId, String number, String portInId) {}

    private PortIn shippedPortIn(List<Map<String, Object>> extraLines, String device) {
        String number = Shop.number();
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(Shop.portInLine(number, Shop.iccid()));
        lines.addAll(extraLines);
        var body = Shop.order(Shop.customer(Shop.cpr()), lines);
        if (device != null) {
            body.put("device", device);
        }
        JsonNode o = Shop.placed(body);
        String orderId = o.get("id").asText();
        String lineId = o.get("lines").get(0).get("id").asText();
        Shop.ship(orderId, lineId, "SHIPPED").statusCode(200);
        JsonNode request = Shop.one(Topics.PORTING_COMMANDS, "RequestPortIn", orderId);
        assertThat(request.get("lineId").asText()).isEqualTo(lineId);
        assertThat(request.get("number").asText()).isEqualTo(number);
        String portInId = UUID.randomUUID().toString();
        Shop.porting(
                "PortInRequested",
                portInId,
                new PortingEvents.PortInRequested(portInId, orderId, lineId, number, today().plusDays(5)));
        return new PortIn(orderId, lineId, o.get("customerId").asText(), number, portInId);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), dk.flyt.contracts.BusinessTime.ZONE);
    }

    private void scheduled(PortIn p, LocalDate on) {
        Shop.porting(
                "PortInScheduled",
                p.portInId(),
                new PortingEvents.PortInScheduled(p.portInId(), p.orderId(), p.lineId(), p.number(), "TELIA", on));
        awaitOrder(p.orderId(), o -> "PORT_SCHEDULED".equals(step(o)));
    }

    private String completed(PortIn p, LocalDate on) {
        return Shop.porting(
                "PortInCompleted",
                p.portInId(),
                new PortingEvents.PortInCompleted(
                        p.portInId(), p.orderId(), p.lineId(), p.customerId(), p.number(), on, clock.instant()));
    }

    @Test
    void R_PORT_05_aLatePortActivatesOnTheDayEveryOperatorRoutesToUsNotTheAgreedDate() {
        clock.set(Instant.parse("2026-11-10T09:00:00Z"));
        PortIn p = shippedPortIn(List.of(), null);
        LocalDate portDate = LocalDate.parse("2026-11-17");
        scheduled(p, portDate);
        // completed two days late, at 00:30 on the 19th in Copenhagen (23:30 UTC the day before)
        clock.set(Instant.parse("2026-11-18T23:30:00Z"));
        completed(p, portDate);
        JsonNode o =
                awaitOrder(p.orderId(), x -> "COMPLETED".equals(x.get("status").asText()));
        String subscriptionId = o.get("lines").get(0).get("subscriptionId").asText();
        JsonNode activated = Shop.one(Topics.SUBSCRIPTION_EVENTS, "SubscriptionActivated", subscriptionId);
        assertThat(activated.get("activatedOn").asText())
                .as("billing starts on the day of completion (R-PORT-05), not back-dated")
                .isEqualTo("2026-11-19");
        assertThat(o.get("lines").get(0).get("portDate").asText()).isEqualTo("2026-11-17");
    }

    @Test
    void R_PORT_05_R_PORT_09_aPortInRunsToAnActiveSubscriptionAndARedeliveryChangesNothing() {
        clock.set(Instant.parse("2026-11-10T09:00:00Z"));
        PortIn p = shippedPortIn(List.of(), null);
        LocalDate portDate = LocalDate.parse("2026-11-17");
        scheduled(p, portDate);
        clock.set(Instant.parse("2026-11-17T01:05:00Z"));
        String eventId = completed(p, portDate);
        JsonNode o =
                awaitOrder(p.orderId(), x -> "COMPLETED".equals(x.get("status").asText()));
        String subscriptionId = o.get("lines").get(0).get("subscriptionId").asText();
        JsonNode activated = Shop.one(Topics.SUBSCRIPTION_EVENTS, "SubscriptionActivated", subscriptionId);
        assertThat(activated.get("activatedOn").asText()).isEqualTo("2026-11-17");
        assertThat(activated.get("number").asText()).isEqualTo(p.number());
        assertThat(activated.get("monthlyPriceOre").asLong()).isEqualTo(9_900);
        assertThat(activated.get("customerId").asText()).isEqualTo(p.customerId());

        // the same event delivered again, and the same fact under a new id: still one activation
        Shop.send(
                Topics.PORTING_EVENTS,
                "PortInCompleted",
                p.portInId(),
                eventId,
                new PortingEvents.PortInCompleted(
                        p.portInId(), p.orderId(), p.lineId(), p.customerId(), p.number(), portDate, clock.instant()));
        completed(p, portDate);
        String marker = Shop.porting(
                "PortInDelayed",
                p.portInId(),
                new PortingEvents.PortInDelayed(p.portInId(), p.orderId(), p.lineId(), portDate));
        awaitTimeline(p.orderId(), t -> t.toString().contains("PORT_IN_DELAYED"));
        assertThat(Shop.all(Topics.SUBSCRIPTION_EVENTS, "SubscriptionActivated", subscriptionId))
                .hasSize(1);
        assertThat(marker).isNotBlank();

        JsonNode sub = Shop.subscription(subscriptionId);
        assertThat(sub.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(sub.get("activatedOn").asText()).isEqualTo("2026-11-17");
        List<String> steps = new ArrayList<>();
        awaitTimeline(p.orderId(), t -> true)
                .forEach(e -> steps.add(e.get("what").asText()));
        assertThat(steps)
                .containsSubsequence(
                        "ORDER_PLACED",
                        "CREDIT_APPROVED",
                        "ORDER_APPROVED",
                        "FULFILMENT_REQUESTED",
                        "SIM_SHIPPED",
                        "PORT_IN_REQUESTED",
                        "PORT_IN_CASE_OPENED",
                        "PORT_IN_SCHEDULED",
                        "PORT_IN_COMPLETED",
                        "SUBSCRIPTION_ACTIVATED",
                        "PORT_IN_DELAYED");
    }

    @Test
    void R_PORT_01_aRejectedPortInIsCorrectedAndSentAgainNothingFailsSilently() {
        clock.set(Instant.parse("2026-11-10T09:00:00Z"));
        PortIn p = shippedPortIn(List.of(), null);
        Shop.porting(
                "PortInRejected",
                p.portInId(),
                new PortingEvents.PortInRejected(p.portInId(), p.orderId(), p.lineId(), "ICCID_MISMATCH"));
        JsonNode o = awaitOrder(
                p.orderId(), x -> "ACTION_REQUIRED".equals(x.get("status").asText()));
        assertThat(o.get("lines").get(0).get("step").asText()).isEqualTo("PORT_REJECTED");
        assertThat(o.get("lines").get(0).get("rejectCode").asText()).isEqualTo("ICCID_MISMATCH");
        assertThat(o.get("lines").get(0).get("actionRequired").asBoolean()).isTrue();
        assertThat(waiting()).as("the agents' queue shows it").contains(p.orderId());

        given().auth()
                .oauth2(Tokens.customer(p.customerId()))
                .contentType(ContentType.JSON)
                .body(Map.of("donorIccid", "12345"))
                .when()
                .post("/api/v1/orders/{o}/lines/{l}/port-in-correction", p.orderId(), p.lineId())
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("donorIccid"));
        String corrected = Shop.iccid();
        given().auth()
                .oauth2(Tokens.customer(p.customerId()))
                .contentType(ContentType.JSON)
                .body(Map.of("donorIccid", corrected))
                .when()
                .post("/api/v1/orders/{o}/lines/{l}/port-in-correction", p.orderId(), p.lineId())
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("lines[0].step", equalTo("PORT_REQUESTED"));
        assertThat(waiting()).as("corrected, it leaves the queue").doesNotContain(p.orderId());
        List<JsonNode> requests =
                Shop.records(Topics.PORTING_COMMANDS, "RequestPortIn", p.orderId(), l -> l.size() >= 2);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).get("donorIccid").asText()).isEqualTo(corrected);

        scheduled(p, LocalDate.parse("2026-11-18"));
        completed(p, LocalDate.parse("2026-11-18"));
        awaitOrder(p.orderId(), x -> "COMPLETED".equals(x.get("status").asText()));
        // a second correction of a line that is active is refused
        Shop.agentOn(p.orderId())
                .contentType(ContentType.JSON)
                .body(Map.of("donorIccid", corrected))
                .when()
                .post("/api/v1/orders/{o}/lines/{l}/port-in-correction", p.orderId(), p.lineId())
                .then()
                .statusCode(409);
    }

    /** The ids of the orders in the agents' queue (ACTION_REQUIRED). */
    private static List<String> waiting() {
        return given().auth()
                .oauth2(Tokens.forRole("agent"))
                .queryParam("status", "ACTION_REQUIRED")
                .queryParam("limit", 500)
                .when()
                .get("/api/v1/orders")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id", String.class);
    }

    @Test
    void theAgentsQueueAsksForAWaitingStateByName() {
        for (String bad : new String[] {"", "COMPLETED", "nonsense"}) {
            given().auth()
                    .oauth2(Tokens.forRole("agent"))
                    .queryParam("status", bad)
                    .when()
                    .get("/api/v1/orders")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("status"));
        }
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .queryParam("status", "ACTION_REQUIRED")
                .queryParam("limit", 0)
                .when()
                .get("/api/v1/orders")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void R_WDR_05_R_WDR_03_withdrawalBeforeThePortCancelsItAtTheDonorAndTellsBilling() {
        clock.set(Instant.parse("2026-11-10T09:00:00Z"));
        PortIn p = shippedPortIn(List.of(), null);
        scheduled(p, LocalDate.parse("2026-11-17"));
        withdraw(Tokens.customer(p.customerId()), p.orderId(), "{}")
                .statusCode(200)
                .body("orderStatus", equalTo("WITHDRAWN"));
        JsonNode cancel = Shop.one(Topics.PORTING_COMMANDS, "CancelPortIn", p.orderId());
        assertThat(cancel.get("lineId").asText()).isEqualTo(p.lineId());
        JsonNode withdrawn = Shop.one(Topics.SUBSCRIPTION_EVENTS, "OrderWithdrawn", p.orderId());
        assertThat(withdrawn.get("customerId").asText()).isEqualTo(p.customerId());
        assertThat(withdrawn.get("subscriptionIds")).hasSize(1);
        assertThat(withdrawn.get("withdrawnOn").asText()).isEqualTo("2026-11-10");
        assertThat(withdrawn.get("withdrawalId").asText())
                .as("each withdrawal its own id")
                .isNotBlank();
        assertThat(withdrawn.get("lines").get(0).get("subscriptionId").asText())
                .as("R-WDR-04: usage per line")
                .isEqualTo(withdrawn.get("subscriptionIds").get(0).asText());
        JsonNode o = Shop.order(p.orderId());
        assertThat(o.get("lines").get(0).get("step").asText()).isEqualTo("WITHDRAWN");
        assertThat(Shop.subscription(withdrawn.get("subscriptionIds").get(0).asText())
                        .get("status")
                        .asText())
                .isEqualTo("ENDED");
        // withdrawing twice is refused, not repeated
        withdrawAsAgent(p.orderId(), "{}").statusCode(409);
    }

    @Test
    void R_WDR_06_withdrawalAfterACompletedPortInOpensThePortOutWindow() {
        clock.set(Instant.parse("2026-11-10T09:00:00Z"));
        PortIn p = shippedPortIn(List.of(), null);
        LocalDate portDate = LocalDate.parse("2026-11-17");
        scheduled(p, portDate);
        completed(p, portDate);
        awaitOrder(p.orderId(), x -> "COMPLETED".equals(x.get("status").asText()));
        clock.set(Instant.parse("2026-11-20T09:00:00Z"));
        withdrawAsAgent(p.orderId(), "{}").statusCode(200);
        JsonNode window = Shop.one(Topics.PORTING_COMMANDS, "OpenPortOutWindow", p.orderId());
        assertThat(window.get("number").asText()).isEqualTo(p.number());
        assertThat(window.get("portDate").asText()).isEqualTo("2026-11-17");
        Shop.one(Topics.SUBSCRIPTION_EVENTS, "OrderWithdrawn", p.orderId());
    }

    @Test
    void R_WDR_01_R_WDR_07_afterTheDeadlineWithdrawalIsRefused() {
        clock.set(Instant.parse("2026-12-10T09:00:00Z")); // day 14 is Christmas Eve: deadline Monday 28 Dec
        JsonNode o = Shop.placed(Shop.order(Shop.customer(Shop.cpr()), List.of(Shop.newLine("MOBILE_10GB", 0))));
        assertThat(o.get("withdrawalDeadline").asText()).isEqualTo("2026-12-28");
        String id = o.get("id").asText();
        clock.set(Instant.parse("2026-12-29T09:00:00Z"));
        withdraw(Tokens.customer(o.get("customerId").asText()), id, "{}")
                .statusCode(422)
                .body("type", containsString("withdrawal-period-over"));
        clock.set(Instant.parse("2026-12-28T20:00:00Z"));
        withdraw(Tokens.customer(o.get("customerId").asText()), id, "{}").statusCode(200);
    }

    @Test
    void R_WDR_02_R_WDR_01_aPurchaseWithADeviceIsWithdrawnAsAWholeAndItsPeriodRunsFromDelivery() {
        clock.set(Instant.parse("2026-11-02T09:00:00Z"));
        var body = Shop.order(
                Shop.customer(Shop.cpr()), List.of(Shop.newLine("MOBILE_10GB", 0), Shop.newLine("MOBILE_10GB", 0)));
        body.put("device", "Fairphone 6");
        JsonNode o = Shop.placed(body);
        String id = o.get("id").asText();
        assertThat(o.get("withdrawalDeadline").isNull()).isTrue();
        String line0 = o.get("lines").get(0).get("id").asText();
        clock.set(Instant.parse("2026-11-09T09:00:00Z"));
        Shop.ship(id, line0, "DELIVERED").statusCode(200).body("withdrawalDeadline", equalTo("2026-11-23"));
        withdrawAsAgent(id, Map.of("lineIds", List.of(line0)))
                .statusCode(422)
                .body("type", containsString("whole-purchase-only"));
        withdrawAsAgent(id, "{}").statusCode(200).body("lineIds.size()", equalTo(2));
    }

    @Test
    void R_SUB_01_aNewNumberActivatesOnFirstUse() {
        clock.set(Instant.parse("2026-11-10T09:00:00Z"));
        JsonNode o = Shop.placed(Shop.order(Shop.customer(Shop.cpr()), List.of(Shop.newLine("MOBILE_10GB", 0))));
        String id = o.get("id").asText();
        String lineId = o.get("lines").get(0).get("id").asText();
        String subscriptionId = o.get("lines").get(0).get("subscriptionId").asText();
        Shop.ship(id, lineId, "SHIPPED").statusCode(200).body("lines[0].step", equalTo("AWAITING_FIRST_USE"));
        clock.set(Instant.parse("2026-11-12T09:00:00Z"));
        var usage = Map.of(
                "usageId", "u-" + UUID.randomUUID(),
                "usedOn", "2026-11-12",
                "voiceSeconds", 60,
                "dataMegabytes", 5,
                "amountOre", 0);
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(Tokens.forRole("network"))
                    .contentType(ContentType.JSON)
                    .body(usage)
                    .when()
                    .post("/api/v1/subscriptions/{id}/usage", subscriptionId)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("ACTIVE"))
                    .body("activatedOn", equalTo("2026-11-12"));
        }
        assertThat(Shop.one(Topics.SUBSCRIPTION_EVENTS, "SubscriptionActivated", subscriptionId)
                        .get("activatedOn")
                        .asText())
                .isEqualTo("2026-11-12");
        assertThat(Shop.order(id).get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void R_SUB_01_anUnusedNewSimActivatesAt45Days() {
        clock.set(Instant.parse("2026-11-10T09:00:00Z"));
        JsonNode o = Shop.placed(Shop.order(Shop.customer(Shop.cpr()), List.of(Shop.newLine("MOBILE_10GB", 0))));
        String id = o.get("id").asText();
        String subscriptionId = o.get("lines").get(0).get("subscriptionId").asText();
        Shop.ship(id, o.get("lines").get(0).get("id").asText(), "SHIPPED").statusCode(200);
        assertThat(Shop.subscription(subscriptionId).get("activationDueOn").asText())
                .isEqualTo("2026-12-25");
        clock.set(Instant.parse("2026-12-24T22:30:00Z")); // 23:30 on 24 Dec in Copenhagen: not yet
        sleep(2_500);
        assertThat(Shop.subscription(subscriptionId).get("status").asText()).isEqualTo("PENDING");
        clock.set(Instant.parse("2026-12-24T23:00:01Z")); // midnight in Copenhagen
        JsonNode activated = Shop.one(Topics.SUBSCRIPTION_EVENTS, "SubscriptionActivated", subscriptionId);
        assertThat(activated.get("activatedOn").asText()).isEqualTo("2026-12-25");
    }

    /** The customer or an agent withdraws from an order (all lines unless the body names some). */
    private static io.restassured.response.ValidatableResponse withdrawAsAgent(String orderId, Object body) {
        return Shop.agentOn(orderId)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/orders/{id}/withdrawal", orderId)
                .then();
    }

    private static io.restassured.response.ValidatableResponse withdraw(String token, String orderId, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/orders/{id}/withdrawal", orderId)
                .then();
    }

    private static String step(JsonNode order) {
        return order.get("lines").get(0).get("step").asText();
    }

    static JsonNode awaitOrder(String orderId, Predicate<JsonNode> condition) {
        return Shop.eventually(() -> Shop.order(orderId), condition);
    }

    static List<JsonNode> awaitTimeline(String orderId, Predicate<JsonNode> condition) {
        JsonNode t = Shop.eventually(
                () -> Shop.read(Shop.agentOn(orderId)
                        .when()
                        .get("/api/v1/orders/{id}/timeline", orderId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()),
                condition);
        List<JsonNode> entries = new ArrayList<>();
        t.forEach(entries::add);
        return entries;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
