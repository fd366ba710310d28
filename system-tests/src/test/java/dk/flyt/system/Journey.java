package dk.flyt.system;

import static io.restassured.RestAssured.given;

import dk.flyt.contracts.Topics;
import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.hub.HubMessageKind;
import dk.flyt.local.ServiceProcess;
import dk.flyt.testing.KafkaTestClient;
import dk.flyt.testing.Servers;
import dk.flyt.testing.TestData;
import dk.flyt.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What the web shop, logistics, the network, a customer, an agent and finance do, over HTTP against the stack. */
final class Journey {
    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    static final Duration WAIT = Duration.ofSeconds(90);

    final FlytStack stack;

    Journey(FlytStack stack) {
        this.stack = stack;
    }

    // --- time

    LocalDate today() {
        return LocalDate.ofInstant(stack.now(), COPENHAGEN);
    }

    void moveTo(LocalDate day, LocalTime time) {
        stack.setClock(LocalDateTime.of(day, time).atZone(COPENHAGEN).toInstant());
    }

    /**
     * A fresh Monday morning after everything earlier tests did: the business clock only moves forward, so a month's
     * charge run or a porting day is never asked to happen twice.
     */
    LocalDate freshMonday() {
        LocalDate d = today().plusDays(1);
        while (d.getDayOfWeek() != DayOfWeek.MONDAY) {
            d = d.plusDays(1);
        }
        moveTo(d, LocalTime.of(9, 0));
        return d;
    }

    // --- requests

