package dk.flyt.porting.api;

import dk.flyt.contracts.Roles;
import dk.flyt.platform.audit.AuditTrail;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.platform.security.Caller;
import dk.flyt.porting.domain.PortInState;
import dk.flyt.porting.persistence.PortInEntity;
import dk.flyt.porting.persistence.PortInRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Port-in cases with their timeline, for agents and for the customer whose number it is: when it was executed, which
 * networks confirmed they route the number to us (R-PORT-06) and when it completed. A timeline line whose
 * {@code from} equals its {@code to} is a note (a refused donor date, a network's routing).
 */
@Path("/api/v1/port-ins")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "port-ins", description = "Port-in cases as the hub sees them: state, port date, rejections")
public class PortInResource {
    private final PortInRepository portIns;
    private final Caller caller;
    private final AuditTrail audit;

    public PortInResource(PortInRepository portIns, Caller caller, AuditTrail audit) {
        this.audit = audit;
        this.portIns = portIns;
        this.caller = caller;
    }

    /** {@code from} is null for the case's first state. */
    public record Transition(
            Instant at,

            @org.eclipse.microprofile.openapi.annotations.media.Schema(
                    nullable = true,
                    description = "The state before; null for the case's first")
            PortInState from,

            PortInState to,
            String cause) {}

    public record PortInView(
            UUID id,
            String orderId,
            String lineId,
            String customerId,
            String number,
            String donorOperator,
            String mode,
            LocalDate termEndsOn,
            LocalDate shippedOn,
            LocalDate portDate,
            PortInState state,
            String rejectCode,
            Instant executedAt,
            Map<String, Instant> routing,
            Instant completedAt,
            List<Transition> timeline) {
        static PortInView of(PortInEntity e) {
            return new PortInView(
                    e.id,
                    e.orderId,
                    e.lineId,
                    e.customerId,
                    e.number,
                    e.donorOperator,
                    e.mode,
                    e.termEndsOn,
                    e.shippedOn,
                    e.portDate,
                    e.state,
                    e.rejectCode,
                    e.executedAt,
                    new TreeMap<>(e.routing),
                    e.completedAt,
                    e.timeline.stream()
                            .map(t -> new Transition(
                                    t.at,
                                    t.fromState == null ? null : PortInState.valueOf(t.fromState),
                                    PortInState.valueOf(t.toState),
                                    t.cause))
                            .toList());
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AGENT, Roles.CUSTOMER})
    @Transactional
    @Operation(operationId = "getPortIn", summary = "A port-in case and its timeline (a customer sees only their own)")
    public PortInView get(@PathParam("id") UUID id) {
        PortInEntity e = portIns.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Port-in"));
        caller.requireAccessToCustomer(e.customerId, "Port-in");
        audit.record(caller, "PORT_IN_READ", e.customerId, id.toString(), null);
        return PortInView.of(e);
    }

    @GET
    @RolesAllowed(Roles.AGENT)
    @Transactional
    @Operation(operationId = "findPortIns", summary = "Port-in cases for a number, newest first")
    public List<PortInView> byNumber(@QueryParam("number") String number) {
        if (number == null || number.isBlank()) {
            throw ProblemException.badRequest("number", "is required");
        }
        return portIns.byNumber(number).stream().map(PortInView::of).toList();
    }
}
