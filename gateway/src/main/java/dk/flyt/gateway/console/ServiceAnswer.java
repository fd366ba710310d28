package dk.flyt.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's answer to the console: its status and its JSON body, a problem's {@code detail} and the field errors it
 * names ({@code errors[].field}), so a form shows each message next to its field.
 */
public record ServiceAnswer(int status, JsonNode body) {
    /** The header that names the agent's open contact with the customer (R-DATA-02). */
    public static final String CONTACT_HEADER = "Flyt-Contact-Id";
    /** The header that makes an action happen once however often it is sent (a double click). */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Calls a service: its answer, whatever the status, or a 503 naming the service when it cannot be reached or does
     * not answer in time (the page then says so instead of failing).
     */
    public static ServiceAnswer call(String service, java.util.function.Supplier<Response> call) {
        try {
            return of(call.get());
        } catch (jakarta.ws.rs.ProcessingException e) {
            return unavailable(service);
        }
    }

    /**
     * Starts a call whose answer is read later, so that the calls of one page to different services run side by side;
     * a service that cannot be reached or does not answer in time is a 503 naming it, as with {@link #call}.
     */
    public static java.util.concurrent.CompletableFuture<ServiceAnswer> async(
            String service, java.util.function.Supplier<java.util.concurrent.CompletionStage<Response>> call) {
        try {
            return call.get()
                    .toCompletableFuture()
                    .handle((response, failure) -> failure == null ? of(response) : unavailable(service));
        } catch (jakarta.ws.rs.ProcessingException e) {
            return java.util.concurrent.CompletableFuture.completedFuture(unavailable(service));
        }
    }

    private static ServiceAnswer unavailable(String service) {
        return new ServiceAnswer(
                503,
                JSON.createObjectNode()
                        .put("status", 503)
                        .put("title", "Service Unavailable")
                        .put("detail", service + " svarer ikke lige nu."));
    }

    /** Reads and closes the response. */
    public static ServiceAnswer of(Response response) {
        try (response) {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            JsonNode body;
            try {
                body = text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
            } catch (JsonProcessingException notJson) {
                body = MissingNode.getInstance();
            }
            return new ServiceAnswer(response.getStatus(), body);
        }
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The problem's {@code detail} (or its title), for a message above the form. */
    public String detail() {
        String detail = body.path("detail").asText("");
        return detail.isBlank() ? body.path("title").asText("Tjenesten svarede " + status) : detail;
    }

    /** The fields the problem names, each with its message; the field names are the request's JSON names. */
    public Map<String, String> fieldErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        for (JsonNode e : body.path("errors")) {
            String field = e.path("field").asText("");
            if (!field.isBlank()) {
                errors.merge(lastSegment(field), e.path("message").asText(""), (a, b) -> a + "; " + b);
            }
        }
        String field = body.path("field").asText("");
        if (!field.isBlank()) {
            errors.putIfAbsent(lastSegment(field), detail());
        }
        return errors;
    }

    private static String lastSegment(String field) {
        int dot = field.lastIndexOf('.');
        return dot < 0 ? field : field.substring(dot + 1);
    }
}
