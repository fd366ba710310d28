package dk.flyt.system;

import dk.flyt.hubsim.HubSimulator;
import dk.flyt.local.ServiceProcess;
import dk.flyt.local.ServiceSettings;
import dk.flyt.testing.Servers;
import dk.flyt.testing.Tokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole system on this machine, once per test JVM: PostgreSQL, Kafka and the OIDC server of the testing module,
 * the porting hub simulator in this JVM, and the three services and the gateway as separate processes from their
 * packaged jars, or from their container images when the build made them ({@link ContainerImages}), in the {@code dev}
 * profile (so their business clocks can be moved together).
 */
final class FlytStack {
    private static FlytStack instance;

    final HubSimulator hub;
    final ServiceProcess subscription;
    final ServiceProcess porting;
    final ServiceProcess billing;
    /** The one public entry: every test's API call goes through it, as every client's does. */
    final ServiceProcess gateway;

    private final SharedClock hubClock = new SharedClock(Instant.now());

    static synchronized FlytStack get() {
        if (instance == null) {
            instance = new FlytStack();
        }
        return instance;
    }

    private FlytStack() {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path logs = root.resolve("system-tests/target/system-tests");
        long begin = System.nanoTime();
        String kafka = Servers.kafkaBootstrapServers();
        String issuer = Servers.oidcIssuer();
        int portingPort = freePort();
        int gatewayPort = freePort();
        hub = new HubSimulator(
                        URI.create("http://127.0.0.1:" + gatewayPort),
                        operator -> Tokens.token("operator-" + operator, operator, "np-operator"),
                        "FLYT")
                .clock(hubClock)
                .verifyTokens(URI.create(issuer), "FLYT");
        try {
            hub.start(freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        subscription = service(root, logs, ServiceSettings.SUBSCRIPTION, freePort(), kafka, issuer, hub.url());
        porting = service(root, logs, ServiceSettings.PORTING, portingPort, kafka, issuer, hub.url());
        billing = service(root, logs, ServiceSettings.BILLING, freePort(), kafka, issuer, hub.url());
        gateway = gateway(root, logs, gatewayPort, issuer);
        List<ServiceProcess> all = all();
        all.forEach(ServiceProcess::start);
        CompletableFuture.allOf(all.stream()
                        .map(s -> CompletableFuture.runAsync(() -> s.awaitReady(Duration.ofMinutes(3))))
                        .toArray(CompletableFuture[]::new))
                .join();
        // every REST Assured call from here on is held to the OpenAPI document of what it calls: a service's own
        // (on its management port), or the gateway's merged one
        for (ServiceProcess s : services()) {
            dk.flyt.testing.ContractCalls.documentAt(s.url(), s.managementUrl() + "/q/openapi");
        }
        dk.flyt.testing.ContractCalls.install();
        System.out.printf(
                "[system-tests] stack ready in %d ms (%s): subscription %s, porting %s, billing %s, hub %s%n",
                (System.nanoTime() - begin) / 1_000_000,
                ContainerImages.built() ? "each service from its container image" : "each service from its jar",
                subscription.url(),
                porting.url(),
                billing.url(),
                hub.url());
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "flyt-system-stack-stop"));
    }

    private static ServiceProcess service(
            Path root, Path logs, String module, int port, String kafka, String issuer, String hubUrl) {
        String database = Servers.createDatabase(module.replace("-", "_"));
        Map<String, String> p =
                ServiceSettings.properties(module, Servers.jdbcUrl(database), kafka, issuer, hubUrl, "secret");
        partners().configure(module, p);
        return ContainerImages.process(root, logs, module, port, p);
    }

    private static dk.flyt.local.Partners partners;

    /**
     * The credit bureau, SMS gateway, payment provider and SMTP server every packaged service in these tests talks
     * to through its real adapters (one for the whole run).
     */
    static synchronized dk.flyt.local.Partners partners() {
        if (partners == null) {
            partners = dk.flyt.local.Partners.start(0, 0);
        }
        return partners;
    }

    List<ServiceProcess> all() {
        return List.of(subscription, porting, billing, gateway);
    }

    /** The services' business clocks (the gateway has none). */
    List<ServiceProcess> services() {
        return List.of(subscription, porting, billing);
    }

    private ServiceProcess gateway(Path root, Path logs, int port, String issuer) {
        Map<String, String> p = new java.util.HashMap<>();
        p.put("quarkus.profile", "dev");
        p.put("quarkus.oidc.auth-server-url", issuer);
        p.put("flyt.gateway.routes.subscription.upstream", subscription.url());
        p.put("flyt.gateway.routes.porting.upstream", porting.url());
        p.put("flyt.gateway.routes.billing.upstream", billing.url());
        for (ServiceProcess s : List.of(subscription, porting, billing)) {
            String route = s == subscription ? "subscription" : s == porting ? "porting" : "billing";
            p.put("flyt.gateway.routes." + route + ".openapi", s.managementUrl() + "/q/openapi");
        }
        // the tests' pace is not a client's: limits are the gateway's own tests' business
        for (String group : List.of("api", "interop", "public-calendar")) {
            p.put("flyt.gateway.limits." + group + ".per-minute", "1000000");
        }
        p.put(ServiceProcess.MANAGEMENT_PORT, String.valueOf(port));
        return ContainerImages.process(root, logs, "gateway", port, p);
    }

    synchronized void stop() {
        all().forEach(ServiceProcess::stop);
        hub.close();
    }

    /** How often the clock was set: an agent's contact opened before a move may have gone idle since. */
    final java.util.concurrent.atomic.AtomicLong clockMoves = new java.util.concurrent.atomic.AtomicLong();

    /** Sets every service's business clock (and the hub's) to {@code instant}, through the clock endpoints. */
    void setClock(Instant instant) {
        clockMoves.incrementAndGet();
        hubClock.set(instant);
        for (ServiceProcess s : services()) {
            RestAssured.given()
                    .baseUri(s.url())
                    .auth()
                    .oauth2(Tokens.forRole("clock-admin"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("instant", instant.toString()))
                    .when()
                    .put("/api/v1/clock")
                    .then()
                    .statusCode(200);
        }
    }

    /** Starts a stopped or killed service again at the stack's business time, and waits until it is ready. */
    void restart(ServiceProcess service) {
        service.property("flyt.clock.start", hubClock.instant().toString());
        service.start();
        service.awaitReady(Duration.ofMinutes(2));
    }

    /** The stack's business time now. */
    Instant now() {
        return Instant.parse(RestAssured.given()
                .baseUri(subscription.url())
                .auth()
                .oauth2(Tokens.forRole("clock-admin"))
                .when()
                .get("/api/v1/clock")
                .then()
                .statusCode(200)
                .extract()
                .path("now"));
    }

    /** A port for a server of the stack to listen on ({@link ServiceProcess#listeningPort}). */
    static int freePort() {
        return ServiceProcess.listeningPort();
    }

    /** The hub simulator's clock, set together with the services'. */
    static final class SharedClock extends Clock {
        private final AtomicReference<Instant> now;

        SharedClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/Copenhagen");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
