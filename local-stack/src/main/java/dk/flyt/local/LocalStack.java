package dk.flyt.local;

import dk.flyt.hubsim.HubSimulator;
import dk.flyt.testing.KafkaServer;
import dk.flyt.testing.PostgresServer;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/flyt run [--wipe]}: PostgreSQL (data in {@code .flyt/postgres}, kept across runs), a KRaft Kafka broker,
 * Keycloak with the {@code flyt} realm, the porting hub simulator and the three services as separate processes; then
 * it prints where everything is and waits. Ctrl-C stops every process it started.
 */
public final class LocalStack {
    static final int POSTGRES_PORT = 5433;
    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;
    static final int KEYCLOAK_PORT = 8180;
    static final int HUB_PORT = 8090;
    static final int PARTNER_PORT = 8091;
    static final int SMTP_PORT = 2525;
    static final int GATEWAY_PORT = 8080;
    static final int SUBSCRIPTION_PORT = 8081;
    static final int PORTING_PORT = 8082;
    static final int BILLING_PORT = 8083;
    static final String KEYCLOAK_VERSION = "26.7.3";
    static final String ISSUER = "http://127.0.0.1:" + KEYCLOAK_PORT + "/realms/flyt";

    private final Path repository;
    private final Path state;
    private final List<Runnable> stops = new ArrayList<>();
    private Partners partners;

    LocalStack(Path repository) {
        this.repository = repository;
        this.state = repository.resolve(".flyt");
    }

