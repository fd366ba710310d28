package dk.flyt.platform.time;

import dk.flyt.contracts.Roles;
import dk.flyt.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sets or advances the business clock of a dev or test run, so a demo or a system test can reach a porting day or a
 * month change in seconds. Without {@code flyt.clock.controllable} (always so in production, which refuses to start
 * with it) every call answers 404, as if the endpoint did not exist.
 */
@Path("/api/v1/clock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "clock", description = "The business clock of a dev or test run; absent in production (404)")
public class ClockResource {
    private final MutableClock clock;
    private final boolean controllable;

    public ClockResource(
            MutableClock clock,
            @ConfigProperty(name = "flyt.clock.controllable", defaultValue = "false") boolean controllable) {
        this.clock = clock;
        this.controllable = controllable;
    }

    public record ClockView(Instant now, String zone) {}

    @Schema(examples = "{\"instant\": \"2026-12-01T01:00:00Z\"}")
    public record SetClock(
            @Schema(required = true, description = "ISO-8601 instant")
            String instant) {}

    @Schema(examples = "{\"by\": \"P1D\"}")
    public record AdvanceClock(
            @Schema(required = true, description = "ISO-8601 duration, e.g. P1D or PT2H")
            String by) {}

    @GET
    @RolesAllowed(Roles.CLOCK_ADMIN)
    @Operation(operationId = "getClock", summary = "The business clock now")
    public ClockView now() {
        requireControllable();
        return view();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLOCK_ADMIN)
    @Operation(
            operationId = "setClock",
            summary = "Set the business clock to an instant (ISO-8601, e.g. 2026-12-01T01:00:00Z)")
    public ClockView set(SetClock request) {
        requireControllable();
        try {
            clock.set(Instant.parse(request == null ? "" : String.valueOf(request.instant())));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("instant", "must be an ISO-8601 instant such as 2026-12-01T01:00:00Z");
        }
        return view();
    }

    @POST
    @Path("/advance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLOCK_ADMIN)
    @Operation(
            operationId = "advanceClock",
            summary = "Move the business clock forward by an ISO-8601 duration (e.g. P1D, PT2H)")
    public ClockView advance(AdvanceClock request) {
        requireControllable();
        Duration by;
        try {
            by = Duration.parse(request == null ? "" : String.valueOf(request.by()));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("by", "must be an ISO-8601 duration such as P1D or PT2H");
        }
        if (by.isNegative()) {
            throw ProblemException.badRequest("by", "must not be negative: the clock only moves forward here");
        }
        clock.advance(by);
        return view();
    }

    private ClockView view() {
        return new ClockView(clock.instant(), clock.getZone().getId());
    }

    private void requireControllable() {
        if (!controllable) {
            throw ProblemException.notFound("Resource");
        }
    }
}
