package dk.flyt.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.flyt.contracts.Topics;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An agent working on a customer within a contact (R-DATA-02), as the console does: every request names the
 * contact in {@value #HEADER}. Against the subscription service the contact is opened over its API; porting's and
 * billing's own tests announce it as the subscription service's {@code ContactOpened} event.
 */
public final class Agents {
    public static final String HEADER = "Flyt-Contact-Id";
    public static final String DEFAULT_AGENT = "agent-client";
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * When an announced contact opened or closed: the wall clock is enough, since porting and billing only record it
     * (idleness is judged by the subscription service, on its own clock).
     */
    private static final java.time.Clock CLOCK = java.time.Clock.systemUTC();

    private static final Map<String, String> OPEN = new ConcurrentHashMap<>();

    /** The default agent's requests on the customer, within a contact opened on the subscription service. */
    public static RequestSpecification on(String customerId) {
        return as(DEFAULT_AGENT, customerId);
    }

    /**
     * {@code agent}'s requests on the customer, within a contact opened for them on the subscription service (a new
     * one each time: tests move the clock past the idle time).
     */
    public static RequestSpecification as(String agent, String customerId) {
        return within(agent, open(agent, customerId));
    }

    /** {@code agent}'s requests within the given contact. */
    public static RequestSpecification within(String agent, String contactId) {
        return given().auth().oauth2(token(agent)).header(HEADER, contactId);
    }

    /** Opens a new contact of {@code agent} with the customer on the subscription service; its id. */
    public static String open(String agent, String customerId) {
        return given().auth()
                .oauth2(token(agent))
                .contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "reason", "test call"))
                .when()
                .post("/api/v1/customers/{id}/contacts", customerId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * Announces a contact of {@code agent} with the customer as the subscription service would, on
     * {@code subscription.events}, for porting's and billing's own tests; its id.
     */
    public static String announce(String agent, String customerId) {
        String id = UUID.randomUUID().toString();
        ObjectNode body = JSON.createObjectNode()
                .put("contactId", id)
                .put("customerId", customerId)
                .put("agent", agent)
                .put("channel", "PHONE")
                .put("openedAt", CLOCK.instant().toString());
        send("ContactOpened", customerId, body);
        return id;
    }

    /** Announces that the contact closed, as the subscription service would. */
    public static void announceClosed(String contactId, String customerId) {
        ObjectNode body = JSON.createObjectNode()
                .put("contactId", contactId)
                .put("customerId", customerId)
                .put("closedAt", CLOCK.instant().toString())
                .put("why", "CLOSED_BY_AGENT");
        send("ContactClosed", customerId, body);
    }

    /** The default agent's requests on the customer, within an announced contact (porting's and billing's tests). */
    public static RequestSpecification announcedOn(String customerId) {
        return within(
                DEFAULT_AGENT,
                OPEN.computeIfAbsent("announced|" + customerId, k -> announce(DEFAULT_AGENT, customerId)));
    }

    /** The token of an agent named {@code agent}. */
    public static String token(String agent) {
        return DEFAULT_AGENT.equals(agent) ? Tokens.forRole("agent") : Tokens.token(agent, null, "agent");
    }

    private static void send(String type, String key, ObjectNode body) {
        KafkaTestClient.send(
                Topics.SUBSCRIPTION_EVENTS,
                key,
                body.toString(),
                Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        UUID.randomUUID().toString(),
                        "ce_type",
                        type,
                        "ce_source",
                        Topics.producer(Topics.SUBSCRIPTION_EVENTS).orElseThrow(),
                        "content-type",
                        "application/json"));
    }

    private Agents() {}
}
