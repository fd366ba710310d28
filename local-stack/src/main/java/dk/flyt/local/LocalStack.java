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
    static final String KEYCLOAK_VERSION = "26.7.3";

    private final int postgresPort;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final int keycloakPort;
    private final int hubPort;
    private final int partnerPort;
    private final int smtpPort;
    private final int gatewayPort;
    private final int subscriptionPort;
    private final int portingPort;
    private final int billingPort;

    private final Path repository;
    private final Path state;
    private final Path keycloakHome;
    private final List<Runnable> stops = new ArrayList<>();
    private Partners partners;

    LocalStack(Path repository) {
        this(repository, repository.resolve(".flyt"), 0, null);
    }

    /**
     * The stack with every port moved by {@code offset} (0: the documented ports, gateway on 8080), its data and logs
     * in {@code state}, and Keycloak from {@code keycloakHome} (null: {@code state/keycloak-<version>}). Tests run the
     * very stack {@code bin/flyt run} starts this way, beside anything on the usual ports.
     */
    public LocalStack(Path repository, Path state, int offset, Path keycloakHome) {
        this.repository = repository;
        this.state = state;
        this.keycloakHome = keycloakHome != null ? keycloakHome : state.resolve("keycloak-" + KEYCLOAK_VERSION);
        this.postgresPort = 5433 + offset;
        this.kafkaPort = 9092 + offset;
        this.kafkaControllerPort = 9093 + offset;
        this.keycloakPort = 8180 + offset;
        this.hubPort = 8090 + offset;
        this.partnerPort = 8091 + offset;
        this.smtpPort = 2525 + offset;
        this.gatewayPort = 8080 + offset;
        this.subscriptionPort = 8081 + offset;
        this.portingPort = 8082 + offset;
        this.billingPort = 8083 + offset;
    }

    /** Keycloak's realm {@code flyt}: the issuer of every token. */
    public String issuer() {
        return "http://127.0.0.1:" + keycloakPort + "/realms/flyt";
    }

    public String keycloakUrl() {
        return "http://127.0.0.1:" + keycloakPort;
    }

    /** The one public entry: {@code /api/v1}, {@code /console}, {@code /q/openapi}. */
    public String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
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
        for (Path p : List.of(state.resolve("postgres"), state.resolve("kafka"), keycloakHome.resolve("data/h2"))) {
            KeycloakServer.deleteTree(p);
        }
        say("wiped the data of PostgreSQL, Kafka and Keycloak");
    }

    public void start() throws IOException {
        long begin = System.nanoTime();
        Files.createDirectories(state.resolve("kafka"));
        Files.createDirectories(state.resolve("logs"));
        if (!Files.isExecutable(keycloakHome.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(keycloakHome + " is missing: start through bin/flyt run, which fetches it");
        }
        for (String module : List.of(ServiceSettings.SUBSCRIPTION, ServiceSettings.PORTING, ServiceSettings.BILLING)) {
            if (!Files.isRegularFile(ServiceSettings.jar(repository, module))) {
                throw new IllegalStateException(module + " is not built: bin/flyt run builds it");
            }
        }

        PostgresServer postgres = new PostgresServer(state.resolve("postgres"), postgresPort);
        KafkaServer kafka = new KafkaServer(state.resolve("kafka/data"), kafkaPort, kafkaControllerPort);
        stops.add(postgres::stop);
        stops.add(kafka::stop);
        CompletableFuture<Void> pg = CompletableFuture.runAsync(() -> timed("PostgreSQL", postgres::start));
        CompletableFuture<Void> kf = CompletableFuture.runAsync(() -> timed("Kafka (KRaft)", kafka::start));
        CompletableFuture<Void> kc = CompletableFuture.runAsync(() -> timed("Keycloak", () -> keycloak(keycloakHome)));
        CompletableFuture.allOf(pg, kf, kc).join();
        for (String db : List.of("flyt_subscription", "flyt_porting", "flyt_billing")) {
            postgres.ensureDatabase(db);
        }

        KeycloakTokens tokens = new KeycloakTokens(issuer());
        HubSimulator hub = new HubSimulator(
                        // the other operators' messages come in through the gateway, as all traffic does
                        URI.create("http://127.0.0.1:" + gatewayPort),
                        operator -> tokens.token("operator-" + operator),
                        "FLYT")
                .verifyTokens(URI.create(issuer()), "FLYT")
                .start(hubPort);
        stops.add(hub::close);
        say("porting hub simulator on http://127.0.0.1:" + hubPort + " (donor TDC accepts every port by default)");

        Partners partners = Partners.start(partnerPort, smtpPort);
        stops.add(partners::close);
        say("credit bureau, SMS gateway and payment provider simulator on " + partners.url() + ", SMTP (GreenMail) on"
                + " 127.0.0.1:" + smtpPort);
        this.partners = partners;

        List<ServiceProcess> services = List.of(
                service(ServiceSettings.SUBSCRIPTION, subscriptionPort, "flyt_subscription", kafka, hub),
                service(ServiceSettings.PORTING, portingPort, "flyt_porting", kafka, hub),
                service(ServiceSettings.BILLING, billingPort, "flyt_billing", kafka, hub));
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
        // the local stack is for this machine: the gateway listens on loopback too
        p.put("quarkus.http.host", "127.0.0.1");
        p.put("quarkus.oidc.auth-server-url", issuer());
        p.put("flyt.gateway.routes.subscription.upstream", "http://127.0.0.1:" + subscriptionPort);
        p.put("flyt.gateway.routes.porting.upstream", "http://127.0.0.1:" + portingPort);
        p.put("flyt.gateway.routes.billing.upstream", "http://127.0.0.1:" + billingPort);
        // the services' own documents, merged at the gateway's /q/openapi, on their management ports (port + 1000)
        p.put(
                "flyt.gateway.routes.subscription.openapi",
                "http://127.0.0.1:" + (subscriptionPort + 1000) + "/q/openapi");
        p.put("flyt.gateway.routes.porting.openapi", "http://127.0.0.1:" + (portingPort + 1000) + "/q/openapi");
        p.put("flyt.gateway.routes.billing.openapi", "http://127.0.0.1:" + (billingPort + 1000) + "/q/openapi");
        // the gateway serves its own /q/health on its one port
        p.put(ServiceProcess.MANAGEMENT_PORT, String.valueOf(gatewayPort));
        return new ServiceProcess(
                "gateway", ServiceSettings.jar(repository, "gateway"), gatewayPort, p, state.resolve("logs"));
    }

    private ServiceProcess service(String module, int port, String database, KafkaServer kafka, HubSimulator hub) {
        Map<String, String> properties = ServiceSettings.properties(
                module,
                "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database,
                kafka.bootstrapServers(),
                issuer(),
                hub.url(),
                "operator-flyt-secret");
        partners.configure(module, properties);
        // the management interface (/q/*) beside each service: 9081, 9082, 9083
        properties.put(ServiceProcess.MANAGEMENT_PORT, String.valueOf(port + 1000));
        return new ServiceProcess(
                module, ServiceSettings.jar(repository, module), port, properties, state.resolve("logs"));
    }

    private void keycloak(Path home) {
        KeycloakServer keycloak = new KeycloakServer(home, keycloakPort, state.resolve("logs/keycloak.log"));
        stops.add(keycloak::close);
        if (keycloak.start(KeycloakServer.realmFor(gatewayPort), Duration.ofMinutes(3))) {
            say("the realm file changed since the last start: Keycloak's store was recreated from it");
        }
    }

    private void writeState(List<ServiceProcess> services) throws IOException {
        Properties p = new Properties();
        services.forEach(s -> p.setProperty(s.name(), s.url()));
        p.setProperty("issuer", issuer());
        p.setProperty("hub", "http://127.0.0.1:" + hubPort);
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
                "  %-22s %s   (admin console http://127.0.0.1:%d, admin/admin)%n", "Keycloak", issuer(), keycloakPort);
        System.out.printf("  %-22s http://127.0.0.1:%d%n", "porting hub simulator", hubPort);
        System.out.printf(
                "  %-22s http://127.0.0.1:%d (credit bureau, SMS, payments; API key %s)%n",
                "partner simulator", partnerPort, Partners.API_KEY);
        System.out.printf("  %-22s 127.0.0.1:%d (GreenMail keeps every e-mail)%n", "SMTP", smtpPort);
        System.out.printf(
                "  %-22s jdbc:postgresql://127.0.0.1:%d/flyt_subscription (postgres/postgres)%n",
                "PostgreSQL", postgresPort);
        System.out.printf("  %-22s 127.0.0.1:%d%n%n", "Kafka", kafkaPort);
        System.out.println(
                "  Tokens:  bin/flyt token webshop|logistics|billing-admin|network|clock-admin|agent|karen|lars");
        System.out.println("           e.g. curl -H \"Authorization: Bearer $(bin/flyt token karen)\" "
                + "http://127.0.0.1:8080/api/v1/customers/11111111-1111-4111-8111-111111111111/orders");
        System.out.println(
                "  Demo:    bin/flyt demo      Clock: bin/flyt clock advance P1D | bin/flyt clock set 2026-12-01T02:00:00Z");
        System.out.println("  Logs:    .flyt/logs/        Stop: Ctrl-C");
    }

    public synchronized void stop() {
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
