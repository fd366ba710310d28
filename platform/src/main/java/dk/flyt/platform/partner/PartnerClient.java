package dk.flyt.platform.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * JSON over HTTP to an outside party (the credit bureau, the SMS gateway, the payment provider) with its API key and
 * a deadline, on the JDK's HTTP client: the contracts are in {@code docs/adapters.md}. A timeout or a broken
 * connection is an {@link IOException}; the adapter decides what it means for its port.
 */
public final class PartnerClient {
    /** What the party answered. */
    public record Answer(int status, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    public PartnerClient(String baseUrl, String apiKey, Duration timeout) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * The client of the party configured as {@code flyt.<party>.url}, {@code .api-key} and {@code .timeout}
     * ({@code defaultTimeout} without one); a missing address or key fails, naming the setting (docs/adapters.md).
     */
    public static PartnerClient configured(String party, Duration defaultTimeout) {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        String prefix = "flyt." + party + ".";
        return new PartnerClient(
                required(config, prefix + "url"),
                required(config, prefix + "api-key"),
                config.getOptionalValue(prefix + "timeout", Duration.class).orElse(defaultTimeout));
    }

    private static String required(org.eclipse.microprofile.config.Config config, String name) {
        return config.getOptionalValue(name, String.class)
                .filter(v -> !v.isBlank())
                .orElseThrow(
                        () -> new IllegalStateException(name + " is required for the real adapter (docs/adapters.md)"));
    }

    /** POSTs {@code body} as JSON to {@code path} (relative to the base URL). */
    public Answer post(String path, Object body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode answer;
            try {
                answer = response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
            } catch (IOException notJson) {
                answer = JSON.nullNode();
            }
            return new Answer(response.statusCode(), answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
