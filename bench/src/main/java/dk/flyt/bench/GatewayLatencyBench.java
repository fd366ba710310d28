package dk.flyt.bench;

import dk.flyt.local.Partners;
import dk.flyt.local.ServiceProcess;
import dk.flyt.local.ServiceSettings;
import dk.flyt.testing.Servers;
import dk.flyt.testing.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the gateway adds to a request's latency. The packaged subscription service (real PostgreSQL, Kafka and OIDC
 * server) and the packaged gateway in front of it run as their own processes; N clients in a closed loop each send the
 * same authenticated request ({@code GET /api/v1/plans} with a web shop token, which both the gateway and the service
 * validate) alternately straight to the service and through the gateway, in random order, so both paths are measured
 * at the same load in the same run. Prints both distributions, the difference at p50 and p99, and one {@code BENCH}
 * line. The gateway's limits are raised for the run (the limiter still runs on every request).
 *
 * <p>With a rate, the run is an open loop instead: the clients together send that many pairs a second on a fixed
 * schedule, and each latency counts from when its request was due (so a stall is not hidden by the requests that
 * waited behind it). A closed loop on two cores measures the machine's saturation as soon as the clients outnumber
 * the cores; the open loop at a rate below it measures what a request costs at that load.
 *
 * <p>{@code java -cp "$(cat bench/target/classpath.txt):bench/target/classes" dk.flyt.bench.GatewayLatencyBench
 * [clients, default 8] [seconds measured, default 30] [seconds of warm-up, default 10] [pairs a second, default 0:
 * closed loop]}
 */
public final class GatewayLatencyBench {
    private static final String PATH = "/api/v1/plans";

    public static void main(String[] args) throws Exception {
        int clients = Bench.arg(args, 0, 8);
        int seconds = Bench.arg(args, 1, 30);
        int warmup = Bench.arg(args, 2, 10);
        int rate = Bench.arg(args, 3, 0);
        Path root = Path.of("").toAbsolutePath();
        Path logs = root.resolve("bench/target/gateway-latency");

        Partners partners = Partners.start(0, 0);
        Map<String, String> p = ServiceSettings.properties(
                ServiceSettings.SUBSCRIPTION,
                Servers.jdbcUrl(Servers.createDatabase("bench_subscription")),
                Servers.kafkaBootstrapServers(),
                Servers.oidcIssuer(),
                "http://127.0.0.1:1",
                "unused");
        partners.configure(ServiceSettings.SUBSCRIPTION, p);
        ServiceProcess service = new ServiceProcess(
                        ServiceSettings.SUBSCRIPTION,
                        ServiceSettings.jar(root, ServiceSettings.SUBSCRIPTION),
                        Bench.freePort(),
                        p,
                        logs)
                // as production runs them: the full JIT (tests and the local stack stop at the first tier)
                .jvmOptions("-Xmx512m");
        int gatewayPort = Bench.freePort();
        Map<String, String> g = new HashMap<>();
        g.put("quarkus.profile", "dev");
        g.put("quarkus.oidc.auth-server-url", Servers.oidcIssuer());
        g.put("flyt.gateway.routes.subscription.upstream", service.url());
        g.put("flyt.gateway.routes.porting.upstream", "http://127.0.0.1:1");
        g.put("flyt.gateway.routes.billing.upstream", "http://127.0.0.1:1");
        for (String group : List.of("api", "interop", "public-calendar", "console")) {
            g.put("flyt.gateway.limits." + group + ".per-minute", "100000000");
        }
        g.put("quarkus.log.category.\"dk.flyt.gateway.access\".level", "WARN");
        g.put(ServiceProcess.MANAGEMENT_PORT, String.valueOf(gatewayPort));
        ServiceProcess gateway = new ServiceProcess(
                        "gateway", ServiceSettings.jar(root, "gateway"), gatewayPort, g, logs)
                .jvmOptions("-Xmx512m");
        service.start();
        gateway.start();
        try {
            service.awaitReady(Duration.ofMinutes(3));
            gateway.awaitReady(Duration.ofMinutes(3));
            String token = Tokens.forRole("webshop");
            System.out.printf(
                    "gateway latency: %d clients, %s, %d s warm-up, %d s measured, GET %s direct and through the"
                            + " gateway%n",
                    clients, rate > 0 ? rate + " pairs/s (open loop)" : "closed loop", warmup, seconds, PATH);
            run(service.url(), gateway.url(), token, clients, warmup, rate, new Recorder(3), new Recorder(3));
            Recorder direct = new Recorder(3);
            Recorder through = new Recorder(3);
            long requests = run(service.url(), gateway.url(), token, clients, seconds, rate, direct, through);
            Histogram d = direct.getIntervalHistogram();
            Histogram t = through.getIntervalHistogram();
            Bench.print("direct", d);
            Bench.print("gateway", t);
            double addedP50 = Bench.ms(t.getValueAtPercentile(50)) - Bench.ms(d.getValueAtPercentile(50));
            double addedP99 = Bench.ms(t.getValueAtPercentile(99)) - Bench.ms(d.getValueAtPercentile(99));
            System.out.printf(
                    Locale.ROOT,
                    "added by the gateway: p50 %.2f ms (target <= 2), p99 %.2f ms (target <= 5); %.0f requests/s in all%n",
                    addedP50,
                    addedP99,
                    requests / (double) seconds);
            System.out.printf(
                    Locale.ROOT,
                    "BENCH name=gateway-latency clients=%d rate=%d seconds=%d requests=%d direct_p50_ms=%.2f"
                            + " direct_p99_ms=%.2f gateway_p50_ms=%.2f gateway_p99_ms=%.2f added_p50_ms=%.2f"
                            + " added_p99_ms=%.2f%n",
                    clients,
                    rate,
                    seconds,
                    requests,
                    Bench.ms(d.getValueAtPercentile(50)),
                    Bench.ms(d.getValueAtPercentile(99)),
                    Bench.ms(t.getValueAtPercentile(50)),
                    Bench.ms(t.getValueAtPercentile(99)),
                    addedP50,
                    addedP99);
        } finally {
            gateway.stop();
            service.stop();
            partners.close();
        }
        System.exit(0);
    }

