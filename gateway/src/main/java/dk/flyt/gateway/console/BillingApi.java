package dk.flyt.gateway.console;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The billing adapter's API as the console calls it, with the logged-in agent's own access token. */
@RegisterRestClient(configKey = "billing")
@AccessToken
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface BillingApi {
    @GET
    @Path("/accounts/{customerId}")
    Response account(
            @PathParam("customerId") String customerId, @HeaderParam(ServiceAnswer.CONTACT_HEADER) UUID contactId);

    @GET
    @Path("/accounts/{customerId}/entries")
    Response entries(
            @PathParam("customerId") String customerId, @HeaderParam(ServiceAnswer.CONTACT_HEADER) UUID contactId);

    /** The page's one read here: account, ledger, complaints and the new-SIM fee. */
    @GET
    @Path("/accounts/{customerId}/overview")
    CompletionStage<Response> overview(
            @PathParam("customerId") String customerId, @HeaderParam(ServiceAnswer.CONTACT_HEADER) UUID contactId);

    /** Complaints past a deadline, across customers. */
    @GET
    @Path("/complaints/overdue")
    CompletionStage<Response> overdueComplaints();

    @POST
    @Path("/accounts/{customerId}/complaints")
    @Consumes(MediaType.APPLICATION_JSON)
    Response openComplaint(
            @PathParam("customerId") String customerId,
            @HeaderParam(ServiceAnswer.CONTACT_HEADER) UUID contactId,
            @HeaderParam(ServiceAnswer.IDEMPOTENCY_KEY) String key,
            Map<String, Object> body);

    @POST
    @Path("/accounts/{customerId}/complaints/{complaintId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    Response decideComplaint(
            @PathParam("customerId") String customerId,
            @PathParam("complaintId") String complaintId,
            @HeaderParam(ServiceAnswer.CONTACT_HEADER) UUID contactId,
            @HeaderParam(ServiceAnswer.IDEMPOTENCY_KEY) String key,
            Map<String, Object> body);

    /** The messages this service's consumers gave up on (sent to a dead-letter topic), newest first. */
    @GET
    @Path("/dead-letters")
    CompletionStage<Response> deadLetters(@QueryParam("limit") int limit);

    /** The differences the latest reconciliation of each recent month found. */
    @GET
    @Path("/reconciliations/differences")
    CompletionStage<Response> reconciliationDifferences(@QueryParam("limit") int limit);
}
