package dk.flyt.porting.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
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

/** Sends messages to the hub's REST API: {@code POST <hub>/messages}, JSON, bearer token. */
@ApplicationScoped
public class HttpHubClient implements HubClient {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json;
    private final PortingConfig config;

    public HttpHubClient(ObjectMapper json, PortingConfig config) {
        this.json = json;
        this.config = config;
    }

    @Override
    public void send(HubMessage message) throws HubUnavailable, HubRefused {
        String body;
        try {
            body = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new HubRefused("not serialisable: " + e.getOriginalMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(config.hub().url() + "/messages"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        config.hub().token().ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new HubUnavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubUnavailable("interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String detail = "HTTP " + status + " " + abbreviate(response.body());
        if (status >= 500 || status == 429 || status == 408) {
            throw new HubUnavailable(detail);
        }
        throw new HubRefused(detail);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