    /**
     * A request as {@code token} to {@code service}'s API, through the gateway as every client's (the service names
     * what is meant; the gateway's route table finds it by the path).
     */
    RequestSpecification as(ServiceProcess service, String token) {
        return given().baseUri(stack.gateway.url()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** An agent's requests that concern no one customer (finding a case by number, the queues). */
    RequestSpecification agent(ServiceProcess service) {
        return as(service, Tokens.forRole("agent"));
    }

    private final Map<String, String> customerOf = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> contacts = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * An agent's requests on a customer's data, within a contact with them opened on the subscription service
     * (R-DATA-02); a new one after the clock moved, as the old one may have gone idle.
     */
    RequestSpecification agentOn(ServiceProcess service, String customerId) {
        String contact = contacts.computeIfAbsent(customerId + "@" + stack.clockMoves.get(), k -> send(
                        "open a contact",
                        () -> agent(stack.subscription)
                                .body(Map.of("channel", "PHONE", "reason", "system test"))
                                .when()
                                .post("/api/v1/customers/{id}/contacts", customerId),
                        201)
                .path("id"));
        return agent(service).header("Flyt-Contact-Id", contact);
    }

    /**
     * Sends a request until it answers one of the {@code wanted} statuses, as every client of an operator's stack
     * does: again while the stack answers as one mid-fault does (no connection, 502, 503, 504). A 409 after such an
     * answer may be the request's own earlier success, whose answer was lost: it is handed back for the caller to read
     * the state. Anything else fails the test with the answer.
     */
    static Response send(String what, Supplier<Response> request, int... wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        boolean maybeDone = false;
        String last = "nothing";
        while (System.nanoTime() < deadline) {
            Response r;
            try {
                r = request.get();
            } catch (Exception e) { // REST Assured throws a refused connection unwrapped, checked or not
                if (!unreachable(e)) {
                    throw e instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(e);
                }
                maybeDone = true;
                last = e.toString();
                ServiceProcess.sleep(250);
                continue;
            }
            int status = r.statusCode();
            for (int w : wanted) {
                if (status == w) {
                    return r;
                }
            }
            if (status == 502 || status == 503 || status == 504) {
                maybeDone = true;
                last = status + " " + r.asString();
                ServiceProcess.sleep(250);
                continue;
            }
            if (maybeDone && status == 409) {
                return r;
            }
            throw new AssertionError(what + " answered " + status + ": " + r.asString());
        }
        throw new AssertionError(what + " never answered in " + WAIT + "; last: " + last);
    }

    /** Whether a request failed for want of a connection (a stopped gateway or service), not for what it said. */
    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /** The customer of an order or subscription this journey placed or read. */
    String customerOf(String orderOrSubscriptionId) {
        String customer = customerOf.get(orderOrSubscriptionId);
        if (customer == null) {
            throw new IllegalStateException("the journey has not seen whose " + orderOrSubscriptionId + " is");
        }
        return customer;
    }

    private JsonPath remember(JsonPath order) {
        String customer = order.getString("customerId");
        customerOf.put(order.getString("id"), customer);
        for (Object sub : order.getList("lines.subscriptionId")) {
            if (sub != null) {
                customerOf.put(sub.toString(), customer);
            }
        }
        return order;
    }

    // --- orders

    static Map<String, Object> portIn(String number, String donorIccid) {
        return TestData.portInLine(number, donorIccid);
    }

    static Map<String, Object> newNumber(String plan, int bindingMonths) {
        return TestData.newNumberLine(plan, bindingMonths);
    }

    /** The web shop places an order; answers the order as stored. */
    JsonPath place(List<Map<String, Object>> lines) {
        var body = TestData.webshopOrder(TestData.privateCustomer(TestData.cpr()), lines);
        String key = UUID.randomUUID().toString();
        // a retry with the same key answers the order stored by the first (R-ORD-07)
        JsonPath placed = send(
                        "place an order",
                        () -> as(stack.subscription, Tokens.forRole("webshop"))
                                .header("Idempotency-Key", key)
                                .body(body)
                                .when()
                                .post("/api/v1/orders"),
                        201,
                        200)
                .jsonPath();
        remember(placed);
        return placed;
    }

    void ship(String orderId, String lineId, String simIccid) {
        send(
                "report the SIM shipped",
                () -> as(stack.subscription, Tokens.forRole("logistics"))
                        .body(Map.of("status", "SHIPPED", "simIccid", simIccid))
                        .when()
                        .post("/api/v1/orders/{o}/lines/{l}/shipment", orderId, lineId),
                200);
    }

    void firstUse(String subscriptionId) {
        firstUse(subscriptionId, today());
    }

    /** The network reports the line's first use on {@code day} (one usage record, sent again with its id if need be). */
    void firstUse(String subscriptionId, LocalDate day) {
        var usage = Map.of(
                "usageId", "u-" + UUID.randomUUID(),
                "usedOn", day.toString(),
                "voiceSeconds", 42,
                "dataMegabytes", 3,
                "amountOre", 0);
        send(
                "report first use",
                () -> as(stack.subscription, Tokens.forRole("network"))
                        .body(usage)
                        .when()
                        .post("/api/v1/subscriptions/{id}/usage", subscriptionId),
                200);
    }

    /**
     * The customer withdraws from the order (R-WDR-01), sent again with its Idempotency-Key while the stack cannot
     * answer: done once, and the first answer again.
     */
    void withdraw(String orderId, String customerId) {
        String key = UUID.randomUUID().toString();
        send(
                "withdraw from the order",
                () -> as(stack.subscription, Tokens.customer(customerId))
                        .header("Idempotency-Key", key)
                        .body("{}")
                        .when()
                        .post("/api/v1/orders/{id}/withdrawal", orderId),
                200);
    }

    /** The customer asks for another plan, with an Idempotency-Key as {@link #withdraw}; answers the change. */
    Response changePlan(String subscriptionId, String customerId, String planCode) {
        String key = UUID.randomUUID().toString();
        return send(
                "change plan",
                () -> as(stack.subscription, Tokens.customer(customerId))
                        .header("Idempotency-Key", key)
                        .body(Map.of("planCode", planCode))
                        .when()
                        .post("/api/v1/subscriptions/{id}/plan-changes", subscriptionId),
                201);
    }

    JsonPath order(String orderId) {
        return remember(send(
                        "read the order",
                        () -> agentOn(stack.subscription, customerOf(orderId))
                                .when()
                                .get("/api/v1/orders/{id}", orderId),
                        200)
                .jsonPath());
    }

    JsonPath orderAsCustomer(String orderId, String customerId) {
        return send(
                        "read the order as its customer",
                        () -> as(stack.subscription, Tokens.customer(customerId))
                                .when()
                                .get("/api/v1/orders/{id}", orderId),
                        200)
                .jsonPath();
    }

    JsonPath awaitOrder(String orderId, Predicate<JsonPath> condition, String what) {
        return await(() -> order(orderId), condition, "order " + orderId + " " + what);
    }

    JsonPath subscription(String id) {
        return send(
                        "read the subscription",
                        () -> agentOn(stack.subscription, customerOf(id)).when().get("/api/v1/subscriptions/{id}", id),
                        200)
                .jsonPath();
    }

    List<String> timeline(String orderId) {
        return send(
                        "read the order's timeline",
                        () -> agentOn(stack.subscription, customerOf(orderId))
                                .when()
                                .get("/api/v1/orders/{id}/timeline", orderId),
                        200)
                .jsonPath()
                .getList("what", String.class);
    }

    // --- port-in orders

    /** A port-in order line as the web shop placed it; {@code portDate} once the donor scheduled it. */
    record PortIn(String orderId, String lineId, String customerId, String number, LocalDate portDate) {}

    /** A port-in order, its SIM shipped; the hub knows the donor's subscriber by {@code donorIccid}. */
    PortIn orderPortIn(String number, String donorIccid, String orderedIccid) {
        stack.hub.subscriber(number, donorIccid);
        JsonPath o = place(List.of(portIn(number, orderedIccid)));
        String orderId = o.getString("id");
        String lineId = o.getString("lines[0].id");
        ship(orderId, lineId, TestData.iccid());
        return new PortIn(orderId, lineId, o.getString("customerId"), number, null);
    }

    PortIn awaitScheduled(PortIn p) {
        JsonPath o = awaitOrder(p.orderId(), x -> "PORT_SCHEDULED".equals(x.getString("lines[0].step")), "scheduled");
        return new PortIn(
                p.orderId(), p.lineId(), p.customerId(), p.number(), LocalDate.parse(o.getString("lines[0].portDate")));
    }

    /** The porting day: the clock is set to the port date just after the execution time (R-PORT-08). */
    JsonPath portDay(PortIn p) {
        moveTo(p.portDate(), LocalTime.of(2, 0, 30));
        return awaitOrder(p.orderId(), x -> "ACTIVE".equals(x.getString("lines[0].step")), "active");
    }

    /** The agent's view of the one port-in case for a number. */
    JsonPath portInCase(String number) {
        return send(
                        "find the port-in case",
                        () -> agent(stack.porting)
                                .queryParam("number", number)
                                .when()
                                .get("/api/v1/port-ins"),
                        200)
                .jsonPath()
                .setRootPath("[0]");
    }

    /** The customer's view of their port-in case. */
    JsonPath portInCaseAsCustomer(String caseId, String customerId) {
        return send(
                        "read the port-in case as its customer",
                        () -> as(stack.porting, Tokens.customer(customerId))
                                .when()
                                .get("/api/v1/port-ins/{id}", caseId),
                        200)
                .jsonPath();
    }

    JsonPath awaitPortInCase(String number, String state) {
        return await(() -> portInCase(number), c -> state.equals(c.getString("state")), number + " " + state);
    }

    // --- porting

    /** The porting service's view of a number we hold; an empty document while it does not know it yet. */
    JsonPath number(String number) {
        var r = send("read the number", () -> agent(stack.porting).when().get("/api/v1/numbers/{n}", number), 200, 404);
        return r.statusCode() == 404 ? JsonPath.from("{}") : r.jsonPath();
    }

    // --- money

    List<Map<String, Object>> entries(String customerId) {
        var r = send(
                "read the account's entries",
                () -> as(stack.billing, Tokens.customer(customerId))
                        .when()
                        .get("/api/v1/accounts/{c}/entries", customerId),
                200,
                404);
        return r.statusCode() == 404 ? List.of() : r.jsonPath().getList("$");
    }

    long balance(String customerId) {
        return send(
                        "read the account",
                        () -> as(stack.billing, Tokens.customer(customerId))
                                .when()
                                .get("/api/v1/accounts/{c}", customerId),
                        200)
                .jsonPath()
                .getLong("balance");
    }

    List<Map<String, Object>> awaitEntries(String customerId, Predicate<List<Map<String, Object>>> condition) {
        return await(() -> entries(customerId), condition, "account of " + customerId);
    }

    /**
     * Finance runs the month's charge run on the 1st and waits for it to finish. At 03:00 on the 1st billing has long
     * heard of every activation; here the clock jumps there in a moment, so first wait until billing has consumed
     * every subscription event so far.
     */
    void chargeRun(YearMonth month) {
        awaitConsumed("billing-adapter", Topics.SUBSCRIPTION_EVENTS);
        String id = send(
                        "start the charge run",
                        () -> as(stack.billing, Tokens.forRole("billing-admin"))
                                .body(Map.of("month", month.toString()))
                                .when()
                                .post("/api/v1/charge-runs"),
                        202)
                .path("id");
        await(
                () -> send(
                                "read the charge run",
                                () -> as(stack.billing, Tokens.forRole("billing-admin"))
                                        .when()
                                        .get("/api/v1/charge-runs/{id}", id),
                                200)
                        .jsonPath()
                        .getString("status"),
                "FINISHED"::equals,
                "charge run " + month);
    }

    /**
     * Moves a consumer group's committed offsets on {@code topics} back to the first records written at or after
     * {@code since}: on its next start the group reads every record since then again (a duplicate delivery of each).
     * The group's member must be gone (its service stopped); this waits until the broker has let it go.
     */
    static void rewind(String group, List<String> topics, Instant since) {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Servers.kafkaBootstrapServers()))) {
            await(
                    () -> {
                        try {
                            return admin.describeConsumerGroups(List.of(group))
                                    .all()
                                    .get()
                                    .get(group)
                                    .members()
                                    .isEmpty();
                        } catch (InterruptedException | ExecutionException e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    Boolean::booleanValue,
                    group + " without members");
            Map<TopicPartition, OffsetSpec> at = new HashMap<>();
            for (String topic : topics) {
                admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get()
                        .get(topic)
                        .partitions()
                        .forEach(p -> at.put(
                                new TopicPartition(topic, p.partition()),
                                OffsetSpec.forTimestamp(since.toEpochMilli())));
            }
            Map<TopicPartition, OffsetAndMetadata> rewound = new HashMap<>();
            admin.listOffsets(at).all().get().forEach((tp, o) -> {
                if (o.offset() >= 0) {
                    rewound.put(tp, new OffsetAndMetadata(o.offset()));
                }
            });
            admin.alterConsumerGroupOffsets(group, rewound).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the consumer group has committed every record now on the topic; a broker that does not answer (mid
     * restart) is asked again.
     */
    static void awaitConsumed(String group, String topic) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Servers.kafkaBootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000))) {
            Map<TopicPartition, Long> ends = await(
                    () -> {
                        try {
                            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                                    .forEach(p ->
                                            latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                            Map<TopicPartition, Long> offsets = new HashMap<>();
                            admin.listOffsets(latest).all().get().forEach((tp, o) -> offsets.put(tp, o.offset()));
                            return offsets;
                        } catch (ExecutionException e) {
                            return null;
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    java.util.Objects::nonNull,
                    "the end offsets of " + topic);
            await(
                    () -> {
                        try {
                            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                                    .partitionsToOffsetAndMetadata()
                                    .get();
                            return ends.entrySet().stream()
                                    .allMatch(end -> end.getValue() == 0
                                            || (committed.get(end.getKey()) != null
                                                    && committed
                                                                    .get(end.getKey())
                                                                    .offset()
                                                            >= end.getValue()));
                        } catch (ExecutionException e) {
                            return false;
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    Boolean::booleanValue,
                    group + " consumed " + topic);
        }
    }

    /**
     * The messages of a kind the hub received about a number, by message id: a service killed between posting to the
     * hub and recording it posts the same message again, which the hub takes once (it keys messages by id), as any
     * consumer of ours does with an event id.
     */
    java.util.Set<String> hubMessageIds(HubMessageKind kind, String number) {
        return stack.hub.received(m -> m.kind() == kind && number.equals(m.number())).stream()
                .map(HubMessage::messageId)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Every record now on a topic: read once, checked many times with {@link #eventIds(List, String, String)}. */
    static List<ConsumerRecord<String, String>> records(String topic) {
        return KafkaTestClient.readAll(topic);
    }

    /** The distinct event ids ({@code ce_id}) of a type for a key on a topic: redeliveries counted once. */
    static java.util.Set<String> eventIds(String topic, String type, String key) {
        return eventIds(records(topic), type, key);
    }

    static java.util.Set<String> eventIds(List<ConsumerRecord<String, String>> records, String type, String key) {
        return records.stream()
                .filter(r -> key.equals(r.key()) && type.equals(KafkaTestClient.header(r, "ce_type")))
                .map(r -> KafkaTestClient.header(r, "ce_id"))
                .collect(java.util.stream.Collectors.toSet());
    }

    /** R-BILL-02: the rest of the activation month by days, rounded half up. */
    static long restOfMonth(long price, LocalDate activatedOn) {
        int days = activatedOn.lengthOfMonth();
        int left = days - activatedOn.getDayOfMonth() + 1;
        return (2 * price * left + days) / (2 * days);
    }

    /** The month charges on the account, one amount per month (each month's cause is unique in the ledger). */
    static Map<String, Long> chargesByMonth(List<Map<String, Object>> entries) {
        Map<String, Long> months = new java.util.TreeMap<>();
        for (Map<String, Object> e : ofKind(entries, "CHARGE")) {
            months.merge(String.valueOf(e.get("periodMonth")), amount(e), Long::sum);
        }
        return months;
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> entries, String kind) {
        return entries.stream().filter(e -> kind.equals(e.get("kind"))).toList();
    }

    static long amount(Map<String, Object> entry) {
        return ((Number) entry.get("amount")).longValue();
    }

    static <T> T await(Supplier<T> read, Predicate<T> condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = read.get();
            if (condition.test(last)) {
                return last;
            }
            ServiceProcess.sleep(250);
        }
        throw new AssertionError(what + " never got there; last seen: " + last);
    }

    static Instant at(LocalDate day, LocalTime time) {
        return LocalDateTime.of(day, time).atZone(COPENHAGEN).toInstant();
    }
}
