package dk.flyt.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.messaging.app.ThingService;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.KafkaTestClient;
import dk.flyt.testing.Servers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = FlytTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
class OutboxTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ThingService things;

    @Inject
    EntityManager em;

    @Test
    void aRolledBackUseCasePublishesNothingAndStoresNothing() {
        String marker = "rollback-" + UUID.randomUUID();
        assertThatThrownBy(() -> things.create(marker, true)).isInstanceOf(IllegalStateException.class);
        UUID sentinel = things.create("sentinel-" + marker, false);

        List<ConsumerRecord<String, String>> seen = KafkaTestClient.readUntil(
                ThingService.TOPIC, r -> sentinel.toString().equals(r.key()), WAIT);

        assertThat(seen).as("the committed sentinel arrives").anyMatch(r -> sentinel.toString()
                .equals(r.key()));
        assertThat(seen).as("the rolled-back event never does").noneMatch(r -> marker.equals(field(r, "name")));
        assertThat(count("SELECT count(*) FROM thing WHERE name = '" + marker + "'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM outbox_event WHERE payload->>'name' = '" + marker + "'"))
                .isZero();
    }

    @Test
    void anEventIsPublishedAsACloudEventKeyedByItsAggregate() {
        UUID id = things.create("headers", false);

        ConsumerRecord<String, String> record =
                KafkaTestClient.readUntil(ThingService.TOPIC, r -> id.toString().equals(r.key()), WAIT).stream()
                        .filter(r -> id.toString().equals(r.key()))
                        .findFirst()
                        .orElseThrow();

        assertThat(KafkaTestClient.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo("ThingCreated");
        assertThat(KafkaTestClient.header(record, "ce_source")).isEqualTo("/messaging-test");
        assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(id.toString());
        assertThat(KafkaTestClient.header(record, "ce_dataschema")).isEqualTo("urn:flyt:ThingCreated:v1");
        assertThat(KafkaTestClient.header(record, "ce_time")).isNotBlank();
        assertThat(KafkaTestClient.header(record, "content-type")).isEqualTo("application/json");
        String eventId = KafkaTestClient.header(record, "ce_id");
        assertThat(UUID.fromString(eventId)).isNotNull();
        assertThat(field(record, "thingId")).isEqualTo(id.toString());
        await().atMost(WAIT)
                .until(() -> count("SELECT count(*) FROM outbox_event WHERE id = '" + eventId
                                + "' AND published_at IS NOT NULL")
                        == 1);
    }

    @Test
    void withTheBrokerDownEventsWaitInTheOutboxAndAreAllPublishedWhenItIsBack() {
        Servers.stopKafka();
        List<UUID> ids;
        try {
            ids = List.of(
                    things.create("outage-1", false),
                    things.create("outage-2", false),
                    things.create("outage-3", false),
                    things.create("outage-4", false),
                    things.create("outage-5", false));
            await().atMost(WAIT).until(() -> readiness() == 503);
            await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
            assertThat(count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND aggregate_id IN ("
                            + ids.stream().map(i -> "'" + i + "'").collect(Collectors.joining(",")) + ")"))
                    .as("nothing is marked published while the broker is away")
                    .isEqualTo(5);
        } finally {
            Servers.startKafka();
        }

        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND failed_at IS NULL")
                        == 0);
        await().atMost(WAIT).until(() -> readiness() == 200);
        Set<String> wanted = ids.stream().map(UUID::toString).collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> seen =
                KafkaTestClient.readUntil(ThingService.TOPIC, r -> false, Duration.ofSeconds(5));
        assertThat(seen.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
                .containsAll(wanted);
    }

    @Test
    void outboxLagAndPublishedCountsAreMetrics() {
        things.create("metrics", false);
        await().atMost(WAIT).untilAsserted(() -> given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("flyt_outbox_pending "))
                .body(containsString("flyt_outbox_lag_seconds "))
                .body(containsString("flyt_outbox_published_total ")));
    }

    @Test
    void anEventTheBrokerRefusesForGoodIsMarkedFailedAndStallsNobodyElse() {
        String huge = "x".repeat(1_200_000); // over the producer's 1 MB request limit: refused, not retriable
        UUID refused = things.create(huge, false);
        UUID next = things.create("after-the-huge-one", false);

        List<ConsumerRecord<String, String>> seen = KafkaTestClient.readUntil(
                ThingService.TOPIC, r -> next.toString().equals(r.key()), WAIT);
        assertThat(seen).as("other aggregates' events still go out").anyMatch(r -> next.toString()
                .equals(r.key()));
        await().atMost(WAIT)
                .until(() -> count(
                                "SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + refused
                                        + "' AND failed_at IS NOT NULL AND published_at IS NULL AND last_error LIKE '%RecordTooLarge%'")
                        == 1);
        await().atMost(WAIT)
                .untilAsserted(
                        () -> given().when().get("/q/metrics").then().body(containsString("flyt_outbox_failed ")));
        // cleared by an operator would mean: fix the payload, set failed_at to NULL; here we only park it
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("DELETE FROM outbox_event WHERE aggregate_id = :a")
                        .setParameter("a", refused.toString())
                        .executeUpdate());
    }

    private static int readiness() {
        return given().when().get("/q/health/ready").then().extract().statusCode();
    }

    private static String field(ConsumerRecord<String, String> record, String name) {
        try {
            return JSON.readTree(record.value()).path(name).asText();
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + record.value(), e);
        }
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
