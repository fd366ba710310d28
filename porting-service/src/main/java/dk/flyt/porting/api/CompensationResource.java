package dk.flyt.porting.api;

import dk.flyt.contracts.Roles;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Compensation for porting faults (R-COMP-01..05): granted automatically for late ports, or claimed by an agent. */
@Path("/api/v1/compensations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "compensations")
public class CompensationResource {
    private final CompensationService service;
    private final CompensationRepository compensations;
    private final Caller caller;

    public CompensationResource(CompensationService service, CompensationRepository compensations, Caller caller) {
        this.service = service;
        this.compensations = compensations;
        this.caller = caller;
    }

    public record ClaimRequest(
            @NotNull CompensationKind kind,
            @NotBlank String customerId,
            @NotBlank String caseId,
            String number,
            @NotNull Instant faultStartedAt,
            @NotNull Instant faultFixedAt) {}

    /** {@code amount} in øre. */
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
        static CompensationView of(CompensationEntity c) {
            return new CompensationView(
                    c.id,
                    c.customerId,
                    c.kind,
                    c.caseId,
                    c.number,
                    c.faultStartedAt,
                    c.faultFixedAt,
                    c.amountOre,
                    c.origin,
                    c.grantedAt);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "File a compensation claim for a customer; refused after 30 days (R-COMP-04)")
    public Response claim(@Valid @NotNull ClaimRequest r) {
        CompensationEntity c = service.claim(
                r.kind(),
                r.customerId(),
                r.caseId(),
                r.number(),
                r.faultStartedAt(),
                r.faultFixedAt(),
                caller.subject());
        return Response.status(201).entity(CompensationView.of(c)).build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.CUSTOMER})
    @Transactional
    @Operation(summary = "A customer's compensations")
    public List<CompensationView> ofCustomer(@QueryParam("customerId") String customerId) {
        if (customerId == null || customerId.isBlank()) {
            throw dk.flyt.platform.problem.ProblemException.badRequest("customerId", "is required");
        }
        caller.requireAccessToCustomer(customerId, "Customer");
        return compensations.ofCustomer(customerId).stream()
                .map(CompensationView::of)
                .toList();
    }
}
