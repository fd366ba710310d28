package dk.flyt.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.flyt.local.ServiceProcess;
import dk.flyt.local.ServiceSettings;
import dk.flyt.testing.Servers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged porting service in the production profile refuses a hub link in the clear or without a credential. */
class ProductionHubLinkTest {
    private final Path root = Path.of("").toAbsolutePath().getParent();
    private final Path logs = root.resolve("system-tests/target/system-tests");

    private String refusal(String name, String hubUrl, String secret) throws IOException {
        String database = Servers.createDatabase("prod_hub");
        Map<String, String> p = new HashMap<>(ServiceSettings.properties(
                ServiceSettings.PORTING,
                Servers.jdbcUrl(database),
                Servers.kafkaBootstrapServers(),
                Servers.oidcIssuer(),
                hubUrl,
                secret));
        p.remove("quarkus.profile");
        FlytStack.partners().configure(ServiceSettings.PORTING, p);
        if (secret == null) {
            p.remove("quarkus.oidc-client.credentials.secret");
        }
        ServiceProcess service = new ServiceProcess(
                name, ServiceSettings.jar(root, ServiceSettings.PORTING), FlytStack.freePort(), p, logs);
        service.start();
        try {
            assertThatThrownBy(() -> service.awaitReady(Duration.ofMinutes(2))).hasMessageContaining("exited");
        } finally {
            service.stop();
        }
        assertThat(service.isAlive()).isFalse();
        return Files.readString(logs.resolve(name + ".log"));
    }

    @Test
    void aProductionStartWithAPlainHttpHubIsRefused() throws IOException {
        assertThat(refusal("prod-hub-http", "http://hub.example", "s3cret"))
                .contains("refusing to start")
                .contains("flyt.porting.hub.url must be an https URL");
    }

    @Test
    void aProductionStartWithoutAHubCredentialIsRefused() throws IOException {
        assertThat(refusal("prod-hub-no-secret", "https://hub.example", null))
                .contains("refusing to start")
                .contains("a credential for the hub token is required");
    }
}
