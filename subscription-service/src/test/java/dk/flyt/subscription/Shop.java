package dk.flyt.subscription;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.flyt.contracts.Topics;
import dk.flyt.testing.KafkaTestClient;
import dk.flyt.testing.TestData;
import dk.flyt.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Builds checkouts and drives the saga from outside, as the web shop, logistics and the porting service would. */
final class Shop {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    static String cpr() {
        return TestData.cpr();
    }

    static String iccid() {
        return TestData.iccid();
    }

    static String number() {
        return TestData.mobileNumber();
    }

    static Map<String, Object> customer(String cpr) {
        return TestData.privateCustomer(cpr);
    }

    static Map<String, Object> portInLine(String number, String iccid) {
        return TestData.portInLine(number, iccid);
    }

    static Map<String, Object> newLine(String plan, int bindingMonths) {
        return TestData.newNumberLine(plan, bindingMonths);
    }

    static Map<String, Object> order(Map<String, Object> customer, List<Map<String, Object>> lines) {
        return TestData.webshopOrder(customer, lines);
    }

    static ValidatableResponse place(Object body, String key) {
        return given().auth()
                .oauth2(Tokens.forRole("webshop"))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post("/api/v1/orders")
                .then()
                .log()
                .ifValidationFails();
    }

    /** Places an order and returns the response body. */
    static JsonNode placed(Object body) {
        String json = place(body, UUID.randomUUID().toString())
                .statusCode(201)
                .extract()
                .asString();
        return remember(read(json));
    }

    /** Whose each order and subscription the tests have seen is, so that an agent reads it within a contact. */
    private static final Map<String, String> CUSTOMER_OF = new java.util.concurrent.ConcurrentHashMap<>();

    /** Notes the customer of an order view and of its lines' subscriptions; returns the view. */
    static JsonNode remember(JsonNode order) {
        String customer = order.path("customerId").asText(null);
        if (customer != null) {
            CUSTOMER_OF.put(order.path("id").asText(), customer);
            order.path("lines").forEach(l -> {
                if (l.hasNonNull("subscriptionId")) {
                    CUSTOMER_OF.put(l.get("subscriptionId").asText(), customer);
                }
            });
            order.path("subscriptionIds").forEach(id -> CUSTOMER_OF.put(id.asText(), customer));
        }
        return order;
    }

    /** Notes whose an order or subscription is, when the test placed it otherwise than through {@link #placed}. */
    static void note(String orderOrSubscriptionId, String customerId) {
        CUSTOMER_OF.put(orderOrSubscriptionId, customerId);
    }

    /** The customer of an order or subscription the tests have seen. */
    static String customerOf(String orderOrSubscriptionId) {
        String customer = CUSTOMER_OF.get(orderOrSubscriptionId);
        if (customer == null) {
            throw new IllegalStateException("the test has not seen whose " + orderOrSubscriptionId + " is");
        }
        return customer;
    }

    /** An agent's requests on the customer of an order or subscription, within a contact with them (R-DATA-02). */
    static io.restassured.specification.RequestSpecification agentOn(String orderOrSubscriptionId) {
        return dk.flyt.testing.Agents.on(customerOf(orderOrSubscriptionId));
    }

    static JsonNode order(String orderId) {
        return remember(read(agentOn(orderId)
                .when()
                .get("/api/v1/orders/{id}", orderId)
                .then()
                .statusCode(200)
                .extract()
                .asString()));
    }

    static JsonNode subscription(String id) {
        return read(agentOn(id)
                .when()
                .get("/api/v1/subscriptions/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    static ValidatableResponse ship(String orderId, String lineId, String status) {
        return given().auth()
                .oauth2(Tokens.forRole("logistics"))
                .contentType(ContentType.JSON)
                .body(Map.of("status", status, "simIccid", iccid()))
                .when()
                .post("/api/v1/orders/{o}/lines/{l}/shipment", orderId, lineId)
                .then();
    }

    /** A porting-service fact on porting.events, as the porting service publishes it. */
    static String porting(String type, String key, Object payload) {
        String id = UUID.randomUUID().toString();
        send(Topics.PORTING_EVENTS, type, key, id, payload);
        return id;
    }

    static void send(String topic, String type, String key, String eventId, Object payload) {
        try {
            KafkaTestClient.send(
                    topic,
                    key,
                    JSON.writeValueAsString(payload),
                    Map.of(
                            "ce_specversion",
                            "1.0",
                            "ce_id",
                            eventId,
                            "ce_type",
                            type,
                            "ce_source",
                            Topics.producer(topic).orElse("/test"),
                            "content-type",
                            "application/json"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records of one type on a topic for one key, waiting until {@code enough} holds. */
    static List<JsonNode> records(String topic, String type, String key, Predicate<List<JsonNode>> enough) {
        return records(topic, type, key, enough, Duration.ofSeconds(30));
    }

    /** Every record of the type for the key that is on the topic within {@code window} (for counting). */
    static List<JsonNode> all(String topic, String type, String key) {
        return KafkaTestClient.all(topic, type, key, Duration.ofSeconds(4));
    }

    static List<JsonNode> records(
            String topic, String type, String key, Predicate<List<JsonNode>> enough, Duration timeout) {
        return KafkaTestClient.bodies(topic, type, key, enough, timeout);
    }

    static JsonNode one(String topic, String type, String key) {
        return KafkaTestClient.first(topic, type, key, Duration.ofSeconds(30));
    }

    /** Reads until {@code done} holds (at most 30 s), as a neighbouring service or a person would poll. */
    static <T> T eventually(java.util.function.Supplier<T> read, Predicate<T> done) {
        return org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(read::get, done::test);
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Shop() {}
}
