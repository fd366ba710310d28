package dk.flyt.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A body larger than {@code flyt.http.max-body-bytes} (256 KiB by default; no request of ours needs a tenth of it)
 * is refused with a 413 problem before it is read (the security issue, input limits). The HTTP server's own limit,
 * {@code quarkus.http.limits.max-body-size}, stops a chunked body that declares no length.
 */
public class BodySizeLimit {
    private final long maxBytes;

    public BodySizeLimit(@ConfigProperty(name = "flyt.http.max-body-bytes", defaultValue = "262144") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseLargeBodies(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            return null;
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return ProblemMappers.respond(new Problem(
                    Problem.type("invalid-request"),
                    "The request is not valid",
                    400,
                    "Content-Length is not a number",
                    request.getUriInfo().getPath(),
                    List.of(new Problem.FieldError("Content-Length", "is not a number"))));
        }
        if (length <= maxBytes) {
            return null;
        }
        return ProblemMappers.respond(new Problem(
                Problem.type("body-too-large"),
                "The request body is too large",
                413,
                "the body has " + length + " bytes; at most " + maxBytes + " are accepted",
                request.getUriInfo().getPath(),
                List.of(new Problem.FieldError("body", "at most " + maxBytes + " bytes"))));
    }
}
