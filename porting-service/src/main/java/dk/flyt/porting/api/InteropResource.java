package dk.flyt.porting.api;

import dk.flyt.contracts.Roles;
import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.platform.security.Caller;
import dk.flyt.porting.config.PortingConfig;
import dk.flyt.porting.hub.HubInbox;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The porting hub's way in. A message is stored (deduplicated by its id) before the 202 acknowledgement and
 * processed afterwards; a message that cannot be processed is answered with an ERROR message to its sender.
 */
@Path("/api/v1/interop/messages")
@Tag(name = "interop")
public class InteropResource {
    private final HubInbox inbox;
    private final Caller caller;
    private final PortingConfig config;

    public InteropResource(HubInbox inbox, Caller caller, PortingConfig config) {
        this.inbox = inbox;
        this.caller = caller;
        this.config = config;
    }

    public record Acknowledgement(String messageId, boolean duplicate) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.NP_OPERATOR)
    @Operation(summary = "Receive a message from the porting hub or another operator")
    public Response receive(HubMessage message) {
        if (message == null) {
            throw ProblemException.badRequest("body", "is required");
        }
        String operator = caller.operatorId()
                .orElseThrow(() -> new ProblemException(
                        403, "forbidden", "Forbidden", "the token carries no operator id", java.util.List.of()));
        if (!operator.equals(message.sender())) {
            throw new ProblemException(
                    403,
                    "sender-mismatch",
                    "Forbidden",
                    "an operator may only send messages as itself",
                    java.util.List.of(
                            new dk.flyt.platform.problem.Problem.FieldError("sender", "must be " + operator)));
        }
        if (message.messageId().isBlank()) {
            throw ProblemException.badRequest("messageId", "must not be blank");
        }
        if (message.recipient() != null && !message.recipient().equals(config.operatorId())) {
            throw ProblemException.badRequest("recipient", "must be " + config.operatorId() + " or absent");
        }
        if (message.version() != HubMessage.VERSION) {
            throw ProblemException.badRequest("version", "must be " + HubMessage.VERSION);
        }
        boolean stored = inbox.store(message);
        return Response.accepted(new Acknowledgement(message.messageId(), !stored))
                .build();
    }
}
