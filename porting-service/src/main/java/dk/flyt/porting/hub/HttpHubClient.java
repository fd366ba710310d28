package dk.flyt.porting.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.porting.config.PortingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The hub's REST API: {@code POST <hub>/messages} to send, {@code POST <hub>/number-lookups} to ask who holds a
 * number; JSON, with our OIDC access token. The hub's answers are never logged or stored in full: a refusal is
 * reported by its status and size only, since a body may echo what we sent.
 */
@ApplicationScoped
public class HttpHubClient implements HubClient {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json;
    private final PortingConfig config;
    private final HubCredentials credentials;

    public HttpHubClient(ObjectMapper json, PortingConfig config, HubCredentials credentials) {
        this.json = json;
        this.config = config;
        this.credentials = credentials;
    }

    @Override
    public void send(HubMessage message) throws HubUnavailable, HubRefused {
        HttpResponse<String> response = post("/messages", message);
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            fail(response);
        }
    }

    @Override
    public Optional<String> holderOf(String number) throws HubUnavailable, HubRefused {
        HttpResponse<String> response = post("/number-lookups", Map.of("number", number));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            fail(response);
        }
        try {
            JsonNode operator = json.readTree(response.body()).get("operator");
            return operator == null || operator.isNull() ? Optional.empty() : Optional.of(operator.asText());
        } catch (JsonProcessingException e) {
            throw new HubRefused("the hub's number lookup answer is not JSON");
        }
    }

    private HttpResponse<String> post(String path, Object body) throws HubUnavailable, HubRefused {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new HubRefused("not serialisable: " + e.getOriginalMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.hub().url() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + credentials.accessToken())
                .POST(HttpRequest.BodyPublishers.ofString(text))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new HubUnavailable(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubUnavailable("interrupted");
        }
    }

    private void fail(HttpResponse<String> response) throws HubUnavailable, HubRefused {
        int status = response.statusCode();
        String detail = "HTTP " + status + " ("
                + (response.body() == null ? 0 : response.body().length()) + " bytes)";
        if (status == 401) {
            credentials.forget();
            throw new HubUnavailable(detail + ": token refused, a new one is fetched");
        }
        if (status >= 500 || status == 429 || status == 408) {
            throw new HubUnavailable(detail);
        }
        throw new HubRefused(detail);
    }
}
