package dk.flyt.messaging.deadletter;

import dk.flyt.contracts.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The messages this service's consumers gave up on, for the agents' queue. The same resource in every service that
 * consumes events; the console asks each service directly (the gateway routes no client to it).
 */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "What waits for a person because no saga will finish it by itself")
public class DeadLetterResource {
    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @RolesAllowed(Roles.AGENT)
    @Transactional
    @Operation(
            operationId = "listDeadLetters",
            summary = "The messages this service's consumers sent to a dead-letter topic, newest first",
            description = "At most limit (1 to 500, 100 by default). Ids, types, the customer the message names and"
                    + " why it was given up on; never the message itself.")
    public List<DeadLetters.DeadLetter> newest(
            @Parameter(
                            description = "How many at most, 1 to 500",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "500",
                                            defaultValue = "100"))
                    @QueryParam("limit")
                    String limit,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo query) {
        return deadLetters.newest(dk.flyt.platform.json.Limit.of(query, 100, 500));
    }
}
