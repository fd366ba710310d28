package dk.flyt.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/** Talks to the running local stack, found through {@code <state>/stack.properties}; tokens from its Keycloak. */
public final class StackClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    final Properties urls = new Properties();
    final KeycloakTokens tokens;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** {@code state}: the stack's directory, {@code .flyt} for {@code bin/flyt run}. */
    public StackClient(Path state) throws IOException {
        Path file = state.resolve("stack.properties");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no local stack is running here: start it with bin/flyt run");
        }
        try (Reader r = Files.newBufferedReader(file)) {
            urls.load(r);
        }
        tokens = new KeycloakTokens(urls.getProperty("issuer"));
    }

    public String url(String service) {
        return urls.getProperty(service);
    }

    /** Sends a request as {@code who}; answers the JSON body, or throws with the problem document. */
    public JsonNode call(
            String method, String service, String path, String who, Object body, Map<String, String> headers) {
        try {
            // every API call goes through the gateway, as a client's would; only the test clock is the service's own
            String base = path.startsWith("/api/v1/clock") || urls.getProperty("gateway") == null
                    ? url(service)
                    : urls.getProperty("gateway");
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + tokens.token(who))
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            headers.forEach(b::header);
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 400) {
                throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(service + " is not reachable; is bin/flyt run still running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode get(String service, String path, String who) {
        return call("GET", service, path, who, null, Map.of());
    }

    /** 404 as null, for things that do not exist yet. */
    public JsonNode find(String service, String path, String who) {
        try {
            return get(service, path, who);
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().contains("answered 404")) {
                return null;
            }
            throw e;
        }
    }

    /** Sets or advances every service's business clock together. */
    public JsonNode clock(String verb, String value) {
        JsonNode last = null;
        for (String s : new String[] {ServiceSettings.SUBSCRIPTION, ServiceSettings.PORTING, ServiceSettings.BILLING}) {
            last = "set".equals(verb)
                    ? call("PUT", s, "/api/v1/clock", "clock-admin", Map.of("instant", value), Map.of())
                    : call("POST", s, "/api/v1/clock/advance", "clock-admin", Map.of("by", value), Map.of());
        }
        return last;
    }

    /**
     * Sets a switch of the porting hub simulator ({@code PUT /control/subscribers/{number}} and the like, see the
     * simulator): what the other operators will answer in this local run.
     */
    public void hub(String method, String path, String body) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(urls.getProperty("hub") + "/control" + path))
                            .method(method, HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 400) {
                throw new IllegalStateException(method + " " + path + " at the hub answered " + r.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("the hub simulator is not reachable; is bin/flyt run still running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