    private static long run(
            String direct, String gateway, String token, int clients, int seconds, int rate, Recorder d, Recorder g)
            throws InterruptedException {
        long begin = System.nanoTime();
        long end = begin + Duration.ofSeconds(seconds).toNanos();
        long interval = rate > 0 ? 1_000_000_000L / rate : 0;
        AtomicLong requests = new AtomicLong();
        Bench.clients(clients, client -> {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            HttpRequest toService = request(direct, token);
            HttpRequest toGateway = request(gateway, token);
            if (interval == 0) {
                // closed loop: a pair at a time, in random order
                while (System.nanoTime() < end) {
                    boolean gatewayFirst = ThreadLocalRandom.current().nextBoolean();
                    call(http, gatewayFirst ? toGateway : toService, gatewayFirst ? g : d, System.nanoTime());
                    call(http, gatewayFirst ? toService : toGateway, gatewayFirst ? d : g, System.nanoTime());
                    requests.addAndGet(2);
                }
                return;
            }
            // open loop: client i sends request j at begin + (j * clients + i) * interval / 2, to either path at
            // random, and its latency counts from then
            for (long j = 0; ; j++) {
                long due = begin + (j * clients + client) * interval / 2;
                if (due >= end) {
                    return;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                boolean viaGateway = ThreadLocalRandom.current().nextBoolean();
                call(http, viaGateway ? toGateway : toService, viaGateway ? g : d, due);
                requests.incrementAndGet();
            }
        });
        return requests.get();
    }

    private static HttpRequest request(String base, String token) {
        return HttpRequest.newBuilder(URI.create(base + PATH))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    private static void call(HttpClient http, HttpRequest request, Recorder recorder, long start) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + r.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        recorder.recordValue((System.nanoTime() - start) / 1_000);
    }

    private GatewayLatencyBench() {}
}
