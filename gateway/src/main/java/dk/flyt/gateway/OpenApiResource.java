package dk.flyt.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code /q/openapi} at the gateway: the three services' documents merged into one contract ({@link OpenApiMerge}),
 * fetched from each service's management interface and kept for a minute. A service that cannot be reached is left
 * out and named in {@code x-flyt-missing}, so a partial document never passes for the whole one.
 */
@Path("/q/openapi")
public class OpenApiResource {
    private static final Logger LOG = Logger.getLogger(OpenApiResource.class);
    private static final Duration KEEP = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private record Cached(Instant at, String base, String json) {}

    private final GatewayConfig config;
    private final String version;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    public OpenApiResource(GatewayConfig config, @ConfigProperty(name = "quarkus.application.version") String version) {
        this.config = config;
        this.version = version;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response merged(UriInfo uri) {
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        Cached c = cached.get();
        Instant now = clock.instant();
        if (c != null && c.base().equals(base) && c.at().plus(KEEP).isAfter(now)) {
            return Response.ok(c.json()).build();
        }
        List<String> missing = new ArrayList<>();
        String json = merge(base, missing);
        if (missing.isEmpty()) {
            // only a whole document is kept; a partial one is built again on the next request
            cached.set(new Cached(now, base, json));
        }
        return Response.ok(json).build();
    }

    private String merge(String base, List<String> missing) {
        RouteTable table = RouteTable.of(config.routes(), config.neverRouted());
        OpenApiMerge merge = new OpenApiMerge(table, version, base);
        config.routes().forEach((name, route) -> route.openapi()
                .ifPresentOrElse(
                        url -> {
                            try {
                                merge.add(name, fetch(url));
                            } catch (IOException | RuntimeException e) {
                                LOG.warnf(
                                        "the OpenAPI document of %s could not be read from %s: %s",
                                        name, url, e.getMessage());
                                missing.add(name);
                            }
                        },
                        () -> missing.add(name)));
        var document = merge.document();
        if (!missing.isEmpty()) {
            var list = document.putArray("x-flyt-missing");
            missing.forEach(list::add);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode fetch(String url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("status " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
