package dk.flyt.gateway.console;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
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
}
