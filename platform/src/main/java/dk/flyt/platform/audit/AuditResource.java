package dk.flyt.platform.audit;

import dk.flyt.contracts.Roles;
import dk.flyt.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The agent actions and reads on a customer's data in this service, with the agent's identity (R-DATA-02). The same
 * resource in every service; reading it is itself audited.
 */
@Path("/api/v1/customers/{customerId}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "Who of the staff did or read what on a customer, and why (R-DATA-02)")
public class AuditResource {
    private final AuditTrail audit;
    private final Caller caller;

    public AuditResource(AuditTrail audit, Caller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    public record AuditView(
            Instant at, String service, String actor, String action, String target, String reason, UUID contactId) {}

    @GET
    @RolesAllowed(Roles.AGENT)
    @Operation(
            operationId = "listAuditEntries",
            summary = "Every agent action on and read of the customer, oldest first, with the contact it was made in"
                    + " (R-DATA-02). The subscription service lists those of every service; porting and billing"
                    + " their own.")
    public List<AuditView> audit(@PathParam("customerId") String customerId) {
        List<AuditView> entries = audit.ofCustomer(customerId).stream()
                .map(e -> new AuditView(
                        e.at(), e.service(), e.actor(), e.action(), e.target(), e.reason(), e.contactId()))
                .toList();
        audit.record(caller, "AUDIT_READ", customerId, null, null);
        return entries;
    }
}
