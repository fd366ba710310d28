package dk.flyt.porting.api;

import dk.flyt.contracts.Roles;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.porting.domain.NumberStatus;
import dk.flyt.porting.persistence.NumberHoldingEntity;
import dk.flyt.porting.persistence.NumberHoldingRepository;
import dk.flyt.porting.persistence.PortOutRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A number we hold, what may happen to it, and its port-outs: for agents. */
@Tag(name = "numbers", description = "The numbers Flyt holds, and what may happen to each (agents)")
@Path("/api/v1/numbers")
@Produces(MediaType.APPLICATION_JSON)
public class NumberResource {
    private final NumberHoldingRepository holdings;
    private final PortOutRepository portOuts;

    public NumberResource(NumberHoldingRepository holdings, PortOutRepository portOuts) {
        this.holdings = holdings;
        this.portOuts = portOuts;
    }

    public record PortOutView(
            String id, String recipientOperator, String state, LocalDate portDate, String rejectCode) {}

    public record NumberView(
            String number,
            NumberStatus status,
            String subscriptionId,
            LocalDate portableUntil,
            LocalDate windowUntil,
            LocalDate quarantineUntil,
            List<PortOutView> portOuts) {}

    @GET
    @Path("/{number}")
    @RolesAllowed(Roles.AGENT)
    @Transactional
    @Operation(
            operationId = "getNumber",
            summary = "A number we hold (+45 and 8 digits): its status, subscription, dates and port-outs")
    public NumberView get(@PathParam("number") String number) {
        NumberHoldingEntity h =
                holdings.findByIdOptional(number).orElseThrow(() -> ProblemException.notFound("Number"));
        return new NumberView(
                h.number,
                h.status,
                h.subscriptionId,
                h.portableUntil,
                h.windowUntil,
                h.quarantineUntil,
                portOuts.byNumber(number).stream()
                        .map(p -> new PortOutView(
                                p.id.toString(), p.recipientOperator, p.state.name(), p.portDate, p.rejectCode))
                        .toList());
    }
}
