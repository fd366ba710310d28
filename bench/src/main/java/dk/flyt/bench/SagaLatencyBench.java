package dk.flyt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.contracts.hub.HubMessageKind;
import dk.flyt.hubsim.HubSimulator;
import dk.flyt.local.Partners;
import dk.flyt.local.ServiceProcess;
import dk.flyt.local.ServiceSettings;
import dk.flyt.testing.Servers;
import dk.flyt.testing.TestData;
import dk.flyt.testing.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * How long the order saga takes between the services, and how that compares with the broker it runs on. The three
 * packaged services (the relay's and consumers' own settings, not the shorter intervals the local stack and the
 * tests use), real PostgreSQL and Kafka, the partner simulators and the porting hub simulator in this JVM. Port-in
 * orders are placed at a steady rate; each one's SIM is reported shipped as soon as the order is approved. Two paths
 * are timed per order:
 *
 * <ul>
 *   <li>{@code shipment→port request}: from logistics' shipment report (before the call) until the port request
 *       arrives at the hub simulator. One Kafka hop: the subscription service's {@code RequestPortIn} command to the
 *       porting service.
 *   <li>{@code placed→scheduled}: from the web shop's order (before the call) until the subscription service records
 *       the line {@code PORT_SCHEDULED} (its timeline's time). Two Kafka hops ({@code porting.commands} and
 *       {@code porting.events}), two HTTP calls to the hub and the donor's answer.
 * </ul>
 *
 * <p>In the same run, at the same rate, a raw round trip through the same broker: a producer ({@code acks=all}) in
 * this JVM to a consumer in this JVM. {@code ratio_to_kafka} is a path's p99 over that round trip's p99.
 *
 * <p>{@code java -cp "$(cat bench/target/classpath.txt):bench/target/classes" dk.flyt.bench.SagaLatencyBench
 * [orders, default 1000] [orders a second, default 20] [orders of warm-up, default 100]}
 */
