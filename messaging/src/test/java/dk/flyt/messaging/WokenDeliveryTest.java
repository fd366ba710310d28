package dk.flyt.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dk.flyt.messaging.app.ThingService;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.KafkaTestClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/**
 * The performance issue's stall: a step's events leave as soon as the step commits, and the next service's consumer
 * takes them without waiting for a poll. The relay's interval is an hour here, so only the wake-up after the commit
 * can publish within the test; the consumers run with the settings every service gets (none of them overrides the
 * poll timeout). Nothing is timed.
 */
@QuarkusTest
@TestProfile(WokenDeliveryTest.RelayIntervalOfAnHour.class)
@WithTestResource(value = FlytTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
class WokenDeliveryTest {
    @Inject
    ThingService things;

    @Inject
    Config config;

    public static class RelayIntervalOfAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("flyt.messaging.outbox.poll-interval", "1h");
        }
    }

    @Test
    void aCommittedStepsEventIsPublishedByTheWakeUpNotByThePoll() {
        UUID id = things.create("woken-" + UUID.randomUUID(), false);

        assertThat(KafkaTestClient.readUntil(
                        ThingService.TOPIC, r -> id.toString().equals(r.key()), Duration.ofSeconds(30)))
                .as("published though the relay's next timed pass is an hour away")
                .anyMatch(r -> id.toString().equals(r.key()));
    }

    @Test
    void aConsumersPollingThreadIsFreeWellBeforeAPollInterval() {
        // SmallRye's throttled commit strategy looks up a partition's committed offset on the polling thread when the
        // partition's first record arrives; the lookup waits for the poll in progress. The poll timeout bounds that.
        Duration pollTimeout =
                Duration.ofMillis(config.getValue("mp.messaging.connector.smallrye-kafka.poll-timeout", Long.class));
        assertThat(pollTimeout).isLessThanOrEqualTo(Duration.ofMillis(100));
        assertThat(config.getOptionalValue("mp.messaging.incoming.things.poll-timeout", Long.class))
                .as("no channel sets its own")
                .isEmpty();
        assertThat(config.getOptionalValue("mp.messaging.incoming.things.commit-strategy", String.class)
                        .orElse("throttled"))
                .as("the strategy whose lookup this bounds; another one needs its own look")
                .isEqualTo("throttled");
    }

    @Test
    void noServiceRaisesThePollTimeoutAgain() throws java.io.IOException {
        try (var modules = java.nio.file.Files.list(
                java.nio.file.Path.of("..").toAbsolutePath().normalize())) {
            var properties = modules.map(m -> m.resolve("src/main/resources/application.properties"))
                    .filter(java.nio.file.Files::isRegularFile)
                    .toList();
            assertThat(properties).as("the services' configuration").hasSizeGreaterThanOrEqualTo(3);
            for (var file : properties) {
                assertThat(java.nio.file.Files.readAllLines(file))
                        .as(file.toString())
                        .noneMatch(line -> line.contains("poll-timeout") || line.contains("fetch.max.wait.ms"));
            }
        }
    }
}
