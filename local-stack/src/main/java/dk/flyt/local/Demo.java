package dk.flyt.local;

import com.fasterxml.jackson.databind.JsonNode;
import dk.flyt.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code bin/flyt demo}: Karen orders a subscription with her number ported in, through the web shop API, and
 * mistypes her old SIM's ICCID; logistics ships the SIM; the donor rejects the port; an agent, in a phone contact with
 * her, corrects the ICCID; the business clock moves to the porting day and to the month change; each step is printed
 * as the services report it, until the subscription is active and charged. Her page in the console tells the story.
 */
public final class Demo {
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final String KAREN = KeycloakTokens.PEOPLE.get("karen");

    private final StackClient stack;
    /** Where the last run's business time is remembered: a month's charge run happens once. */
    private final Path memory;

    private final long begin = System.nanoTime();

    Demo(StackClient stack, Path state) {
        this.stack = stack;
        this.memory = state.resolve("demo-business-time");
    }

    public static void main(String[] args) throws Exception {
        run(Path.of(".flyt").toAbsolutePath());
    }

    /** The demo against the stack whose directory is {@code state} ({@code .flyt} for {@code bin/flyt run}). */
    public static void run(Path state) throws java.io.IOException {
        new Demo(new StackClient(state), state).run();
    }

    void run() {
        // services start on the wall clock; a demo after a restart continues after the last one's business time,
        // so that its port date and its month's charge run are new
        Instant from = now();
        Instant last = lastBusinessTime();
        if (last != null && last.isAfter(from)) {
            from = last;
        }
        LocalDate monday = LocalDate.ofInstant(from, COPENHAGEN).plusDays(1);
        while (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            monday = monday.plusDays(1);
        }
        moveTo(monday, LocalTime.of(9, 0));
        step("business clock set to Monday " + monday + " 09:00 (Copenhagen) on every service");

        String number = TestData.mobileNumber();
        String karensSim = TestData.iccid();
        // the donor knows Karen's SIM; she types another ICCID in the web shop
        stack.hub("PUT", "/subscribers/" + number, karensSim);
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", KAREN);
        customer.put("kind", "PRIVATE");
        customer.put("cpr", "150585-1234"); // Karen's, the same on every run
        customer.put("name", "Karen Jensen");
        customer.put("address", Map.of("street", "Nørregade 1", "postalCode", "8000", "city", "Aarhus C"));
        customer.put("email", "karen@example.dk");
        customer.put("contactNumber", "26123456");
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("plan", "MOBILE_10GB");
        line.put("numberKind", "PORT_IN");
        line.put("number", number);
        line.put("donorIccid", TestData.iccid()); // not karensSim: a typing error
        line.put("mode", "ASAP");
        line.put("simKind", "SIM");
        JsonNode order = stack.call(
                "POST",
                ServiceSettings.SUBSCRIPTION,
                "/api/v1/orders",
                "webshop",
                Map.of(
                        "customer",
                        customer,
                        "channel",
                        "WEBSHOP",
                        "paymentMethodRef",
                        "pm-visa-4242",
                        "lines",
                        List.of(line)),
                Map.of("Idempotency-Key", "demo-" + UUID.randomUUID()));
        String orderId = order.get("id").asText();
        String lineId = order.at("/lines/0/id").asText();
        step("order " + orderId + " "
                + order.get("status").asText().toLowerCase().replace('_', ' ')
                + ": porting " + number + " in, creation fee "
                + kroner(order.get("creationFee").asLong())
                + ", withdrawal deadline " + order.get("withdrawalDeadline").asText());

        stack.call(
                "POST",
                ServiceSettings.SUBSCRIPTION,
                "/api/v1/orders/" + orderId + "/lines/" + lineId + "/shipment",
                "logistics",
                Map.of("status", "SHIPPED", "simIccid", TestData.iccid()),
                Map.of());
        step("SIM shipped (logistics)");
        await(() -> timeline(orderId), t -> t.contains("PORT_IN_CASE_OPENED"), "the port request");
        step("port requested from the donor through the porting hub");
        JsonNode rejected = await(
                () -> order(orderId),
                o -> "ACTION_REQUIRED".equals(o.get("status").asText()),
                "the donor's answer");
        step("donor rejected the port (" + rejected.at("/lines/0/rejectCode").asText()
                + "): the order waits for a person in the agents' queue");
        JsonNode contact = stack.call(
                "POST",
                ServiceSettings.SUBSCRIPTION,
                "/api/v1/customers/" + KAREN + "/contacts",
                "agent",
                Map.of("channel", "PHONE", "reason", "Karen ringer: porteringen af hendes nummer blev afvist"),
                Map.of());
        String contactId = contact.get("id").asText();
        stack.call(
                "POST",
                ServiceSettings.SUBSCRIPTION,
                "/api/v1/orders/" + orderId + "/lines/" + lineId + "/port-in-correction",
                "agent",
                Map.of("donorIccid", karensSim),
                Map.of("Flyt-Contact-Id", contactId, "Idempotency-Key", "demo-" + UUID.randomUUID()));
        stack.call(
                "POST",
                ServiceSettings.SUBSCRIPTION,
                "/api/v1/customers/" + KAREN + "/contacts/" + contactId + "/close",
                "agent",
                null,
                Map.of());
        step("Anna Agent, in a phone contact with Karen, corrected the ICCID: the port is requested again");
        JsonNode scheduled = await(
                () -> order(orderId),
                o -> "PORT_SCHEDULED".equals(o.at("/lines/0/step").asText()),
                "the schedule");
        LocalDate portDate = LocalDate.parse(scheduled.at("/lines/0/portDate").asText());
        step("donor accepted: port scheduled for " + portDate);

        moveTo(portDate, LocalTime.of(2, 0, 30));
        step("business clock moved to the porting day " + portDate + " 02:00");
        JsonNode active = await(
                () -> order(orderId), o -> "ACTIVE".equals(o.at("/lines/0/step").asText()), "the port");
        step("port completed: every operator routes " + number + " to us");
        String subscriptionId = active.at("/lines/0/subscriptionId").asText();
        JsonNode subscription =
                stack.get(ServiceSettings.SUBSCRIPTION, "/api/v1/subscriptions/" + subscriptionId, "karen");
        step("subscription " + subscriptionId + " "
                + subscription.get("status").asText().toLowerCase() + " on "
                + subscription.get("plan").asText() + " from "
                + subscription.get("activatedOn").asText()
                + " (as Karen sees it)");

        YearMonth next = YearMonth.from(portDate).plusMonths(1);
        moveTo(next.atDay(1), LocalTime.of(3, 0));
        ServiceProcess.sleep(2_000);
        JsonNode run = stack.call(
                "POST",
                ServiceSettings.BILLING,
                "/api/v1/charge-runs",
                "billing-admin",
                Map.of("month", next.toString()),
                Map.of());
        await(
                () -> stack.get(
                        ServiceSettings.BILLING,
                        "/api/v1/charge-runs/" + run.get("id").asText(),
                        "billing-admin"),
                r -> "FINISHED".equals(r.get("status").asText()),
                "the charge run");
        // R-BILL-02: the first charge is two month entries, the rest of the port month and the next month
        java.util.List<JsonNode> charges = await(
                        () -> stack.get(ServiceSettings.BILLING, "/api/v1/accounts/" + KAREN + "/entries", "karen"),
                        e -> e.findParents("kind").stream()
                                        .filter(x ->
                                                "CHARGE".equals(x.get("kind").asText())
                                                        && subscriptionId.equals(x.path("subscriptionId")
                                                                .asText()))
                                        .count()
                                >= 2,
                        "the first charge")
                .findParents("kind")
                .stream()
                .filter(e -> "CHARGE".equals(e.get("kind").asText())
                        && subscriptionId.equals(e.path("subscriptionId").asText()))
                // the rest of the port month first, then the next month, whichever was booked first
                .sorted(java.util.Comparator.comparing(
                        e -> e.path("periodMonth").asText()))
                .toList();
        long first = charges.stream().mapToLong(c -> -c.get("amount").asLong()).sum();
        step("charge run " + next + " finished: first charge " + kroner(first) + " (the rest of "
                + YearMonth.from(portDate) + " from " + portDate + ", "
                + kroner(-charges.get(0).get("amount").asLong())
                + ", plus " + next + ", " + kroner(-charges.get(1).get("amount").asLong()) + ")");
        long balance = stack.get(ServiceSettings.BILLING, "/api/v1/accounts/" + KAREN, "karen")
                .get("balance")
                .asLong();
        step("Karen's balance: " + kroner(balance) + ". Subscription active and charged.");
        step("her page in the console: " + stack.url("gateway") + "/console/customers/" + KAREN
                + " (log in as agent / agent, open a contact)");
        rememberBusinessTime(now());
    }

