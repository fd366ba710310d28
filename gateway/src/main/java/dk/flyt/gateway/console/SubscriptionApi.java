package dk.flyt.gateway.console;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The subscription service's API as the console calls it: every call carries the logged-in agent's own access token
 * ({@link AccessToken}), so the service validates, authorises and audits the real agent. Answers are read by
 * {@link ServiceAnswer}, whatever their status.
 */
@RegisterRestClient(configKey = "subscription")
@AccessToken
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface SubscriptionApi {
    @GET
    @Path("/customers/{customerId}/contacts")
    Response contacts(@PathParam("customerId") String customerId);

    @POST
    @Path("/customers/{customerId}/contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    Response openContact(
            @PathParam("customerId") String customerId,
            @HeaderParam(ServiceAnswer.IDEMPOTENCY_KEY) String key,
            Map<String, Object> body);

    @POST
    @Path("/customers/{customerId}/contacts/{contactId}/close")
    Response closeContact(@PathParam("customerId") String customerId, @PathParam("contactId") UUID contactId);

    @GET
    @Path("/customers/{customerId}/audit")
    Response audit(
            @PathParam("customerId") String customerId, @HeaderParam(ServiceAnswer.CONTACT_HEADER) UUID contactId);

    @GET
    @Path("/orders/{orderId}")
    Response order(@PathParam("orderId") String orderId);

    @POST
    @Path("/customers/search")
    @Consumes(MediaType.APPLICATION_JSON)
    Response search(Map<String, Object> body);

    /** {@code revealReason}: the CPR number whole, audited with the reason; null for it masked. */
    @GET
    @Path("/customers/{customerId}")
    Response customer(
            @PathParam("customerId") String customerId,
            @HeaderParam(ServiceAnswer.CONTACT_HEADER) UUID contactId,
            @HeaderParam("X-Reveal-Reason") String revealReason);

    @GET
    @Path("/customers/{customerId}/timeline")
    Response timeline(
            @PathParam("customerId") String customerId, @HeaderParam(ServiceAnswer.CONTACT_HEADER) UUID contactId);

    @GET
    @Path("/customers/{customerId}/subscriptions")
    Response subscriptions(
            @PathParam("customerId") String customerId, @HeaderParam(ServiceAnswer.CONTACT_HEADER) UUID contactId);

    /** The page's one read here: profile, subscriptions, orders, timeline, audit and the plans on sale. */
    @GET
    @Path("/customers/{customerId}/overview")
    CompletionStage<Response> overview(
            @PathParam("customerId") String customerId,
            @HeaderParam(ServiceAnswer.CONTACT_HEADER) UUID contactId,
            @HeaderParam("X-Reveal-Reason") String revealReason);

    /** The orders waiting for a person, across customers. */
    @GET
    @Path("/orders")
    CompletionStage<Response> waiting(@QueryParam("status") List<String> status, @QueryParam("limit") int limit);

    @POST
    @Path("/orders/{orderId}/lines/{lineId}/port-in-correction")
    @Consumes(MediaType.APPLICATION_JSON)
    Response correctPortIn(
            @PathParam("orderId") String orderId,
            @PathParam("lineId") String lineId,
            @HeaderParam(ServiceAnswer.CONTACT_HEADER) UUID contactId,
            @HeaderParam(ServiceAnswer.IDEMPOTENCY_KEY) String key,
            Map<String, Object> body);

    @POST
    @Path("/orders/{orderId}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    Response withdraw(
            @PathParam("orderId") String orderId,
            @HeaderParam(ServiceAnswer.CONTACT_HEADER) UUID contactId,
            @HeaderParam(ServiceAnswer.IDEMPOTENCY_KEY) String key,
            Map<String, Object> body);

    @POST
    @Path("/subscriptions/{id}/plan-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    Response changePlan(
            @PathParam("id") String subscriptionId,
            @HeaderParam(ServiceAnswer.CONTACT_HEADER) UUID contactId,
            @HeaderParam(ServiceAnswer.IDEMPOTENCY_KEY) String key,
            Map<String, Object> body);

    @DELETE
    @Path("/subscriptions/{id}/plan-changes/{changeId}")
    Response cancelPlanChange(
            @PathParam("id") String subscriptionId,
            @PathParam("changeId") String changeId,
            @HeaderParam(ServiceAnswer.CONTACT_HEADER) UUID contactId,
            @HeaderParam(ServiceAnswer.IDEMPOTENCY_KEY) String key);

    @POST
    @Path("/subscriptions/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    Response cancel(
            @PathParam("id") String subscriptionId,
            @HeaderParam(ServiceAnswer.CONTACT_HEADER) UUID contactId,
            @HeaderParam(ServiceAnswer.IDEMPOTENCY_KEY) String key,
            Map<String, Object> body);

    @POST
    @Path("/subscriptions/{id}/block")
    Response block(
            @PathParam("id") String subscriptionId,
            @HeaderParam(ServiceAnswer.CONTACT_HEADER) UUID contactId,
            @HeaderParam(ServiceAnswer.IDEMPOTENCY_KEY) String key);

    @POST
    @Path("/subscriptions/{id}/unblock")
    @Consumes(MediaType.APPLICATION_JSON)
    Response unblock(
            @PathParam("id") String subscriptionId,
            @HeaderParam(ServiceAnswer.CONTACT_HEADER) UUID contactId,
            @HeaderParam(ServiceAnswer.IDEMPOTENCY_KEY) String key,
            Map<String, Object> body);

    @POST
    @Path("/subscriptions/{id}/ownership-transfers")
    @Consumes(MediaType.APPLICATION_JSON)
    Response transfer(
            @PathParam("id") String subscriptionId,
            @HeaderParam(ServiceAnswer.CONTACT_HEADER) UUID contactId,
            @HeaderParam(ServiceAnswer.IDEMPOTENCY_KEY) String key,
            Map<String, Object> body);

    /** The messages this service's consumers gave up on (sent to a dead-letter topic), newest first. */
    @GET
    @Path("/dead-letters")
    CompletionStage<Response> deadLetters(@QueryParam("limit") int limit);
}
