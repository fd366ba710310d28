package dk.flyt.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.platform.problem.ProblemMappers;
import dk.flyt.platform.security.Caller;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Carries out {@link Idempotent}: claims the caller's key before the action runs and keeps its answer after. A repeat
 * (a double click, a retry) with the same key and the same request gets the first answer again, marked
 * {@value #REPLAYED}; a repeat that arrives while the first is still running waits for it. The same key for another
 * request is the client's mistake (422 naming the header). Only a successful answer is kept: a request that was
 * refused (4xx) or failed (5xx) changed nothing, leaves nothing behind, and runs again when sent again.
 */
@Provider
@Idempotent
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    /** The header as the OpenAPI describes it. */
    public static final String DOC =
            "Optional; 1 to 100 visible ASCII characters, new for each action (a UUID). The same"
                    + " key with the same request within 24 hours answers the first answer again (marked Idempotent-Replayed:"
                    + " true) and does nothing twice; with another request it is refused (422, idempotency-key-reused). Only a"
                    + " success is kept: a refused request sent again runs again.";

    private static final String CLAIMED = IdempotencyFilter.class.getName() + ".claimed";
    /** What a key may be: visible ASCII, 1 to 100 characters. */
    public static final String KEY_PATTERN = "^[\\x21-\\x7e]{1,100}$";

    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 50;

    private final IdempotentRequests requests;
    private final Caller caller;
    private final ObjectMapper json;

    public IdempotencyFilter(IdempotentRequests requests, Caller caller, ObjectMapper json) {
        this.requests = requests;
        this.caller = caller;
        this.json = json;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null) {
            return;
        }
        if (!KEY.matcher(key).matches()) {
            request.abortWith(
                    problem(ProblemException.badRequest(HEADER, "must be 1 to 100 visible ASCII characters")));
            return;
        }
        String fingerprint = fingerprint(request);
        String who = caller.subject();
        long deadline = System.nanoTime() + WAIT.toNanos();
        IdempotentRequests.Claim claim = requests.claim(who, key, fingerprint);
        while (claim instanceof IdempotentRequests.Claim.InProgress && System.nanoTime() < deadline) {
            pause();
            claim = requests.claim(who, key, fingerprint);
        }
        switch (claim) {
            case IdempotentRequests.Claim.Claimed c -> request.setProperty(CLAIMED, new Key(who, key));
            case IdempotentRequests.Claim.Answered a ->
                request.abortWith(Response.status(a.status())
                        .entity(a.body())
                        .type(a.contentType() == null ? MediaType.APPLICATION_JSON : a.contentType())
                        .header(REPLAYED, "true")
                        .build());
            case IdempotentRequests.Claim.OtherRequest o ->
                request.abortWith(problem(ProblemException.unprocessable(
                        "idempotency-key-reused", HEADER, "was used before for another request; send a new key")));
            case IdempotentRequests.Claim.InProgress p ->
                request.abortWith(problem(ProblemException.conflict(
                        "idempotent-request-in-progress",
                        "the request with this " + HEADER + " is still being handled; send it again in a moment")));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIMED) instanceof Key k)) {
            return;
        }
        request.removeProperty(CLAIMED);
        if (response.getStatus() >= 400) {
            // a refused or failed request changed nothing, so nothing is kept either: sent again, it runs again
            requests.released(k.caller(), k.key());
            return;
        }
        String body;
        try {
            Object entity = response.getEntity();
            body = entity == null ? null : entity instanceof String s ? s : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            requests.released(k.caller(), k.key());
            return;
        }
        MediaType type = response.getMediaType();
        requests.answered(k.caller(), k.key(), response.getStatus(), type == null ? null : type.toString(), body);
    }

    private record Key(String caller, String key) {}

    /** The method, the path and the body: a key names one request. */
    private static String fingerprint(ContainerRequestContext request) throws IOException {
        byte[] body;
        try (InputStream in = request.getEntityStream()) {
            body = in == null ? new byte[0] : in.readAllBytes();
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getUriInfo().getPath() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response problem(ProblemException e) {
        return ProblemMappers.respond(e.toProblem(null));
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
