package dk.flyt.bench;

import dk.flyt.local.ServiceProcess;
import dk.flyt.local.ServiceSettings;
import dk.flyt.testing.Servers;
import dk.flyt.testing.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What each process costs the machine: the three services and the gateway, packaged, on real PostgreSQL, Kafka and
 * OIDC server. Each is started alone (so no start competes with another for the two cores) and timed from the
 * process's start until its readiness check answers UP, polled every 20 ms; Quarkus's own "started in" is printed
 * beside it. Then port-in orders are placed through the gateway in a closed loop and each one's SIM shipped (the
 * saga runs through all three services), and afterwards each process's resident set (RSS, from {@code /proc}) and its
 * heap after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}) are read. The packaged size is the size of
 * its {@code target/quarkus-app}.
 *
 * <p>{@code java -cp "$(cat bench/target/classpath.txt):bench/target/classes" dk.flyt.bench.FootprintBench [seconds
 * of load, default 60] [clients, default 4]}
 */
public final class FootprintBench {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    public static void main(String[] args) throws Exception {
        int seconds = Bench.arg(args, 0, 60);
        int clients = Bench.arg(args, 1, 4);
        Path root = Path.of("").toAbsolutePath();
        Path logs = root.resolve("bench/target/footprint");
        // the services are built but not started: each is started alone below
        SagaLatencyBench.Stack stack = SagaLatencyBench.Stack.create(root, logs, false);
        int gatewayPort = Bench.freePort();
        Map<String, String> g = new HashMap<>();
        g.put("quarkus.profile", "dev");
        g.put("quarkus.oidc.auth-server-url", Servers.oidcIssuer());
        g.put("flyt.gateway.routes.subscription.upstream", stack.subscription.url());
        g.put("flyt.gateway.routes.porting.upstream", stack.porting.url());
        g.put("flyt.gateway.routes.billing.upstream", stack.billing.url());
        for (String group : List.of("api", "interop", "public-calendar", "console")) {
            g.put("flyt.gateway.limits." + group + ".per-minute", "100000000");
        }
        g.put(ServiceProcess.MANAGEMENT_PORT, String.valueOf(gatewayPort));
        ServiceProcess gateway = new ServiceProcess(
                        "gateway", ServiceSettings.jar(root, "gateway"), gatewayPort, g, logs)
                .jvmOptions(SagaLatencyBench.Stack.jvmOptions(logs, "gateway"))
                .environment("MALLOC_ARENA_MAX", System.getProperty("flyt.bench.malloc-arenas", ""));
        List<ServiceProcess> all = new ArrayList<>(stack.services());
        all.add(gateway);
        Map<String, Double> ready = new HashMap<>();
        try {
            for (ServiceProcess p : all) {
                long begin = System.nanoTime();
                p.start();
                awaitReady(p, Duration.ofMinutes(3));
                ready.put(p.name(), (System.nanoTime() - begin) / 1e9);
            }
            System.out.printf(
                    "footprint: %d clients placing and shipping port-in orders through the gateway for %d s%n",
                    clients, seconds);
            long orders = load(gateway.url(), clients, seconds);
            System.out.printf("  %d orders placed and shipped%n", orders);
            for (ServiceProcess p : all) {
                String module = p.name();
                double rss = rssMb(p.pid());
                double heap = heapAfterGcMb(p.pid());
                double size = sizeMb(root.resolve(module).resolve("target/quarkus-app"));
                String started = quarkusStarted(logs.resolve(module + ".log"));
                System.out.printf(
                        Locale.ROOT,
                        "  %-22s RSS %6.1f MB (target <= 250)  heap after GC %6.1f MB  ready in %5.2f s (Quarkus:"
                                + " started in %s s; target <= 3)  package %5.1f MB%n",
                        module,
                        rss,
                        heap,
                        ready.get(module),
                        started,
                        size);
                System.out.printf(
                        Locale.ROOT,
                        "BENCH name=footprint service=%s rss_mb=%.1f heap_after_gc_mb=%.1f ready_s=%.2f"
                                + " quarkus_started_s=%s package_mb=%.1f load_s=%d orders=%d%n",
                        module,
                        rss,
                        heap,
                        ready.get(module),
                        started,
                        size,
                        seconds,
                        orders);
            }
        } finally {
            gateway.stop();
            stack.close();
        }
        System.exit(0);
    }

    private static void awaitReady(ServiceProcess p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(p.managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(p.name() + " not ready within " + timeout);
    }

    /** Port-in orders placed and shipped by {@code clients} in a closed loop; answers how many. */
    private static long load(String gateway, int clients, int seconds) throws Exception {
        String webshop = Tokens.forRole("webshop");
        String logistics = Tokens.forRole("logistics");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        OrderIntakeBench.Result r = OrderIntakeBench.closedLoop(clients, seconds, () -> {
            Map<String, Object> body = dk.flyt.testing.TestData.webshopOrder(
                    dk.flyt.testing.TestData.privateCustomer(dk.flyt.testing.TestData.cpr()),
                    List.of(dk.flyt.testing.TestData.portInLine(
                            dk.flyt.testing.TestData.mobileNumber(), dk.flyt.testing.TestData.iccid())));
            var order = SagaLatencyBench.post(
                    HTTP, gateway + "/api/v1/orders", webshop, json.writeValueAsString(body), 201);
            var line = order.path("lines").path(0);
            if ("AWAITING_SHIPMENT".equals(line.path("step").asText())) {
                SagaLatencyBench.post(
                        HTTP,
                        gateway + "/api/v1/orders/" + order.path("id").asText() + "/lines/"
                                + line.path("id").asText() + "/shipment",
                        logistics,
                        json.writeValueAsString(
                                Map.of("status", "SHIPPED", "simIccid", dk.flyt.testing.TestData.iccid())),
                        200);
            }
        });
        return r.count();
    }

    private static double rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    private static double heapAfterGcMb(long pid) throws Exception {
        jcmd(pid, "GC.run");
        // G1 prints one line for the heap, the serial collector one per generation; Metaspace is not heap
        long usedKb = 0;
        boolean any = false;
        for (String line : jcmd(pid, "GC.heap_info").split("\n")) {
            Matcher m = Pattern.compile("used (\\d+)K").matcher(line);
            if (!line.contains("Metaspace") && !line.contains("class space") && m.find()) {
                usedKb += Long.parseLong(m.group(1));
                any = true;
            }
        }
        if (!any) {
            throw new IllegalStateException("GC.heap_info of " + pid + " names no use");
        }
        return usedKb / 1024.0;
    }

    private static String jcmd(long pid, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }

    private static double sizeMb(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                            .mapToLong(f -> f.toFile().length())
                            .sum()
                    / (1024.0 * 1024.0);
        }
    }

    private static String quarkusStarted(Path log) throws IOException {
        Matcher m = Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(log));
        String last = "?";
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    private FootprintBench() {}
}
