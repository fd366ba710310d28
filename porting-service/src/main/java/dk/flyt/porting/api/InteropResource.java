package dk.flyt.porting.api;

import dk.flyt.contracts.Roles;
import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.platform.problem.ProblemResponses;
import dk.flyt.platform.security.Caller;
import dk.flyt.porting.hub.HubInbox;
import dk.flyt.porting.hub.HubIngress;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The porting hub's way in, and the messages that could not be processed. A message is checked (sender, shape,
 * freshness, the sender's role in the dossier: {@code docs/hub-protocol.md}) and stored before the 202
 * acknowledgement, and processed afterwards.
 */
@Path("/api/v1/interop")
@Tag(
        name = "interop",
        description = "The other operators' and the hub's porting messages to Flyt (np-operator tokens only)")
public class InteropResource {
    private final HubIngress ingress;
    private final HubInbox inbox;
    private final Caller caller;

    public InteropResource(HubIngress ingress, HubInbox inbox, Caller caller) {
        this.ingress = ingress;
        this.inbox = inbox;
        this.caller = caller;
    }

    public record Acknowledgement(String messageId, boolean duplicate) {}

    @POST
    @Path("/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.NP_OPERATOR)
    @Operation(
            operationId = "receiveHubMessage",
            summary = "Receive a message from the porting hub or another operator",
            description = "202 once stored (duplicate=true for a message id its sender used before). 403 when the"
                    + " sender is not the token's operator or lacks the role the kind requires in the dossier; 422"
                    + " when a field the kind needs is missing, the dossier is unknown, or sentAt is outside the"
                    + " allowed clock skew. A refused message changes nothing.")
    @APIResponse(
            responseCode = "202",
            description = "Stored in the inbox, to be handled in order; duplicate true when it was stored before",
            content = @Content(schema = @Schema(implementation = Acknowledgement.class)))
    @Extension(
            name = ProblemResponses.FORBIDDEN,
            value = "no-operator,sender-mismatch,sender-is-us,not-recipient,not-donor,not-addressee,hub-only")
    @Extension(
            name = ProblemResponses.UNPROCESSABLE,
            value =
                    "invalid-message,stale-message,message-from-the-future,dossier-conflict,unknown-dossier,unknown-message")
    public Response receive(HubMessage message) {
        if (message == null) {
            throw ProblemException.badRequest("body", "is required");
        }
        String operator = caller.operatorId()
                .orElseThrow(() ->
                        ProblemException.forbidden("no-operator", "operator_id", "the token carries no operator id"));
        boolean stored = ingress.receive(message, operator);
        return Response.accepted(new Acknowledgement(message.messageId(), !stored))
                .build();
    }

    @GET
    @Path("/parked")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT)
    @Operation(
            operationId = "listParkedHubMessages",
            summary = "Hub messages that could not be processed, newest first",
            description = "Each was answered once with an ERROR to its sender and is not retried; the reason says why.")
    public List<HubInbox.Parked> parked(
            @Parameter(
                            description = "How many at most, 1 to 1000",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "1000",
                                            defaultValue = "100"))
                    @QueryParam("limit")
                    @DefaultValue("100")
                    int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.badRequest("limit", "must be 1 to 1000");
        }
        return inbox.parked(limit);
    }
}