    private Instant lastBusinessTime() {
        try {
            return Files.isRegularFile(memory)
                    ? Instant.parse(Files.readString(memory).trim())
                    : null;
        } catch (IOException | java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private void rememberBusinessTime(Instant at) {
        try {
            Files.writeString(memory, at.toString());
        } catch (IOException e) {
            System.err.println("could not remember the business time: " + e.getMessage());
        }
    }

    private JsonNode order(String id) {
        return stack.get(ServiceSettings.SUBSCRIPTION, "/api/v1/orders/" + id, "karen");
    }

    private String timeline(String orderId) {
        return stack.get(ServiceSettings.SUBSCRIPTION, "/api/v1/orders/" + orderId + "/timeline", "karen")
                .toString();
    }

    private Instant now() {
        return Instant.parse(stack.get(ServiceSettings.SUBSCRIPTION, "/api/v1/clock", "clock-admin")
                .get("now")
                .asText());
    }

    private void moveTo(LocalDate day, LocalTime time) {
        stack.clock(
                "set",
                LocalDateTime.of(day, time).atZone(COPENHAGEN).toInstant().toString());
    }

    private void step(String what) {
        System.out.printf("[demo %5.1f s] %s%n", (System.nanoTime() - begin) / 1e9, what);
    }

    private static String kroner(long ore) {
        return String.format("%d,%02d kr", ore / 100, Math.abs(ore % 100));
    }

    private static <T> T await(Supplier<T> read, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            T t = read.get();
            if (done.test(t)) {
                return t;
            }
            ServiceProcess.sleep(250);
        }
        throw new IllegalStateException("gave up waiting for " + what);
    }
}
