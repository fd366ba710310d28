package dk.flyt.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a Quarkus test the real servers: a fresh database on the JVM's PostgreSQL, the Kafka broker and the OIDC
 * provider. Declare it with {@code @WithTestResource(FlytTestResource.class)} on every test class of a module, so
 * they all share one application start. Init arg {@code database}: the prefix of the database name.
 */
public class FlytTestResource implements QuarkusTestResourceLifecycleManager {
    private String prefix = "flyt";

    @Override
    public void init(Map<String, String> initArgs) {
        prefix = initArgs.getOrDefault("database", prefix);
    }

    /** A free port reserved for a simulator of an outside party (the porting hub, say) that a test starts. */
    public static final String SIMULATOR_PORT = "flyt.test.simulator-port";

    @Override
    public Map<String, String> start() {
        String database = Servers.createDatabase(prefix);
        String simulatorPort = System.getProperty(SIMULATOR_PORT);
        if (simulatorPort == null) {
            simulatorPort = String.valueOf(Ports.free());
            System.setProperty(SIMULATOR_PORT, simulatorPort);
        }
        return Map.of(
                SIMULATOR_PORT,
                simulatorPort,
                "quarkus.datasource.jdbc.url",
                Servers.jdbcUrl(database),
                "quarkus.datasource.username",
                "postgres",
                "quarkus.datasource.password",
                "postgres",
                "kafka.bootstrap.servers",
                Servers.kafkaBootstrapServers(),
                "quarkus.oidc.auth-server-url",
                Servers.oidcIssuer());
    }

    @Override
    public void stop() {
        // the servers live as long as the JVM, for the next application start
    }
}
