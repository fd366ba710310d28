package dk.flyt.platform.time;

import dk.flyt.platform.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Without a controllable clock (always so in production) the clock endpoint does not exist for anyone: the answer
 * is the 404 of any unknown path, before authentication could answer 401 or 403 and so reveal it (the security
 * issue).
 */
public class ClockGate {
    private final boolean controllable;

    public ClockGate(@ConfigProperty(name = "flyt.clock.controllable", defaultValue = "false") boolean controllable) {
        this.controllable = controllable;
    }

    @ServerRequestFilter(preMatching = true)
    public Response hideTheClock(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (controllable || !(path.equals("/api/v1/clock") || path.startsWith("/api/v1/clock/"))) {
            return null;
        }
        return Response.status(404)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(
                        Problem.type("not-found"),
                        "Not Found",
                        404,
                        "Unable to find matching target resource method",
                        path,
                        List.of()))
                .build();
    }
}
