package dk.flyt.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dk.flyt.messaging.app.ThingConsumer;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = FlytTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
class InboxTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ThingConsumer consumer;

    @Inject
    EntityManager em;

    @Inject
    dk.flyt.messaging.deadletter.DeadLetters deadLetters;

    @Test
    void aMessageDeliveredTwiceHasOneEffect() {
        String key = "dup-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        send(key, id, "ThingTouched");
        send(key, id, "ThingTouched");
        String sentinel = UUID.randomUUID().toString();
        send(key, sentinel, "ThingTouched");

        await().atMost(WAIT).until(() -> effects(sentinel) == 1);
        assertThat(effects(id)).isEqualTo(1);
    }

    @Test
    void aMessageThatKeepsFailingGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String key = "poison-" + UUID.randomUUID();
        String poison = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();
        send(key, poison, "Poison");
        send(key, next, "ThingTouched");

        await().atMost(WAIT).until(() -> effects(next) == 1);
        assertThat(effects(poison)).as("each failed attempt rolled back").isZero();
        assertThat(consumer.attempts(poison)).as("configured attempts").isEqualTo(3);
        ConsumerRecord<String, String> dead = KafkaTestClient.readUntil(
                        ThingConsumer.TOPIC + ".dlq", r -> poison.equals(KafkaTestClient.header(r, "ce_id")), WAIT)
                .stream()
                .filter(r -> poison.equals(KafkaTestClient.header(r, "ce_id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the poison message is not on the dead-letter topic"));
        assertThat(dead.key()).isEqualTo(key);
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("cannot handle");
        assertThat(deadLetters.newest(500))
                .as("recorded for the agents' queue beside the topic")
                .filteredOn(d -> poison.equals(d.eventId()))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.consumer()).isEqualTo("thing-consumer");
                    assertThat(d.key()).isEqualTo(key);
                    assertThat(d.error()).contains("failed 3 times").contains("cannot handle");
                });
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("flyt_messaging_dead_letters_total{consumer=\"thing-consumer\""));
    }

    /** Found by the fault workload: messages consumed during a PostgreSQL restart went to the dead-letter topic. */
    @Test
    void aMessageThatMeetsTheDatabaseOutOfReachWaitsForItAndIsAppliedOnceNotDeadLettered() {
        String key = "outage-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        send(key, id, "DuringOutage");

        await().atMost(WAIT).until(() -> effects(id) == 1);
        assertThat(consumer.attempts(id))
                .as("more attempts than the 3 a failing message gets: the database's failures do not count")
                .isEqualTo(ThingConsumer.OUTAGE_ATTEMPTS + 1);
        assertThat(deadLetters.newest(500)).noneMatch(d -> id.equals(d.eventId()));
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("flyt_messaging_database_waits_total{consumer=\"thing-consumer\""));
    }

    @Test
    void aRecordFromASourceThatDoesNotOwnTheTopicIsNeverAppliedAndIsDeadLettered() {
        String key = "foreign-" + UUID.randomUUID();
        String foreign = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();
        send(key, foreign, "ThingTouched", "/someone-else");
        send(key, next, "ThingTouched");
        await().atMost(WAIT).until(() -> effects(next) == 1);
        assertThat(effects(foreign)).isZero();
        assertThat(consumer.attempts(foreign)).as("not even attempted").isZero();
        assertThat(KafkaTestClient.readUntil(
                        ThingConsumer.TOPIC + ".dlq", r -> foreign.equals(KafkaTestClient.header(r, "ce_id")), WAIT))
                .anyMatch(r -> foreign.equals(KafkaTestClient.header(r, "ce_id")));
        assertThat(deadLetters.newest(500))
                .filteredOn(d -> foreign.equals(d.eventId()))
                .singleElement()
                .satisfies(d -> assertThat(d.error()).contains("does not own"));
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("flyt_messaging_foreign_events_total{consumer=\"thing-consumer\""));
    }

    private static void send(String key, String id, String type) {
        send(key, id, type, "/test");
    }

    private static void send(String key, String id, String type, String source) {
        KafkaTestClient.send(
                ThingConsumer.TOPIC,
                key,
                "{\"n\":1}",
                Map.of(
                        "ce_specversion", "1.0",
                        "ce_id", id,
                        "ce_type", type,
                        "ce_source", source,
                        "content-type", "application/json"));
    }

    private long effects(String messageId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM thing_effect WHERE message_id = :id")
                                .setParameter("id", messageId)
                                .getSingleResult())
                        .longValue());
    }
}
