package dk.flyt.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How each service is started outside Maven: its packaged jar, the {@code dev} profile (so the business clock can
 * be moved through its clock endpoint), the addresses of PostgreSQL, Kafka, the OIDC provider and the porting hub,
 * and short polling intervals, so that a demo or a system test does not wait on timers meant for production.
 */
public final class ServiceSettings {
    public static final String SUBSCRIPTION = "subscription-service";
    public static final String PORTING = "porting-service";
    public static final String BILLING = "billing-adapter";

    /** The runnable jar a module's build leaves behind. */
    public static Path jar(Path repository, String module) {
        return repository.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * @param jdbcUrl the service's own database
     * @param hubUrl the porting hub (used by the porting service only)
     * @param hubClientSecret the secret of the porting service's OIDC client {@code operator-FLYT}, which gets its
     *     hub token by the client-credentials grant
     */
    public static Map<String, String> properties(
            String module, String jdbcUrl, String kafka, String issuer, String hubUrl, String hubClientSecret) {
        Map<String, String> p = new HashMap<>();
        p.put("quarkus.profile", "dev");
        // on this machine only: programs reach the services through the gateway; the clock command on loopback
        p.put("quarkus.http.host", "127.0.0.1");
        p.put("quarkus.management.host", "127.0.0.1");
        p.put("quarkus.datasource.jdbc.url", jdbcUrl);
        p.put("quarkus.datasource.username", "postgres");
        p.put("quarkus.datasource.password", "postgres");
        p.put("kafka.bootstrap.servers", kafka);
        p.put("quarkus.oidc.auth-server-url", issuer);
        p.put("flyt.messaging.outbox.poll-interval", "0.1s");
        switch (module) {
            case SUBSCRIPTION -> p.put("flyt.subscription.timers-every", "1s");
            case PORTING -> {
                p.put("flyt.porting.hub.url", hubUrl);
                p.put("quarkus.oidc-client.client-id", "operator-FLYT");
                p.put("quarkus.oidc-client.credentials.secret", hubClientSecret);
                // Keycloak gives the client its role and operator id by mappers; the test OIDC provider takes these
                p.put("quarkus.oidc-client.grant-options.client.roles", "np-operator");
                p.put("quarkus.oidc-client.grant-options.client.operator_id", "FLYT");
                p.put("flyt.porting.hub.initial-backoff", "0.2s");
                p.put("flyt.porting.hub.poll-interval", "0.2s");
                p.put("flyt.porting.scheduler-every", "1s");
            }
            default -> {
                // billing needs nothing beyond the addresses
            }
        }
        return p;
    }

    private ServiceSettings() {}
}
