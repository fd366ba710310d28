package dk.flyt.billing.api;

import dk.flyt.billing.application.Complaints;
import dk.flyt.contracts.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The agents' queue of complaints past a deadline (R-CMPL-01). */
@Path("/api/v1/complaints/overdue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "complaints", description = ComplaintResource.TAG_DOC)
public class OverdueComplaints {
    private final Complaints complaints;

    public OverdueComplaints(Complaints complaints) {
        this.complaints = complaints;
    }

    @GET
    @RolesAllowed(Roles.AGENT)
    @Operation(
            operationId = "listOverdueComplaints",
            summary = "Open complaints past their acknowledgement or decision deadline, oldest first")
    public List<Complaints.Complaint> overdue() {
        return complaints.overdue();
    }
}
