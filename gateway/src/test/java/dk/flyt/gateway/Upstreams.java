package dk.flyt.gateway;

import com.sun.net.httpserver.HttpServer;
import dk.flyt.testing.Servers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * Three stub services behind the gateway under test, each answering with what it received (method, path, headers,
 * the body's length and SHA-256), and the real test OIDC provider whose tokens the gateway validates.
 */
public class Upstreams implements QuarkusTestResourceLifecycleManager {
    static final Map<String, HttpServer> SERVERS = new HashMap<>();
    /** Requests the stubs received, OpenAPI documents left out: a refused request must not reach any. */
    static final java.util.concurrent.atomic.AtomicInteger RECEIVED = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Each stub's OpenAPI document: its own path, a {@code Problem} schema (billing's differs), and the subscription
     * service's test clock, which the gateway never routes.
     */
    static String openapi(String name) {
        String problem = name.equals("billing")
                ? "{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\"},\"ledger\":{\"type\":\"string\"}}}"
                : "{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\"}}}";
        String path =
                switch (name) {
                    case "subscription" -> "/api/v1/orders/{orderId}";
                    case "porting" -> "/api/v1/port-ins/{caseId}";
                    default -> "/api/v1/accounts/{customerId}";
                };
        String clock = name.equals("subscription")
                ? ",\"/api/v1/clock\":{\"get\":{\"responses\":{\"200\":{\"description\":\"now\"}}}}"
                : "";
        return "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + name + "\",\"version\":\"1\"},"
                + "\"tags\":[{\"name\":\"" + name + "\",\"description\":\"the " + name + " API\"}],"
                + "\"paths\":{\"" + path + "\":{\"get\":{\"tags\":[\"" + name + "\"],\"responses\":{\"404\":"
                + "{\"description\":\"not found\",\"content\":{\"application/problem+json\":{\"schema\":"
                + "{\"$ref\":\"#/components/schemas/Problem\"}}}}}}}" + clock + "},"
                + "\"components\":{\"schemas\":{\"Problem\":" + problem + "}}}";
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String name : new String[] {"subscription", "porting", "billing"}) {
            HttpServer server = stub(name);
            SERVERS.put(name, server);
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            config.put("flyt.gateway.routes." + name + ".upstream", url);
            config.put("flyt.gateway.routes." + name + ".openapi", url + "/q/openapi");
        }
        // a stub path sleeps 3 s: longer than the subscription service may take here
        config.put("flyt.gateway.routes.subscription.timeout", "1s");
        config.put("quarkus.oidc.auth-server-url", Servers.oidcIssuer());
        config.put("flyt.gateway.limits.public-calendar.per-minute", "5");
        config.put("flyt.gateway.breaker.failures", "3");
        config.put("flyt.gateway.breaker.open-for", "1s");
        config.put("quarkus.http.cors.origins", "https://shop.example");
        return config;
    }

    @Override
    public void stop() {
        SERVERS.values().forEach(s -> s.stop(0));
    }

    /** The stub goes away: nothing listens on its port. */
    static void stop(String name) {
        SERVERS.get(name).stop(0);
    }

    /** The stub comes back on the same port. */
    static void restart(String name) {
        SERVERS.put(name, stub(name, SERVERS.get(name).getAddress().getPort()));
    }

    private static HttpServer stub(String name) {
        return stub(name, 0);
    }

    private static HttpServer stub(String name, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/", exchange -> {
                try (exchange;
                        InputStream in = exchange.getRequestBody()) {
                    if (exchange.getRequestURI().getPath().equals("/q/openapi")) {
                        byte[] doc = openapi(name).getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().set("Content-Type", "application/json");
                        exchange.sendResponseHeaders(200, doc.length);
                        exchange.getResponseBody().write(doc);
                        return;
                    }
                    RECEIVED.incrementAndGet();
                    if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                        Thread.sleep(3_000);
                    }
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    byte[] buffer = new byte[64 * 1024];
                    long length = 0;
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sha.update(buffer, 0, n);
                        length += n;
                    }
                    Map<String, String> headers = new TreeMap<>();
                    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
                    StringBuilder json = new StringBuilder("{\"service\":\"" + name + "\",\"method\":\""
                            + exchange.getRequestMethod() + "\",\"path\":\""
                            + exchange.getRequestURI().getRawPath()
                            + "\",\"bodyBytes\":" + length + ",\"bodySha256\":\""
                            + HexFormat.of().formatHex(sha.digest()) + "\",\"headers\":{");
                    String sep = "";
                    for (var h : headers.entrySet()) {
                        json.append(sep)
                                .append('"')
                                .append(h.getKey())
                                .append("\":\"")
                                .append(h.getValue().replace("\\", "\\\\").replace("\"", "\\\""))
                                .append('"');
                        sep = ",";
                    }
                    byte[] body = json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
