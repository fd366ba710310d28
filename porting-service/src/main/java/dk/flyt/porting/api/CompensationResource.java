package dk.flyt.porting.api;

import dk.flyt.contracts.Roles;
import dk.flyt.platform.audit.AuditTrail;
import dk.flyt.platform.idempotency.IdempotencyFilter;
import dk.flyt.platform.idempotency.Idempotent;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.platform.problem.ProblemResponses;
import dk.flyt.platform.security.Caller;
import dk.flyt.porting.application.CompensationService;
import dk.flyt.porting.domain.CompensationKind;
import dk.flyt.porting.persistence.CompensationEntity;
import dk.flyt.porting.persistence.CompensationRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Compensation for porting faults (R-COMP-01..05): granted automatically for late ports, or claimed by an agent. */
@Path("/api/v1/compensations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "compensations", description = "Compensation to customers for a port that went wrong or late (R-COMP-*)")
public class CompensationResource {
    private final CompensationService service;
    private final CompensationRepository compensations;
    private final Caller caller;
    private final AuditTrail audit;

    public CompensationResource(
            CompensationService service, CompensationRepository compensations, Caller caller, AuditTrail audit) {
        this.service = service;
        this.compensations = compensations;
        this.caller = caller;
        this.audit = audit;
    }

    /**
     * A claim: the kind, the customer, the port case (a port-in or port-out id of that customer) and, optionally, when
     * the fault started and was fixed; they default to the case's own dates and must lie within them. The amount is
     * the rules'.
     */
    public record ClaimRequest(
            @NotNull CompensationKind kind,
            @NotBlank String customerId,
            @NotBlank String caseId,
            String number,
            Instant faultStartedAt,
            Instant faultFixedAt) {}

    /**
     * {@code amount} in øre. {@code origin} is {@code AUTOMATIC}, or for a claim the agent who filed it: agents see
     * who, a customer sees "customer service" (the security issue: customer views name a role, never staff).
     */
    public record CompensationView(
            UUID id,
            String customerId,
            CompensationKind kind,
            String caseId,
            String number,
            Instant faultStartedAt,
            Instant faultFixedAt,
            long amount,
            String origin,
            Instant grantedAt) {
        static CompensationView of(CompensationEntity c, boolean staffView) {
            return new CompensationView(
                    c.id,
                    c.customerId,
                    c.kind,
                    c.caseId,
                    c.number,
                    c.faultStartedAt,
                    c.faultFixedAt,
                    c.amountOre,
                    staffView || CompensationService.AUTOMATIC.equals(c.origin) ? c.origin : "customer service",
                    c.grantedAt);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT)
    @Operation(
            operationId = "claimCompensation",
            summary = "File a compensation claim for a customer's port case (R-COMP-01..04)",
            description = "The amount follows from the rules and the case's dates. 201 with the grant; 200 with the"
                    + " earlier grant when the case was compensated for the kind already (automatically or by a claim);"
                    + " 422 naming the field when the case is not the customer's, the kind or the dates do not fit the"
                    + " case, the fault is not fixed, or the claim is later than 30 days after the fix. Audited.")
    @APIResponse(
            responseCode = "201",
            description = "The compensation, granted now",
            content = @Content(schema = @Schema(implementation = CompensationView.class)))
    @APIResponse(
            responseCode = "200",
            description = "The earlier grant for this case and kind: nothing is granted twice",
            content = @Content(schema = @Schema(implementation = CompensationView.class)))
    @Extension(
            name = ProblemResponses.UNPROCESSABLE,
            value =
                    "outside-the-case,claim-too-late,no-compensation-due,kind-does-not-fit,fault-not-fixed,unknown-case")
    @Idempotent
    @Parameter(name = IdempotencyFilter.HEADER, in = ParameterIn.HEADER, description = IdempotencyFilter.DOC)
    public Response claim(@Valid @NotNull ClaimRequest r) {
        audit.authorize(caller, r.customerId());
        CompensationService.Granted g;
        try {
            g = service.claim(
                    r.kind(), r.customerId(), r.caseId(), r.faultStartedAt(), r.faultFixedAt(), caller.subject());
        } catch (ProblemException refused) {
            audit.record(
                    caller, "COMPENSATION_CLAIM_REFUSED", r.customerId(), r.caseId(), r.kind() + ": " + refused.slug());
            throw refused;
        }
        audit.record(
                caller,
                "COMPENSATION_CLAIMED",
                r.customerId(),
                r.caseId(),
                r.kind() + (g.isNew() ? ", granted " + g.compensation().amountOre + " øre" : ", granted before"));
        return Response.status(g.isNew() ? 201 : 200)
                .entity(CompensationView.of(g.compensation(), true))
                .build();
    }

    /** {@code amount} in øre: what a claim with the same body would grant; {@code grantedBefore} its earlier grant. */
    public record QuoteView(
            CompensationKind kind,
            String caseId,
            String number,
            Instant faultStartedAt,
            Instant faultFixedAt,
            long amount,
            CompensationView grantedBefore) {}

    @POST
    @Path("/quotes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT)
    @Operation(
            operationId = "quoteCompensation",
            summary = "What a claim would grant, before it is filed (R-COMP-01..04)",
            description = "The same body as a claim; nothing is granted. 200 with the amount the rules give and the"
                    + " dates it is worked out from (defaulted to the case's own), and the earlier grant when the case was"
                    + " compensated for the kind already; 422 naming the field for what a claim would be refused for.")
    @Extension(
            name = ProblemResponses.UNPROCESSABLE,
            value =
                    "outside-the-case,claim-too-late,no-compensation-due,kind-does-not-fit,fault-not-fixed,unknown-case")
    public QuoteView quote(@Valid @NotNull ClaimRequest r) {
        audit.authorize(caller, r.customerId());
        CompensationService.Quote q =
                service.quote(r.kind(), r.customerId(), r.caseId(), r.faultStartedAt(), r.faultFixedAt());
        return new QuoteView(
                q.kind(),
                q.caseId(),
                q.number(),
                q.faultStartedAt(),
                q.faultFixedAt(),
                q.grantedBefore().map(c -> c.amountOre).orElse(q.amountOre()),
                q.grantedBefore().map(c -> CompensationView.of(c, true)).orElse(null));
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.CUSTOMER})
    @Transactional
    @Operation(operationId = "listCompensations", summary = "A customer's compensations")
    @Extension(name = ProblemResponses.NOT_FOUND, value = "not-found")
    public List<CompensationView> ofCustomer(@QueryParam("customerId") String customerId) {
        if (customerId == null || customerId.isBlank()) {
            throw ProblemException.badRequest("customerId", "is required");
        }
        caller.requireAccessToCustomer(customerId, "Customer");
        audit.record(caller, "COMPENSATIONS_READ", customerId, null, null);
        return compensations.ofCustomer(customerId).stream()
                .map(c -> CompensationView.of(c, !caller.isOnlyCustomer()))
                .toList();
    }
}
