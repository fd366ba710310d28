package dk.flyt.porting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.Topics;
import dk.flyt.testing.KafkaTestClient;
import dk.flyt.testing.Tokens;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the porting tests do and look at, the way the order saga and an agent would. */
final class Porting {
    static final Duration WAIT = Duration.ofSeconds(30);

    static String newNumber() {
        return "+4591" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    static java.time.Instant copenhagen(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), BusinessTime.ZONE)
                .toInstant();
    }

    /** Sends a command on porting.commands as the order saga does: keyed by order, CloudEvents headers. */
    static void command(ObjectMapper json, String type, String orderId, Object payload) {
        try {
            KafkaTestClient.send(
                    Topics.PORTING_COMMANDS,
                    orderId,
                    json.writeValueAsString(payload),
                    Map.of(
                            "ce_specversion", "1.0",
                            "ce_id", "saga-" + orderId + ":" + type + ":" + UUID.randomUUID(),
                            "ce_type", type,
                            "ce_source", "/subscription-service",
                            "content-type", "application/json"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void event(ObjectMapper json, String topic, String type, String key, Object payload) {
        try {
            KafkaTestClient.send(
                    topic,
                    key,
                    json.writeValueAsString(payload),
                    Map.of(
                            "ce_specversion", "1.0",
                            "ce_id", UUID.randomUUID().toString(),
                            "ce_type", type,
                            "ce_source", "/subscription-service",
                            "content-type", "application/json"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The agent's view of the one port-in case for a number. */
    static JsonPath portIn(String number) {
        return given().auth()
                .oauth2(Tokens.forRole("agent"))
                .queryParam("number", number)
                .when()
                .get("/api/v1/port-ins")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Waits until the agent's view of a number we hold shows {@code status}. */
    static JsonPath awaitNumber(String number, String status) {
        await().atMost(WAIT).until(() -> {
            var response = given().auth()
                    .oauth2(Tokens.forRole("agent"))
                    .when()
                    .get("/api/v1/numbers/{n}", number)
                    .then()
                    .extract();
            return response.statusCode() == 200
                    && status.equals(response.jsonPath().getString("status"));
        });
        return given().auth()
                .oauth2(Tokens.forRole("agent"))
                .when()
                .get("/api/v1/numbers/{n}", number)
                .then()
                .extract()
                .jsonPath();
    }

    /** The customer's compensations, as an agent sees them. */
    static List<Map<String, Object>> compensations(String customerId) {
        return dk.flyt.testing.Agents.announcedOn(customerId)
                .queryParam("customerId", customerId)
                .when()
                .get("/api/v1/compensations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    /** Waits for the customer's compensation of {@code kind}. */
    static Map<String, Object> awaitCompensation(String customerId, String kind) {
        await().atMost(WAIT).until(() -> compensations(customerId).stream().anyMatch(c -> kind.equals(c.get("kind"))));
        return compensations(customerId).stream()
                .filter(c -> kind.equals(c.get("kind")))
                .findFirst()
                .orElseThrow();
    }

    static JsonPath awaitPortIn(String number, String state) {
        await().atMost(WAIT).until(() -> {
            List<String> states = portIn(number).getList("state");
            return states.size() == 1 && state.equals(states.get(0));
        });
        return portIn(number).setRootPath("[0]");
    }

    /** Every porting event about an aggregate so far, waiting until one of {@code type} is there. */
    static List<ConsumerRecord<String, String>> eventsUntil(String key, String type) {
        return KafkaTestClient.readUntil(
                        Topics.PORTING_EVENTS,
                        r -> key.equals(r.key()) && type.equals(KafkaTestClient.header(r, "ce_type")),
                        WAIT)
                .stream()
                .filter(r -> key.equals(r.key()))
                .toList();
    }

    static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> KafkaTestClient.header(r, "ce_type")).toList();
    }

    private Porting() {}
}