    public static void main(String[] args) throws Exception {
        Path repository = Path.of("").toAbsolutePath();
        LocalStack stack = new LocalStack(repository);
        if (List.of(args).contains("--wipe")) {
            stack.wipe();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "flyt-local-stop"));
        stack.start();
        new CountDownLatch(1).await();
    }

    void wipe() throws IOException {
        for (Path p : List.of(
                state.resolve("postgres"),
                state.resolve("kafka"),
                state.resolve("keycloak-" + KEYCLOAK_VERSION).resolve("data/h2"))) {
            KeycloakServer.deleteTree(p);
        }
        say("wiped the data of PostgreSQL, Kafka and Keycloak");
    }

    void start() throws IOException {
        long begin = System.nanoTime();
        Files.createDirectories(state.resolve("kafka"));
        Files.createDirectories(state.resolve("logs"));
        Path keycloakHome = state.resolve("keycloak-" + KEYCLOAK_VERSION);
        if (!Files.isExecutable(keycloakHome.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(keycloakHome + " is missing: start through bin/flyt run, which fetches it");
        }
        for (String module : List.of(ServiceSettings.SUBSCRIPTION, ServiceSettings.PORTING, ServiceSettings.BILLING)) {
            if (!Files.isRegularFile(ServiceSettings.jar(repository, module))) {
                throw new IllegalStateException(module + " is not built: bin/flyt run builds it");
            }
        }

        PostgresServer postgres = new PostgresServer(state.resolve("postgres"), POSTGRES_PORT);
        KafkaServer kafka = new KafkaServer(state.resolve("kafka/data"), KAFKA_PORT, KAFKA_CONTROLLER_PORT);
        stops.add(postgres::stop);
        stops.add(kafka::stop);
        CompletableFuture<Void> pg = CompletableFuture.runAsync(() -> timed("PostgreSQL", postgres::start));
        CompletableFuture<Void> kf = CompletableFuture.runAsync(() -> timed("Kafka (KRaft)", kafka::start));
        CompletableFuture<Void> kc = CompletableFuture.runAsync(() -> timed("Keycloak", () -> keycloak(keycloakHome)));
        CompletableFuture.allOf(pg, kf, kc).join();
        for (String db : List.of("flyt_subscription", "flyt_porting", "flyt_billing")) {
            postgres.ensureDatabase(db);
        }

        KeycloakTokens tokens = new KeycloakTokens(ISSUER);
        HubSimulator hub = new HubSimulator(
                        // the other operators' messages come in through the gateway, as all traffic does
                        URI.create("http://127.0.0.1:" + GATEWAY_PORT),
                        operator -> tokens.token("operator-" + operator),
                        "FLYT")
                .verifyTokens(URI.create(ISSUER), "FLYT")
                .start(HUB_PORT);
        stops.add(hub::close);
        say("porting hub simulator on http://127.0.0.1:" + HUB_PORT + " (donor TDC accepts every port by default)");

        Partners partners = Partners.start(PARTNER_PORT, SMTP_PORT);
        stops.add(partners::close);
        say("credit bureau, SMS gateway and payment provider simulator on " + partners.url() + ", SMTP (GreenMail) on"
                + " 127.0.0.1:" + SMTP_PORT);
        this.partners = partners;

        List<ServiceProcess> services = List.of(
                service(ServiceSettings.SUBSCRIPTION, SUBSCRIPTION_PORT, "flyt_subscription", kafka, hub),
                service(ServiceSettings.PORTING, PORTING_PORT, "flyt_porting", kafka, hub),
                service(ServiceSettings.BILLING, BILLING_PORT, "flyt_billing", kafka, hub));
        stops.add(0, () -> CompletableFuture.allOf(services.stream()
                        .map(s -> CompletableFuture.runAsync(s::stop))
                        .toArray(CompletableFuture[]::new))
                .join());
        services.forEach(ServiceProcess::start);
        CompletableFuture.allOf(services.stream()
                        .map(s -> CompletableFuture.runAsync(
                                () -> timed(s.name(), () -> s.awaitReady(Duration.ofMinutes(3)))))
                        .toArray(CompletableFuture[]::new))
                .join();

        ServiceProcess gateway = gateway();
        stops.add(0, gateway::stop);
        gateway.start();
        timed(gateway.name(), () -> gateway.awaitReady(Duration.ofMinutes(2)));

        List<ServiceProcess> all = new ArrayList<>(services);
        all.add(0, gateway);
        writeState(all);
        printWelcome(all, (System.nanoTime() - begin) / 1_000_000);
    }

    /** The one public entry (the gateway issue): routes every API to its service, validating tokens first. */
    private ServiceProcess gateway() {
        Map<String, String> p = new java.util.HashMap<>();
        p.put("quarkus.profile", "dev");
        p.put("quarkus.oidc.auth-server-url", ISSUER);
        p.put("flyt.gateway.routes.subscription.upstream", "http://127.0.0.1:" + SUBSCRIPTION_PORT);
        p.put("flyt.gateway.routes.porting.upstream", "http://127.0.0.1:" + PORTING_PORT);
        p.put("flyt.gateway.routes.billing.upstream", "http://127.0.0.1:" + BILLING_PORT);
        // the gateway serves its own /q/health on its one port
        p.put(ServiceProcess.MANAGEMENT_PORT, String.valueOf(GATEWAY_PORT));
        return new ServiceProcess(
                "gateway", ServiceSettings.jar(repository, "gateway"), GATEWAY_PORT, p, state.resolve("logs"));
    }

    private ServiceProcess service(String module, int port, String database, KafkaServer kafka, HubSimulator hub) {
        Map<String, String> properties = ServiceSettings.properties(
                module,
                "jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/" + database,
                kafka.bootstrapServers(),
                ISSUER,
                hub.url(),
                "operator-flyt-secret");
        partners.configure(module, properties);
        // the management interface (/q/*) beside each service: 9081, 9082, 9083
        properties.put(ServiceProcess.MANAGEMENT_PORT, String.valueOf(port + 1000));
        return new ServiceProcess(
                module, ServiceSettings.jar(repository, module), port, properties, state.resolve("logs"));
    }

    private void keycloak(Path home) {
        KeycloakServer keycloak = new KeycloakServer(home, KEYCLOAK_PORT, state.resolve("logs/keycloak.log"));
        stops.add(keycloak::close);
        if (keycloak.start(KeycloakServer.localRealm(), Duration.ofMinutes(3))) {
            say("the realm file changed since the last start: Keycloak's store was recreated from it");
        }
    }

    private void writeState(List<ServiceProcess> services) throws IOException {
        Properties p = new Properties();
        services.forEach(s -> p.setProperty(s.name(), s.url()));
        p.setProperty("issuer", ISSUER);
        p.setProperty("hub", "http://127.0.0.1:" + HUB_PORT);
        try (Writer w = Files.newBufferedWriter(state.resolve("stack.properties"))) {
            p.store(w, "the running local stack (bin/flyt run)");
        }
    }

    private void printWelcome(List<ServiceProcess> services, long millis) {
        System.out.printf("%n[flyt] everything is up in %.1f s%n%n", millis / 1000.0);
        for (ServiceProcess s : services) {
            if (s.name().equals("gateway")) {
                System.out.printf(
                        "  %-22s %s/api/v1   every API, one address (tokens from Keycloak below)%n",
                        "gateway", s.url());
                System.out.printf("  %-22s %s/console   the agents' console: log in as agent / agent%n", "", s.url());
                System.out.printf("  %-22s %s/q/openapi   one OpenAPI document for every API%n", "", s.url());
                continue;
            }
            System.out.printf(
                    "  %-22s %s/api/v1   OpenAPI %s/q/openapi   Swagger UI %s/q/swagger-ui%n",
                    s.name(), s.url(), s.managementUrl(), s.managementUrl());
        }
        System.out.printf(
                "  %-22s %s   (admin console http://127.0.0.1:%d, admin/admin)%n", "Keycloak", ISSUER, KEYCLOAK_PORT);
        System.out.printf("  %-22s http://127.0.0.1:%d%n", "porting hub simulator", HUB_PORT);
        System.out.printf(
                "  %-22s http://127.0.0.1:%d (credit bureau, SMS, payments; API key %s)%n",
                "partner simulator", PARTNER_PORT, Partners.API_KEY);
        System.out.printf("  %-22s 127.0.0.1:%d (GreenMail keeps every e-mail)%n", "SMTP", SMTP_PORT);
        System.out.printf(
                "  %-22s jdbc:postgresql://127.0.0.1:%d/flyt_subscription (postgres/postgres)%n",
                "PostgreSQL", POSTGRES_PORT);
        System.out.printf("  %-22s 127.0.0.1:%d%n%n", "Kafka", KAFKA_PORT);
        System.out.println(
                "  Tokens:  bin/flyt token webshop|logistics|billing-admin|network|clock-admin|agent|karen|lars");
        System.out.println("           e.g. curl -H \"Authorization: Bearer $(bin/flyt token karen)\" "
                + "http://127.0.0.1:8080/api/v1/customers/11111111-1111-4111-8111-111111111111/orders");
        System.out.println(
                "  Demo:    bin/flyt demo      Clock: bin/flyt clock advance P1D | bin/flyt clock set 2026-12-01T02:00:00Z");
        System.out.println("  Logs:    .flyt/logs/        Stop: Ctrl-C");
    }

    synchronized void stop() {
        if (stops.isEmpty()) {
            return;
        }
        System.out.println("\n[flyt] stopping...");
        for (Runnable r : stops) {
            try {
                r.run();
            } catch (RuntimeException e) {
                System.err.println("[flyt] " + e.getMessage());
            }
        }
        stops.clear();
        System.out.println("[flyt] stopped; data kept in .flyt (bin/flyt run --wipe starts empty)");
    }

    private static void timed(String what, Runnable start) {
        long begin = System.nanoTime();
        say(what + " starting...");
        start.run();
        say(String.format("%s ready in %.1f s", what, (System.nanoTime() - begin) / 1e9));
    }

    static void say(String line) {
        System.out.println("[flyt] " + line);
    }
}
