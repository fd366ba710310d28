package dk.flyt.porting.api;

import dk.flyt.contracts.Roles;
import dk.flyt.platform.audit.AuditTrail;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The agent actions on a customer's porting matters (compensation claims), with the agent's identity. */
@Path("/api/v1/customers/{customerId}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class AuditResource {
    private final AuditTrail audit;

    public AuditResource(AuditTrail audit) {
        this.audit = audit;
    }

    public record AuditView(Instant at, String actor, String action, String target, String reason) {}

    @GET
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Every agent action on the customer in the porting service (R-DATA-02)")
    public List<AuditView> audit(@PathParam("customerId") String customerId) {
        return audit.ofCustomer(customerId).stream()
                .map(e -> new AuditView(e.at(), e.actor(), e.action(), e.target(), e.reason()))
                .toList();
    }
}
