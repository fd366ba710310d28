package dk.flyt.billing.api;

import dk.flyt.billing.application.ChargeRuns;
import dk.flyt.billing.persistence.ChargeRunEntity;
import dk.flyt.billing.persistence.ChargeRunRepository;
import dk.flyt.contracts.Roles;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.platform.problem.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The monthly charge run (R-BILL-01, R-BILL-08): start or resume it for a month, and watch its progress. */
@Path("/api/v1/charge-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "charge-runs",
        description = "The monthly charge run: one run per month, resumable, each charge booked once")
public class ChargeRunResource {
    private final ChargeRuns chargeRuns;
    private final ChargeRunRepository runs;

    public ChargeRunResource(ChargeRuns chargeRuns, ChargeRunRepository runs) {
        this.chargeRuns = chargeRuns;
        this.runs = runs;
    }

    public record StartRequest(String month) {}

    public record ChargeRunView(
            UUID id,
            String month,
            String status,
            int total,
            int done,
            int charged,
            int failures,
            Instant startedAt,
            Instant finishedAt) {
        static ChargeRunView of(ChargeRunEntity r) {
            return new ChargeRunView(
                    r.id,
                    YearMonth.from(r.month).toString(),
                    r.status,
                    r.total,
                    r.done,
                    r.charged,
                    r.failures,
                    r.startedAt,
                    r.finishedAt);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BILLING_ADMIN)
    @Operation(
            operationId = "startChargeRun",
            summary = "Start the charge run for a month (YYYY-MM); a finished run is not repeated",
            description = "Also runs any earlier month that had live subscriptions and never finished its run. A month"
                    + " that has not begun is refused (422).")
    @APIResponse(
            responseCode = "202",
            description = "The run, started or resumed; Location is its address",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = ChargeRunView.class)))
    @Extension(name = ProblemResponses.UNPROCESSABLE, value = "month-not-begun")
    public Response start(StartRequest request, UriInfo uri) {
        YearMonth month = month(request == null ? null : request.month());
        UUID id = chargeRuns.start(month);
        return Response.accepted(view(id))
                .location(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.BILLING_ADMIN)
    @Operation(operationId = "getChargeRun", summary = "A charge run's progress")
    public ChargeRunView get(@PathParam("id") UUID id) {
        return view(id);
    }

    @Transactional
    ChargeRunView view(UUID id) {
        return runs.findByIdOptional(id)
                .map(ChargeRunView::of)
                .orElseThrow(() -> ProblemException.notFound("Charge run"));
    }

    static YearMonth month(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("month", "is required (YYYY-MM)");
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("month", "is not a month of the form YYYY-MM");
        }
    }
}
