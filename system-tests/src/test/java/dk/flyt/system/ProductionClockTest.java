package dk.flyt.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.flyt.local.ServiceProcess;
import dk.flyt.local.ServiceSettings;
import dk.flyt.testing.Servers;
import dk.flyt.testing.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged service in the production profile: no clock endpoint, and no start with a movable clock. */
class ProductionClockTest {
    private final Path root = Path.of("").toAbsolutePath().getParent();
    private final Path logs = root.resolve("system-tests/target/system-tests");

    private ServiceProcess production(String name, Map<String, String> extra) {
        String database = Servers.createDatabase("prod_clock");
        Map<String, String> p = new java.util.HashMap<>(ServiceSettings.properties(
                ServiceSettings.SUBSCRIPTION,
                Servers.jdbcUrl(database),
                Servers.kafkaBootstrapServers(),
                Servers.oidcIssuer(),
                "http://127.0.0.1:1",
                "unused"));
        p.remove("quarkus.profile");
        p.putAll(extra);
        return new ServiceProcess(
                name, ServiceSettings.jar(root, ServiceSettings.SUBSCRIPTION), FlytStack.freePort(), p, logs);
    }

    @Test
    void inProductionTheClockEndpointDoesNotExist() {
        ServiceProcess service = production("prod-clock-absent", Map.of());
        service.start();
        try {
            service.awaitReady(Duration.ofMinutes(2));
            given().baseUri(service.url())
                    .auth()
                    .oauth2(Tokens.forRole("clock-admin"))
                    .contentType("application/json")
                    .body(Map.of("by", "P1D"))
                    .when()
                    .post("/api/v1/clock/advance")
                    .then()
                    .statusCode(404);
        } finally {
            service.stop();
        }
        assertThat(service.isAlive()).isFalse();
    }

    @Test
    void aProductionStartWithAMovableClockIsRefused() throws IOException {
        ServiceProcess service = production("prod-clock-refused", Map.of("flyt.clock.controllable", "true"));
        service.start();
        try {
            assertThatThrownBy(() -> service.awaitReady(Duration.ofMinutes(2))).hasMessageContaining("exited");
        } finally {
            service.stop();
        }
        assertThat(Files.readString(logs.resolve("prod-clock-refused.log")))
                .contains("flyt.clock.controllable=true is for the dev and test profiles only");
    }
}
