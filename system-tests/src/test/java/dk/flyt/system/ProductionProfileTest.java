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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each packaged service in a production profile (the security issue, production profile): the clock endpoint does
 * not exist for anyone (404 before any 401 or 403), Swagger UI is not served, and a start with a movable clock is
 * refused in any profile that is not dev or test.
 */
class ProductionProfileTest {
    private final Path root = Path.of("").toAbsolutePath().getParent();
    private final Path logs = root.resolve("system-tests/target/system-tests");

    private ServiceProcess production(String module, String name, String profile, Map<String, String> extra) {
        String database = Servers.createDatabase("prod_" + module.replace('-', '_'));
        Map<String, String> p = new java.util.HashMap<>(ServiceSettings.properties(
                module,
                Servers.jdbcUrl(database),
                Servers.kafkaBootstrapServers(),
                Servers.oidcIssuer(),
                "https://hub.invalid",
                "a-secret"));
        p.put("quarkus.profile", profile);
        FlytStack.partners().configure(module, p);
        p.putAll(extra);
        return new ServiceProcess(name, ServiceSettings.jar(root, module), FlytStack.freePort(), p, logs);
    }

    @ParameterizedTest
    @ValueSource(strings = {ServiceSettings.SUBSCRIPTION, ServiceSettings.PORTING, ServiceSettings.BILLING})
    void inProductionTheClockSwaggerUiAndManagementEndpointsAreNotOnThePublicPort(String module) {
        ServiceProcess service = production(module, "prod-" + module, "prod", Map.of());
        service.start();
        try {
            service.awaitReady(Duration.ofMinutes(2));
            for (String token : new String[] {null, Tokens.forRole("agent"), Tokens.forRole("clock-admin")}) {
                var request = given().baseUri(service.url());
                if (token != null) {
                    request = request.auth().oauth2(token);
                }
                request.contentType("application/json")
                        .body(Map.of("by", "P1D"))
                        .when()
                        .post("/api/v1/clock/advance")
                        .then()
                        .statusCode(404)
                        .contentType("application/problem+json");
                given().baseUri(service.url()).get("/api/v1/clock").then().statusCode(404);
            }
            given().baseUri(service.url()).get("/q/swagger-ui/").then().statusCode(404);
            given().baseUri(service.managementUrl())
                    .get("/q/swagger-ui/")
                    .then()
                    .statusCode(404);
            // the management endpoints answer on the management interface only, never on the public port
            for (String path : new String[] {"/q/health/ready", "/q/metrics", "/q/openapi"}) {
                given().baseUri(service.url()).get(path).then().statusCode(404);
                given().baseUri(service.managementUrl()).get(path).then().statusCode(200);
            }
        } finally {
            service.stop();
        }
        assertThat(service.isAlive()).isFalse();
    }

    /** The refusal is the shared ClockProducer's, so one packaged service shows it (ProfilesTest covers the rule). */
    @ParameterizedTest
    @ValueSource(strings = {ServiceSettings.SUBSCRIPTION})
    void aStartWithAMovableClockIsRefusedInAnyProfileButDevAndTest(String module) throws IOException {
        String name = "staging-clock-" + module;
        ServiceProcess service = production(module, name, "staging", Map.of("flyt.clock.controllable", "true"));
        service.start();
        try {
            assertThatThrownBy(() -> service.awaitReady(Duration.ofMinutes(2))).hasMessageContaining("exited");
        } finally {
            service.stop();
        }
        assertThat(Files.readString(logs.resolve(name + ".log")))
                .contains("flyt.clock.controllable=true is for the dev and test profiles only");
    }

    /**
     * A production build must not approve every credit check, send nothing or take no money. The refusal is the
     * shared SimulatorGuard's, so one packaged service shows it (SimulatorGuardTest covers every adapter).
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"billing-adapter, flyt.adapters.payments"})
    void aStartWithASimulatorAsTheActiveAdapterIsRefusedInProduction(String module, String adapter) throws IOException {
        String name = "prod-simulated-" + adapter.substring(adapter.lastIndexOf('.') + 1);
        ServiceProcess service = production(module, name, "prod", Map.of(adapter, "simulated"));
        service.start();
        try {
            assertThatThrownBy(() -> service.awaitReady(Duration.ofMinutes(2))).hasMessageContaining("exited");
        } finally {
            service.stop();
        }
        assertThat(Files.readString(logs.resolve(name + ".log")))
                .contains(adapter + " select a simulator; simulators are for the dev and test profiles only");
    }
}
