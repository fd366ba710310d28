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

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String name : new String[] {"subscription", "porting", "billing"}) {
            HttpServer server = stub(name);
            SERVERS.put(name, server);
            config.put(
                    "flyt.gateway.routes." + name + ".upstream",
                    "http://127.0.0.1:" + server.getAddress().getPort());
        }
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
                }
            });
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
