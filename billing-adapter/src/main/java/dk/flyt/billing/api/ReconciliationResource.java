package dk.flyt.billing.api;

import dk.flyt.billing.application.Reconciliations;
import dk.flyt.contracts.Roles;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.platform.problem.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reconciles a month's charges with what the terms schedules say they should be. */
@Path("/api/v1/reconciliations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "reconciliations",
        description = "Settlement files from the payment provider matched against the ledger, and the differences")
public class ReconciliationResource {
    private final Reconciliations reconciliations;

    public ReconciliationResource(Reconciliations reconciliations) {
        this.reconciliations = reconciliations;
    }

    public record ReconciliationRequest(String month) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BILLING_ADMIN)
    @Operation(
            operationId = "reconcileSettlement",
            summary = "Reconcile a month (YYYY-MM)",
            description = "Recomputes from the schedules what every subscription should have been charged for the"
                    + " month and answers each one whose ledger entries differ, with the amounts in øre.")
    @APIResponse(
            responseCode = "201",
            description = "The reconciliation and its differences; Location is its address",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = Reconciliations.Result.class)))
    @Extension(name = ProblemResponses.UNPROCESSABLE, value = "month-not-begun")
    public Response reconcile(ReconciliationRequest request, UriInfo uri) {
        YearMonth month = ChargeRunResource.month(request == null ? null : request.month());
        Reconciliations.Result result = reconciliations.reconcile(month);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(result.id().toString())
                        .build())
                .entity(result)
                .build();
    }

    @GET
    @Path("/differences")
    @RolesAllowed({Roles.BILLING_ADMIN, Roles.AGENT})
    @Operation(
            operationId = "listReconciliationDifferences",
            summary = "The differences still open: those of the latest reconciliation of each of the last 12 months",
            description = "Newest month first, at most limit (1 to 500, 100 by default); amounts in øre. For the"
                    + " agents' queue and finance; a later reconciliation of a month that finds none clears it.")
    public List<Reconciliations.Open> differences(
            @Parameter(
                            description = "How many at most, 1 to 500",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "500",
                                            defaultValue = "100"))
                    @QueryParam("limit")
                    String limit,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo query) {
        return reconciliations.open(12, dk.flyt.platform.json.Limit.of(query, 100, 500));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.BILLING_ADMIN)
    @Operation(operationId = "getReconciliation", summary = "A reconciliation and its differences")
    public Reconciliations.Result get(@PathParam("id") UUID id) {
        return reconciliations.find(id).orElseThrow(() -> ProblemException.notFound("Reconciliation"));
    }
}