public final class SagaLatencyBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The wall clock every time of a path is read from: in this JVM (the calls, the hub's arrivals) and in the services
     * (their timestamps), which run on the machine's clock in the benchmarks.
     */
    private static final java.time.Clock WALL = java.time.Clock.systemUTC();

    public static void main(String[] args) throws Exception {
        int orders = Bench.arg(args, 0, 1000);
        int rate = Bench.arg(args, 1, 20);
        int warmup = Bench.arg(args, 2, 100);
        Path root = Path.of("").toAbsolutePath();
        Path logs = root.resolve("bench/target/saga-latency");

        Stack stack = Stack.start(root, logs, false);
        Map<String, Instant> hubArrival = new ConcurrentHashMap<>();
        stack.hub.onReceived(m -> {
            if (m.kind() == HubMessageKind.PORTING_REQUEST) {
                hubArrival.putIfAbsent(m.number(), Instant.now(WALL));
            }
        });
        try (KafkaRoundTrip kafka = new KafkaRoundTrip(Servers.kafkaBootstrapServers())) {
            System.out.printf(
                    "saga latency: %d port-in orders at %d a second after %d of warm-up%n", orders, rate, warmup);
            run(stack, warmup, rate, new ArrayList<>());
            kafka.start(rate);
            List<Placed> placed = new ArrayList<>();
            run(stack, orders, rate, placed);
            Histogram roundTrip = kafka.stop();
            Histogram shipToHub = new Histogram(3);
            Histogram placedToScheduled = new Histogram(3);
            Map<String, Instant> scheduled = awaitScheduled(stack, placed, Duration.ofSeconds(60));
            int missing = 0;
            for (Placed p : placed) {
                Instant hub = awaitKey(hubArrival, p.number(), Duration.ofSeconds(30));
                Instant done = scheduled.get(p.orderId());
                if (hub == null || done == null) {
                    missing++;
                    continue;
                }
                shipToHub.recordValue(
                        Math.max(0, Duration.between(p.shippedAt(), hub).toNanos() / 1000));
                placedToScheduled.recordValue(
                        Math.max(0, Duration.between(p.placedAt(), done).toNanos() / 1000));
            }
            breakdown(stack, placed);
            System.out.println("  raw Kafka round trip (acks=all, produce to consume), same broker, same rate:");
            Bench.print("kafka", roundTrip);
            Bench.print("ship→hub", shipToHub);
            Bench.print("placed→scheduled", placedToScheduled);
            double kafkaP99 = Bench.ms(roundTrip.getValueAtPercentile(99));
            double shipRatio = Bench.ms(shipToHub.getValueAtPercentile(99)) / kafkaP99;
            double placedRatio = Bench.ms(placedToScheduled.getValueAtPercentile(99)) / kafkaP99;
            System.out.printf(
                    Locale.ROOT,
                    "  ship→hub p99 is %.1fx the raw round trip's p99 over 1 Kafka hop (target <= 4x per hop);"
                            + " max %.1f ms (target < 500)%n",
                    shipRatio,
                    Bench.ms(shipToHub.getMaxValue()));
            System.out.printf(
                    Locale.ROOT,
                    "  placed→scheduled p99 is %.1fx the raw round trip's p99 over 2 Kafka hops (with two HTTP calls"
                            + " to the hub and its answer); max %.1f ms (target < 500); %d orders without an end%n",
                    placedRatio,
                    Bench.ms(placedToScheduled.getMaxValue()),
                    missing);
            System.out.printf(
                    Locale.ROOT,
                    "BENCH name=saga-latency orders=%d rate=%d missing=%d kafka_p50_ms=%.2f kafka_p99_ms=%.2f"
                            + " ship_to_hub_p50_ms=%.2f ship_to_hub_p99_ms=%.2f ship_to_hub_max_ms=%.2f"
                            + " ship_to_hub_ratio_to_kafka=%.2f ship_to_hub_hops=1"
                            + " placed_to_scheduled_p50_ms=%.2f placed_to_scheduled_p99_ms=%.2f"
                            + " placed_to_scheduled_max_ms=%.2f placed_to_scheduled_ratio_to_kafka=%.2f"
                            + " placed_to_scheduled_hops=2%n",
                    placed.size(),
                    rate,
                    missing,
                    Bench.ms(roundTrip.getValueAtPercentile(50)),
                    kafkaP99,
                    Bench.ms(shipToHub.getValueAtPercentile(50)),
                    Bench.ms(shipToHub.getValueAtPercentile(99)),
                    Bench.ms(shipToHub.getMaxValue()),
                    shipRatio,
                    Bench.ms(placedToScheduled.getValueAtPercentile(50)),
                    Bench.ms(placedToScheduled.getValueAtPercentile(99)),
                    Bench.ms(placedToScheduled.getMaxValue()),
                    placedRatio);
        } finally {
            stack.close();
        }
        System.exit(0);
    }

    record Placed(String orderId, String number, Instant placedAt, Instant shippedAt) {}

    /** Places {@code count} port-in orders at {@code rate} a second, each shipped as soon as it is approved. */
    private static void run(Stack stack, int count, int rate, List<Placed> placed) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        String webshop = Tokens.forRole("webshop");
        String logistics = Tokens.forRole("logistics");
        long begin = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        List<Future<Placed>> futures = new ArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            long wait = begin + i * interval - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String number = uniqueNumber();
            futures.add(clients.submit(() -> {
                Map<String, Object> body = TestData.webshopOrder(
                        TestData.privateCustomer(TestData.cpr()),
                        List.of(TestData.portInLine(number, TestData.iccid())));
                Instant placedAt = Instant.now(WALL);
                JsonNode order = post(
                        http, stack.subscription.url() + "/api/v1/orders", webshop, JSON.writeValueAsString(body), 201);
                JsonNode line = order.path("lines").path(0);
                if (!"AWAITING_SHIPMENT".equals(line.path("step").asText())) {
                    refused.incrementAndGet();
                    return null;
                }
                Instant shippedAt = Instant.now(WALL);
                post(
                        http,
                        stack.subscription.url() + "/api/v1/orders/"
                                + order.path("id").asText() + "/lines/"
                                + line.path("id").asText() + "/shipment",
                        logistics,
                        JSON.writeValueAsString(Map.of("status", "SHIPPED", "simIccid", TestData.iccid())),
                        200);
                return new Placed(order.path("id").asText(), number, placedAt, shippedAt);
            }));
        }
        for (Future<Placed> f : futures) {
            Placed p = f.get(2, TimeUnit.MINUTES);
            if (p != null) {
                placed.add(p);
            }
        }
        clients.shutdown();
        if (refused.get() > 0) {
            System.out.printf("  %d orders were not approved at once and are left out%n", refused.get());
        }
    }

    private static final java.util.Set<String> NUMBERS = ConcurrentHashMap.newKeySet();

    /** A number no other order of this run ports: arrivals at the hub are matched to orders by it. */
    private static String uniqueNumber() {
        String n;
        do {
            n = TestData.mobileNumber();
        } while (!NUMBERS.add(n));
        return n;
    }

    static JsonNode post(HttpClient http, String url, String token, String body, int expected) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** The time the subscription service recorded each placed order's line as scheduled, from its timeline. */
    private static Map<String, Instant> awaitScheduled(Stack stack, List<Placed> placed, Duration timeout)
            throws Exception {
        Map<String, Instant> scheduled = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = DriverManager.getConnection(stack.subscriptionJdbc, "postgres", "postgres");
                Statement s = c.createStatement()) {
            while (true) {
                scheduled.clear();
                try (ResultSet r = s.executeQuery(
                        "SELECT order_id::text, min(at) FROM timeline_entry WHERE what = 'PORT_IN_SCHEDULED'"
                                + " GROUP BY order_id")) {
                    while (r.next()) {
                        scheduled.put(r.getString(1), r.getTimestamp(2).toInstant());
                    }
                }
                if (placed.stream().allMatch(p -> scheduled.containsKey(p.orderId())) || System.nanoTime() > deadline) {
                    return scheduled;
                }
                Thread.sleep(200);
            }
        }
    }

    /**
     * Where the time of {@code shipment→port request} goes, by the services' own timestamps: the shipment's
     * transaction (its outbox row), the relay's acknowledgement from the broker, the porting service's case (the
     * consumer's transaction) and the hub link's delivery.
     */
    private static void breakdown(Stack stack, List<Placed> placed) throws Exception {
        Map<String, Instant[]> hops = new java.util.HashMap<>();
        try (Connection c = DriverManager.getConnection(stack.subscriptionJdbc, "postgres", "postgres");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT payload->>'number', occurred_at, published_at FROM outbox_event"
                        + " WHERE type = 'RequestPortIn'")) {
            while (r.next()) {
                hops.put(r.getString(1), new Instant[] {
                    r.getTimestamp(2).toInstant(),
                    r.getTimestamp(3) == null ? null : r.getTimestamp(3).toInstant(),
                    null,
                    null
                });
            }
        }
        try (Connection c = DriverManager.getConnection(stack.portingJdbc, "postgres", "postgres");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT p.number, p.created_at, min(h.delivered_at) FROM port_in p"
                        + " LEFT JOIN hub_outbox h ON h.kind = 'PORTING_REQUEST' AND h.payload->>'number' = p.number"
                        + " GROUP BY p.number, p.created_at")) {
            while (r.next()) {
                Instant[] h = hops.get(r.getString(1));
                if (h != null) {
                    h[2] = r.getTimestamp(2).toInstant();
                    h[3] = r.getTimestamp(3) == null ? null : r.getTimestamp(3).toInstant();
                }
            }
        }
        String[] names = {"shipment→outbox", "outbox→acked", "acked→case", "case→hub"};
        Histogram[] histograms = new Histogram[names.length];
        for (int i = 0; i < names.length; i++) {
            histograms[i] = new Histogram(3);
        }
        for (Placed p : placed) {
            Instant[] h = hops.get(p.number());
            if (h == null) {
                continue;
            }
            Instant[] chain = {p.shippedAt(), h[0], h[1], h[2], h[3]};
            for (int i = 0; i < names.length; i++) {
                if (chain[i] != null && chain[i + 1] != null) {
                    histograms[i].recordValue(
                            Math.max(0, Duration.between(chain[i], chain[i + 1]).toNanos() / 1000));
                }
            }
        }
        System.out.println("  shipment→port request, hop by hop (the services' own timestamps):");
        for (int i = 0; i < names.length; i++) {
            Bench.print(names[i], histograms[i]);
        }
    }

    private static <K, V> V awaitKey(Map<K, V> map, K key, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        V v;
        while ((v = map.get(key)) == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return v;
    }

    /** The three packaged services with the hub simulator and the partner simulators, as production runs them. */
    static final class Stack implements AutoCloseable {
        final Partners partners;
        final HubSimulator hub;
        final ServiceProcess subscription;
        final ServiceProcess porting;
        final ServiceProcess billing;
        final String subscriptionJdbc;
        final String portingJdbc;

        private Stack(
                Partners partners,
                HubSimulator hub,
                ServiceProcess subscription,
                ServiceProcess porting,
                ServiceProcess billing,
                String subscriptionJdbc,
                String portingJdbc) {
            this.portingJdbc = portingJdbc;
            this.partners = partners;
            this.hub = hub;
            this.subscription = subscription;
            this.porting = porting;
            this.billing = billing;
            this.subscriptionJdbc = subscriptionJdbc;
        }

        /** The services this stack started. */
        List<ServiceProcess> services() {
            return java.util.stream.Stream.of(subscription, porting, billing)
                    .filter(java.util.Objects::nonNull)
                    .toList();
        }

        /**
         * @param subscriptionOnly start the subscription service alone (order intake needs nothing else)
         */
        static Stack start(Path root, Path logs, boolean subscriptionOnly) throws Exception {
            Stack stack = create(root, logs, subscriptionOnly);
            stack.services().forEach(ServiceProcess::start);
            for (ServiceProcess s : stack.services()) {
                s.awaitReady(Duration.ofMinutes(3));
            }
            return stack;
        }

        /** The stack with its simulators running and its services configured but not started. */
        static Stack create(Path root, Path logs, boolean subscriptionOnly) throws Exception {
            Partners partners = Partners.start(0, 0);
            String issuer = Servers.oidcIssuer();
            int portingPort = Bench.freePort();
            HubSimulator hub = new HubSimulator(
                            URI.create("http://127.0.0.1:" + portingPort),
                            operator -> Tokens.token("operator-" + operator, operator, "np-operator"),
                            "FLYT")
                    .verifyTokens(URI.create(issuer), "FLYT")
                    .start(Bench.freePort());
            String subscriptionJdbc = Servers.jdbcUrl(Servers.createDatabase("bench_subscription"));
            String portingJdbc = Servers.jdbcUrl(Servers.createDatabase("bench_porting"));
            ServiceProcess subscription = service(
                    root, logs, partners, hub, ServiceSettings.SUBSCRIPTION, Bench.freePort(), subscriptionJdbc);
            ServiceProcess porting = subscriptionOnly
                    ? null
                    : service(root, logs, partners, hub, ServiceSettings.PORTING, portingPort, portingJdbc);
            ServiceProcess billing = subscriptionOnly
                    ? null
                    : service(
                            root,
                            logs,
                            partners,
                            hub,
                            ServiceSettings.BILLING,
                            Bench.freePort(),
                            Servers.jdbcUrl(Servers.createDatabase("bench_billing")));
            return new Stack(partners, hub, subscription, porting, billing, subscriptionJdbc, portingJdbc);
        }

        private static ServiceProcess service(
                Path root, Path logs, Partners partners, HubSimulator hub, String module, int port, String jdbc) {
            Map<String, String> p = ServiceSettings.properties(
                    module, jdbc, Servers.kafkaBootstrapServers(), Servers.oidcIssuer(), hub.url(), "secret");
            partners.configure(module, p);
            if (Boolean.getBoolean("flyt.bench.log-sql")) {
                p.put("quarkus.hibernate-orm.log.sql", "true");
            }
            if (Boolean.getBoolean("flyt.bench.local-settings")) {
                // exactly as bin/flyt run starts them, to compare
                return new ServiceProcess(module, ServiceSettings.jar(root, module), port, p, logs);
            }
            // the relay's, the hub link's and the timers' own intervals, not the local stack's shorter ones: a
            // step that waits for a poll shows here as it would in production
            p.remove("flyt.messaging.outbox.poll-interval");
            p.remove("flyt.porting.hub.poll-interval");
            p.remove("flyt.porting.hub.initial-backoff");
            p.remove("flyt.subscription.timers-every");
            p.remove("flyt.porting.scheduler-every");
            // the machine's time, ticking: the dev profile's settable clock stands still between moves
            p.put("flyt.clock.controllable", "false");
            return new ServiceProcess(module, ServiceSettings.jar(root, module), port, p, logs)
                    // as production runs them: the full JIT (tests and the local stack stop at the first tier)
                    .jvmOptions(jvmOptions(logs, module))
                    .environment("MALLOC_ARENA_MAX", System.getProperty("flyt.bench.malloc-arenas", ""));
        }

        /**
         * The JVM options of every process the benchmarks start: {@link #JVM} unless {@code -Dflyt.bench.jvm="..."}
         * says otherwise; {@code -Dflyt.bench.jfr=true} adds a flight recording of each beside its log.
         */
        static String[] jvmOptions(Path logs, String module) {
            List<String> options = new ArrayList<>(
                    List.of(System.getProperty("flyt.bench.jvm", JVM).split(" ")));
            if (Boolean.getBoolean("flyt.bench.jfr")) {
                options.add("-XX:StartFlightRecording=filename=" + logs.resolve(module + ".jfr") + ",settings=profile");
            }
            return options.toArray(String[]::new);
        }

        /** The full JIT and a bounded heap (the tests and the local stack stop at the first tier). */
        static final String JVM = "-Xmx256m";

        @Override
        public void close() {
            services().forEach(ServiceProcess::stop);
            hub.close();
            partners.close();
        }
    }

    private SagaLatencyBench() {}
}
