package dk.flyt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.contracts.Topics;
import dk.flyt.testing.KafkaTestClient;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Order intake against the machine's own limits, measured in the same run. The packaged subscription service with
 * real PostgreSQL, Kafka and OIDC server (and the partner simulators for the credit check) is driven over HTTP by N
 * clients placing new-number web-shop orders, first in a closed loop (the maximum rate), then in an open loop at half
 * of it (the latency at a load the service carries). Two limits at the same concurrency:
 *
 * <ul>
 *   <li>{@code floor}: the service's cheapest authenticated endpoint ({@code GET /api/v1/plans}), the framework's and
 *       network's cost of a request;
 *   <li>{@code db}: the database work of one order done directly over JDBC ({@link OrderRows}): the same inserts,
 *       updates and row locks placing an order does, in one transaction.
 * </ul>
 *
 * <p>Prints orders/s, p50, p99, p99.9, {@code ratio_to_db} (orders/s over the direct JDBC rate), what one order costs
 * the database (transactions, rows written, from PostgreSQL's own statistics) and whether every accepted order's
 * events are on Kafka.
 *
 * <p>{@code java -cp "$(cat bench/target/classpath.txt):bench/target/classes" dk.flyt.bench.OrderIntakeBench
 * [clients, default 8] [seconds per phase, default 20] [seconds of warm-up, default 20]}
 */
public final class OrderIntakeBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int clients = Bench.arg(args, 0, 8);
        int seconds = Bench.arg(args, 1, 20);
        int warmup = Bench.arg(args, 2, 20);
        Path root = Path.of("").toAbsolutePath();
        SagaLatencyBench.Stack stack =
                SagaLatencyBench.Stack.start(root, root.resolve("bench/target/order-intake"), true);
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        try {
            String url = stack.subscription.url();
            String webshop = Tokens.forRole("webshop");
            System.out.printf(
                    "order intake: %d clients, %d s per phase after %d s of warm-up, new-number web-shop orders%n",
                    clients, seconds, warmup);
            closedLoop(clients, warmup, () -> placeOrder(url, webshop, accepted));
            closedLoop(clients, warmup / 2, () -> plans(url, webshop));
            OrderRows rows = new OrderRows(stack.subscriptionJdbc, java.time.Clock.systemUTC());
            closedLoop(clients, warmup / 2, rows::placeOne);

            long[] before = dbStats(stack.subscriptionJdbc);
            int acceptedBefore = accepted.size();
            Result orders = closedLoop(clients, seconds, () -> placeOrder(url, webshop, accepted));
            long[] after = dbStats(stack.subscriptionJdbc);
            Result floor = closedLoop(clients, seconds, () -> plans(url, webshop));
            Result db = closedLoop(clients, seconds, rows::placeOne);
            int rate = (int) Math.max(1, orders.perSecond() / 2);
            Result open = openLoop(clients, seconds, rate, () -> placeOrder(url, webshop, accepted));

            double placed = accepted.size() - acceptedBefore - open.count();
            System.out.printf(
                    Locale.ROOT,
                    "  per order (PostgreSQL's statistics over the closed loop): %.1f transactions, %.1f rows"
                            + " inserted, %.1f rows updated, %.1f rows read%n",
                    (after[0] - before[0]) / placed,
                    (after[1] - before[1]) / placed,
                    (after[2] - before[2]) / placed,
                    (after[3] - before[3]) / placed);
            orders.print("orders");
            floor.print("floor");
            db.print("db (JDBC)");
            open.print("orders@" + rate + "/s");
            double ratioToDb = orders.perSecond() / db.perSecond();
            double ratioToFloor = orders.perSecond() / floor.perSecond();
            int missing = missingEvents(accepted);
            System.out.printf(
                    Locale.ROOT,
                    "  ratio_to_db %.2f (target >= 0.5), ratio_to_floor %.2f; open loop at half the maximum: p99 %.1f"
                            + " ms (target <= 50); %d of %d accepted orders without their events on Kafka%n",
                    ratioToDb,
                    ratioToFloor,
                    Bench.ms(open.latency().getValueAtPercentile(99)),
                    missing,
                    accepted.size());
            System.out.printf(
                    Locale.ROOT,
                    "BENCH name=order-intake clients=%d seconds=%d orders_per_s=%.1f p50_ms=%.2f p99_ms=%.2f"
                            + " p999_ms=%.2f floor_per_s=%.1f db_per_s=%.1f ratio_to_db=%.2f ratio_to_floor=%.2f"
                            + " open_rate=%d open_p50_ms=%.2f open_p99_ms=%.2f open_p999_ms=%.2f accepted=%d"
                            + " missing_events=%d%n",
                    clients,
                    seconds,
                    orders.perSecond(),
                    Bench.ms(orders.latency().getValueAtPercentile(50)),
                    Bench.ms(orders.latency().getValueAtPercentile(99)),
                    Bench.ms(orders.latency().getValueAtPercentile(99.9)),
                    floor.perSecond(),
                    db.perSecond(),
                    ratioToDb,
                    ratioToFloor,
                    rate,
                    Bench.ms(open.latency().getValueAtPercentile(50)),
                    Bench.ms(open.latency().getValueAtPercentile(99)),
                    Bench.ms(open.latency().getValueAtPercentile(99.9)),
                    accepted.size(),
                    missing);
        } finally {
            stack.close();
        }
        System.exit(0);
    }

    /** One unit of work of a phase; throws if the answer is not the expected one. */
    interface Call {
        void run() throws Exception;
    }

    record Result(long count, int seconds, Histogram latency) {
        double perSecond() {
            return count / (double) seconds;
        }

        void print(String what) {
            Bench.print(what, latency);
            System.out.printf(Locale.ROOT, "  %-18s %.1f/s%n", "", perSecond());
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private static void placeOrder(String url, String token, Set<String> accepted) throws Exception {
        Map<String, Object> body = TestData.webshopOrder(
                TestData.privateCustomer(TestData.cpr()), List.of(TestData.newNumberLine("MOBILE_10GB", 0)));
        JsonNode order = SagaLatencyBench.post(HTTP, url + "/api/v1/orders", token, JSON.writeValueAsString(body), 201);
        accepted.add(order.path("id").asText());
    }

    private static void plans(String url, String token) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(url + "/api/v1/plans"))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /plans answered " + r.statusCode());
        }
    }

    static Result closedLoop(int clients, int seconds, Call call) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong count = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        Bench.clients(clients, client -> {
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                timed(call, recorder, start);
                count.incrementAndGet();
            }
        });
        return new Result(count.get(), seconds, recorder.getIntervalHistogram());
    }

    /**
     * {@code rate} calls a second on a fixed schedule shared by the clients; each latency counts from when its call
     * was due, so a stall is not hidden by the calls that waited behind it.
     */
    static Result openLoop(int clients, int seconds, int rate, Call call) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong count = new AtomicLong();
        long begin = System.nanoTime();
        long end = begin + Duration.ofSeconds(seconds).toNanos();
        long interval = 1_000_000_000L / rate;
        Bench.clients(clients, client -> {
            for (long j = 0; ; j++) {
                long due = begin + (j * clients + client) * interval;
                if (due >= end) {
                    return;
                }
                LockSupport.parkNanos(due - System.nanoTime());
                timed(call, recorder, due);
                count.incrementAndGet();
            }
        });
        return new Result(count.get(), seconds, recorder.getIntervalHistogram());
    }

    private static void timed(Call call, Recorder recorder, long start) {
        try {
            call.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        recorder.recordValue((System.nanoTime() - start) / 1000);
    }

    /** Transactions committed and rows inserted, updated and read in the database so far. */
    private static long[] dbStats(String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                Statement s = c.createStatement()) {
            // the statistics collector publishes at the end of each transaction, and reads its snapshot once per one
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet r = s.executeQuery("SELECT xact_commit, tup_inserted, tup_updated, tup_fetched"
                    + " FROM pg_stat_database WHERE datname = current_database()")) {
                r.next();
                return new long[] {r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)};
            }
        }
    }

    /** Accepted orders whose {@code OrderPlaced} and {@code OrderApproved} are not on {@code subscription.events}. */
    private static int missingEvents(Set<String> accepted) {
        Map<String, Set<String>> seen = new ConcurrentHashMap<>();
        AtomicLong complete = new AtomicLong();
        KafkaTestClient.readUntil(
                Topics.SUBSCRIPTION_EVENTS,
                r -> {
                    String type = KafkaTestClient.header(r, "ce_type");
                    if (accepted.contains(r.key()) && ("OrderPlaced".equals(type) || "OrderApproved".equals(type))) {
                        Set<String> types = seen.computeIfAbsent(r.key(), k -> ConcurrentHashMap.newKeySet());
                        if (types.add(type) && types.size() == 2) {
                            complete.incrementAndGet();
                        }
                    }
                    return complete.get() == accepted.size();
                },
                Duration.ofSeconds(60));
        return (int) accepted.stream()
                .filter(id -> seen.getOrDefault(id, Set.of()).size() < 2)
                .count();
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }

    private OrderIntakeBench() {}
}
