package dk.flyt.system;

import com.fasterxml.jackson.databind.JsonNode;
import dk.flyt.local.ServiceSettings;
import dk.flyt.local.StackClient;
import dk.flyt.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What the web shop, logistics, the network, the donor and the business clock do around an agent in the console, on
 * the {@link ConsoleStack}, through the same client as {@code bin/flyt demo}.
 */
final class ConsoleStory {
    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    final StackClient client;

    ConsoleStory(ConsoleStack stack) {
        try {
            client = new StackClient(stack.state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An order placed by the web shop, and its first line. */
    record Placed(String customerId, String orderId, String lineId, String number) {}

    Instant now() {
        return Instant.parse(client.get(ServiceSettings.SUBSCRIPTION, "/api/v1/clock", "clock-admin")
                .get("now")
                .asText());
    }

    /** The next Monday 09:00: the business clock only moves forward, so no day is asked to happen twice. */
    LocalDate freshMonday() {
        LocalDate d = LocalDate.ofInstant(now(), COPENHAGEN).plusDays(1);
        while (d.getDayOfWeek() != DayOfWeek.MONDAY) {
            d = d.plusDays(1);
        }
        moveTo(d, LocalTime.of(9, 0));
        return d;
    }

    void moveTo(LocalDate day, LocalTime time) {
        client.clock(
                "set",
                LocalDateTime.of(day, time).atZone(COPENHAGEN).toInstant().toString());
    }

    /** A port-in of a new customer's number; the donor knows the SIM {@code donorIccid}, the order says {@code ordered}. */
    Placed portIn(String donorIccid, String ordered) {
        String number = TestData.mobileNumber();
        client.hub("PUT", "/subscribers/" + number, donorIccid);
        return place(number, TestData.portInLine(number, ordered));
    }

    /** A new number's line of a new customer. */
    Placed newNumber() {
        return place(null, TestData.newNumberLine("MOBILE_10GB", 0));
    }

    private Placed place(String number, Map<String, Object> line) {
        JsonNode o = client.call(
                "POST",
                ServiceSettings.SUBSCRIPTION,
                "/api/v1/orders",
                "webshop",
                TestData.webshopOrder(TestData.privateCustomer(TestData.cpr()), List.of(line)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        return new Placed(
                o.get("customerId").asText(),
                o.get("id").asText(),
                o.at("/lines/0/id").asText(),
                number != null ? number : o.at("/lines/0/number").asText());
    }

    void ship(Placed p) {
        client.call(
                "POST",
                ServiceSettings.SUBSCRIPTION,
                "/api/v1/orders/" + p.orderId() + "/lines/" + p.lineId() + "/shipment",
                "logistics",
                Map.of("status", "SHIPPED", "simIccid", TestData.iccid()),
                Map.of());
    }

    /** The network reports the first use of a new number's SIM: the line is active. */
    String firstUse(Placed p) {
        String subscriptionId = order(p, o -> !o.at("/lines/0/subscriptionId").isNull(), "the subscription")
                .at("/lines/0/subscriptionId")
                .asText();
        client.call(
                "POST",
                ServiceSettings.SUBSCRIPTION,
                "/api/v1/subscriptions/" + subscriptionId + "/usage",
                "network",
                Map.of(
                        "usageId", "u-" + UUID.randomUUID(),
                        "usedOn", LocalDate.ofInstant(now(), COPENHAGEN).toString(),
                        "voiceSeconds", 10,
                        "dataMegabytes", 1,
                        "amountOre", 0),
                Map.of());
        return subscriptionId;
    }

    /** The order as the web shop that placed it reads it, once {@code done} holds. */
    JsonNode order(Placed p, Predicate<JsonNode> done, String what) {
        return Journey.await(
                () -> client.get(ServiceSettings.SUBSCRIPTION, "/api/v1/orders/" + p.orderId(), "webshop"), done, what);
    }

    JsonNode step(Placed p, String step) {
        return order(p, o -> step.equals(o.at("/lines/0/step").asText()), "line step " + step);
    }
}
