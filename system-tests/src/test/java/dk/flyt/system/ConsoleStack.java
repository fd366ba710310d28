package dk.flyt.system;

import dk.flyt.local.KeycloakServer;
import dk.flyt.local.KeycloakTokens;
import dk.flyt.local.ServiceProcess;
import dk.flyt.local.ServiceSettings;
import dk.flyt.testing.KafkaServer;
import dk.flyt.testing.Servers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Flyt with Keycloak as its OIDC provider, as the local stack runs it: the realm file of the local stack (its console
 * addresses moved to this gateway's port), the subscription service and the gateway with the agents' console. Its
 * own Kafka broker, so that this subscription service never joins the consumer groups of the main system-test stack.
 * For the tests that log in as a person, through the provider's own login page.
 */
final class ConsoleStack implements AutoCloseable {
    final KeycloakServer keycloak;
    final KeycloakTokens tokens;
    ServiceProcess subscription;
    ServiceProcess gateway;
    private final KafkaServer kafka;

    ConsoleStack() {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path logs = root.resolve("system-tests/target/console-stack");
        int gatewayPort = FlytStack.freePort();
        keycloak = new KeycloakServer(
                Path.of(System.getProperty("flyt.keycloak.home")), FlytStack.freePort(), logs.resolve("keycloak.log"));
        try {
            // a broker of its own each run: its data from an earlier run named other ports
            dk.flyt.local.KeycloakServer.deleteTree(logs.resolve("kafka"));
            java.nio.file.Files.createDirectories(logs.resolve("kafka"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        kafka = new KafkaServer(logs.resolve("kafka/data"), FlytStack.freePort(), FlytStack.freePort());
        long begin = System.nanoTime();
        byte[] realm = new String(KeycloakServer.localRealm(), StandardCharsets.UTF_8)
                .replace("127.0.0.1:8080/", "127.0.0.1:" + gatewayPort + "/")
                .replace("localhost:8080/", "localhost:" + gatewayPort + "/")
                .getBytes(StandardCharsets.UTF_8);
        // whatever happens to this JVM or to the start, nothing started here outlives it
        Thread stopper = new Thread(this::close, "console-stack-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            start(root, logs, gatewayPort, realm);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        tokens = new KeycloakTokens(keycloak.issuer());
        System.out.printf(
                "[console-stack] ready in %d ms: Keycloak %s, gateway %s%n",
                (System.nanoTime() - begin) / 1_000_000, keycloak.url(), gateway.url());
    }

    private void start(Path root, Path logs, int gatewayPort, byte[] realm) {
        CompletableFuture<Void> kc = CompletableFuture.runAsync(() -> keycloak.start(realm, Duration.ofMinutes(4)));
        kafka.start();
        String database = Servers.createDatabase("console_subscription");
        Map<String, String> p = ServiceSettings.properties(
                ServiceSettings.SUBSCRIPTION,
                Servers.jdbcUrl(database),
                kafka.bootstrapServers(),
                keycloak.issuer(),
                "http://127.0.0.1:1",
                "unused");
        FlytStack.partners().configure(ServiceSettings.SUBSCRIPTION, p);
        subscription = new ServiceProcess(
                ServiceSettings.SUBSCRIPTION,
                ServiceSettings.jar(root, ServiceSettings.SUBSCRIPTION),
                FlytStack.freePort(),
                p,
                logs);
        kc.join();
        subscription.start();
        Map<String, String> g = new HashMap<>();
        g.put("quarkus.profile", "dev");
        g.put("quarkus.oidc.auth-server-url", keycloak.issuer());
        g.put("flyt.gateway.routes.subscription.upstream", subscription.url());
        g.put("flyt.gateway.routes.subscription.openapi", subscription.managementUrl() + "/q/openapi");
        // porting and billing are not part of this stack
        g.put("flyt.gateway.routes.porting.upstream", "http://127.0.0.1:1");
        g.put("flyt.gateway.routes.billing.upstream", "http://127.0.0.1:1");
        g.put(ServiceProcess.MANAGEMENT_PORT, String.valueOf(gatewayPort));
        gateway = new ServiceProcess("gateway", ServiceSettings.jar(root, "gateway"), gatewayPort, g, logs);
        gateway.start();
        CompletableFuture.allOf(
                        CompletableFuture.runAsync(() -> subscription.awaitReady(Duration.ofMinutes(3))),
                        CompletableFuture.runAsync(() -> gateway.awaitReady(Duration.ofMinutes(3))))
                .join();
    }

    /** The Keycloak admin's token (master realm). */
    String adminToken() {
        return new KeycloakTokens(keycloak.url() + "/realms/master").password("admin-cli", "admin", "admin");
    }

    @Override
    public synchronized void close() {
        for (ServiceProcess s : new ServiceProcess[] {gateway, subscription}) {
            if (s != null) {
                s.stop();
            }
        }
        keycloak.close();
        kafka.stop();
    }
}
