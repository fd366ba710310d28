package dk.flyt.gateway.console;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The porting service's API as the console calls it, with the logged-in agent's own access token. */
@RegisterRestClient(configKey = "porting")
@AccessToken
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface PortingApi {
    /** The page's one read here: the customer's compensations. */
    @GET
    @Path("/compensations")
    CompletionStage<Response> compensations(
            @QueryParam("customerId") String customerId, @HeaderParam(ServiceAnswer.CONTACT_HEADER) UUID contactId);

    /** What a claim would grant, before the agent confirms it. */
    @POST
    @Path("/compensations/quotes")
    @Consumes(MediaType.APPLICATION_JSON)
    Response quote(@HeaderParam(ServiceAnswer.CONTACT_HEADER) UUID contactId, Map<String, Object> body);

    @POST
    @Path("/compensations")
    @Consumes(MediaType.APPLICATION_JSON)
    Response claim(
            @HeaderParam(ServiceAnswer.CONTACT_HEADER) UUID contactId,
            @HeaderParam(ServiceAnswer.IDEMPOTENCY_KEY) String key,
            Map<String, Object> body);

    /** Hub messages parked for a person, across customers. */
    @GET
    @Path("/interop/parked")
    CompletionStage<Response> parked(@QueryParam("limit") int limit);

    /** The messages this service's consumers gave up on (sent to a dead-letter topic), newest first. */
    @GET
    @Path("/dead-letters")
    CompletionStage<Response> deadLetters(@QueryParam("limit") int limit);
}
