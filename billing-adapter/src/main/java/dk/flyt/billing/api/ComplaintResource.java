package dk.flyt.billing.api;

import dk.flyt.billing.application.Complaints;
import dk.flyt.billing.persistence.AccountRepository;
import dk.flyt.contracts.Roles;
import dk.flyt.platform.idempotency.IdempotencyFilter;
import dk.flyt.platform.idempotency.Idempotent;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.platform.problem.ProblemResponses;
import dk.flyt.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Complaints about a bill (R-CMPL-01): an agent opens one with the disputed amount; it is acknowledged within 14
 * days and decided within 3 months (6 when special); the amount is not collected meanwhile. Rooted at the account's
 * complaints, so that the account resources' paths do not hide it; the overdue list is {@link OverdueComplaints}.
 */
@Path("/api/v1/accounts/{customerId}/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "complaints", description = ComplaintResource.TAG_DOC)
public class ComplaintResource {
    /** The OpenAPI tag\'s description. */
    static final String TAG_DOC =
            "Billing complaints: opened, acknowledged, decided in time (R-BILL-*); the disputed amount is held";

    static final long MAX_AMOUNT_ORE = dk.flyt.platform.json.Amounts.MAX_ORE;

    private final Complaints complaints;
    private final AccountRepository accounts;
    private final dk.flyt.platform.audit.AuditTrail audit;
    private final Caller caller;

    public ComplaintResource(
            Complaints complaints, AccountRepository accounts, dk.flyt.platform.audit.AuditTrail audit, Caller caller) {
        this.complaints = complaints;
        this.accounts = accounts;
        this.audit = audit;
        this.caller = caller;
    }

    /** {@code amount} in øre: what the customer disputes (0 when the complaint is not about an amount). */
    public record OpenComplaint(
            @NotNull @PositiveOrZero @Max(MAX_AMOUNT_ORE) Long amount,
            @NotBlank @Size(max = 500) String reason,
            Boolean special) {}

    public record Decision(
            @NotNull Complaints.Outcome outcome,
            @PositiveOrZero @Max(MAX_AMOUNT_ORE) Long credit) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT)
    @Operation(
            operationId = "openComplaint",
            summary = "Open a complaint; the disputed amount is not collected until it is decided")
    @APIResponse(
            responseCode = "201",
            description = "The complaint, opened; Location is its address",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = Complaints.Complaint.class)))
    @Extension(name = ProblemResponses.CONFLICT, value = "complaint-id-taken,complaint-decided")
    @Idempotent
    @Parameter(name = IdempotencyFilter.HEADER, in = ParameterIn.HEADER, description = IdempotencyFilter.DOC)
    public Response open(@PathParam("customerId") String customerId, @Valid @NotNull OpenComplaint body, UriInfo uri) {
        accounts.findByIdOptional(customerId).orElseThrow(() -> ProblemException.notFound("Account"));
        audit.authorize(caller, customerId);
        Complaints.Complaint c = complaints.open(
                null, customerId, body.amount(), body.reason(), Boolean.TRUE.equals(body.special()), caller.subject());
        audit.record(caller, "COMPLAINT_OPENED", customerId, c.id(), null);
        return Response.created(uri.getAbsolutePathBuilder().path(c.id()).build())
                .entity(c)
                .build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.CUSTOMER})
    @Operation(
            operationId = "listComplaints",
            summary = "The account's complaints, oldest first (a customer sees only their own)")
    public List<Complaints.Complaint> ofAccount(@PathParam("customerId") String customerId) {
        caller.requireAccessToCustomer(customerId, "Account");
        audit.record(caller, "COMPLAINTS_READ", customerId, null, null);
        return complaints.ofCustomer(customerId);
    }

    @POST
    @Path("/{id}/acknowledgement")
    @RolesAllowed(Roles.AGENT)
    @Operation(
            operationId = "acknowledgeComplaint",
            summary = "The customer was told the complaint is received (within 14 days)")
    @Extension(name = ProblemResponses.CONFLICT, value = "complaint-decided")
    @Idempotent
    @Parameter(name = IdempotencyFilter.HEADER, in = ParameterIn.HEADER, description = IdempotencyFilter.DOC)
    public Complaints.Complaint acknowledge(@PathParam("customerId") String customerId, @PathParam("id") String id) {
        audit.authorize(caller, customerId);
        Complaints.Complaint c = complaints.acknowledge(customerId, id, caller.subject());
        audit.record(caller, "COMPLAINT_ACKNOWLEDGED", customerId, id, null);
        return c;
    }

    @POST
    @Path("/{id}/special")
    @RolesAllowed(Roles.AGENT)
    @Operation(
            operationId = "markComplaintSpecial",
            summary = "Mark the complaint a special case: 6 months from its opening to decide it")
    @Extension(name = ProblemResponses.CONFLICT, value = "complaint-decided")
    @Idempotent
    @Parameter(name = IdempotencyFilter.HEADER, in = ParameterIn.HEADER, description = IdempotencyFilter.DOC)
    public Complaints.Complaint special(@PathParam("customerId") String customerId, @PathParam("id") String id) {
        audit.authorize(caller, customerId);
        Complaints.Complaint c = complaints.markSpecial(customerId, id);
        audit.record(caller, "COMPLAINT_MARKED_SPECIAL", customerId, id, null);
        return c;
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT)
    @Operation(
            operationId = "decideComplaint",
            summary = "Decide the complaint",
            description = "UPHELD credits the account (the disputed amount, or credit if given);"
                    + " REJECTED releases the amount to collection.")
    @Extension(name = ProblemResponses.CONFLICT, value = "complaint-decided")
    @Idempotent
    @Parameter(name = IdempotencyFilter.HEADER, in = ParameterIn.HEADER, description = IdempotencyFilter.DOC)
    public Complaints.Complaint decide(
            @PathParam("customerId") String customerId, @PathParam("id") String id, @Valid @NotNull Decision body) {
        audit.authorize(caller, customerId);
        Complaints.Complaint c = complaints.decide(customerId, id, body.outcome(), body.credit(), caller.subject());
        audit.record(caller, "COMPLAINT_DECIDED", customerId, id, body.outcome().name());
        return c;
    }
}
