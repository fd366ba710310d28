package dk.flyt.subscription.api;

import dk.flyt.contracts.Roles;
import dk.flyt.platform.security.Caller;
import dk.flyt.subscription.application.ConsentService;
import dk.flyt.subscription.domain.Consent;
import dk.flyt.subscription.domain.ContactChannel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Consents to outbound sales contact (R-ORD-09). Agents record them; customers see and withdraw their own. */
@Path("/api/v1/customers/{customerId}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "consents",
        description = "A customer's consents (marketing, credit check), given and withdrawn with their evidence")
public class ConsentResource {
    private final ConsentService consents;
    private final dk.flyt.platform.audit.AuditTrail audit;
    private final Caller caller;
    private final Clock clock;

    public ConsentResource(
            ConsentService consents, dk.flyt.platform.audit.AuditTrail audit, Caller caller, Clock clock) {
        this.consents = consents;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    public record ConsentRequest(
            @NotNull ContactChannel channel,
            @NotBlank @Size(max = 40) String wordingVersion,
            Instant givenAt) {}

    /** {@code selfService}: the customer gave it through their own login rather than to an agent. */
    public record ConsentView(
            UUID id,
            String customerId,
            ContactChannel channel,
            String wordingVersion,
            Instant givenAt,
            Instant withdrawnAt,
            boolean active,
            boolean selfService) {
        static ConsentView of(Consent c, Instant now) {
            return new ConsentView(
                    c.id(),
                    c.customerId(),
                    c.channel(),
                    c.wordingVersion(),
                    c.givenAt(),
                    c.withdrawnAt(),
                    c.isActiveAt(now),
                    c.isSelfService());
        }
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.CUSTOMER})
    @Operation(operationId = "listConsents", summary = "The customer's consents, given and withdrawn")
    public List<ConsentView> list(@PathParam("customerId") String customerId) {
        caller.requireAccessToCustomer(customerId, "Customer");
        audit.record(caller, "CONSENTS_READ", customerId, null, null);
        Instant now = clock.instant();
        return consents.ofCustomer(customerId).stream()
                .map(c -> ConsentView.of(c, now))
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.CUSTOMER})
    @Operation(
            operationId = "giveConsent",
            summary = "Record a consent to outbound sales contact",
            description =
                    "For an existing customer (404 otherwise); givenAt not in the future and at most"
                            + " flyt.subscription.consent-max-age (7 days) back. Who recorded it is kept: an outbound sale by"
                            + " the agent who recorded it in the same contact is refused, unless the customer recorded it themself (R-ORD-09).")
    @APIResponse(
            responseCode = "201",
            description = "The consent, recorded; Location is its address",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = ConsentView.class)))
    public Response give(
            @PathParam("customerId") String customerId, @Valid @NotNull ConsentRequest request, UriInfo uri) {
        caller.requireAccessToCustomer(customerId, "Customer");
        UUID contact = audit.authorize(caller, customerId).orElse(null);
        Consent c = consents.record(
                customerId, request.channel(), request.wordingVersion(), request.givenAt(), caller.subject(), contact);
        audit.record(caller, "CONSENT_RECORDED", customerId, c.id().toString(), null);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(c.id().toString()).build())
                .entity(ConsentView.of(c, clock.instant()))
                .build();
    }

    @POST
    @Path("/{consentId}/withdrawal")
    @RolesAllowed({Roles.AGENT, Roles.CUSTOMER})
    @Operation(operationId = "withdrawConsent", summary = "Withdraw a consent, effective at once")
    public ConsentView withdraw(@PathParam("customerId") String customerId, @PathParam("consentId") UUID consentId) {
        caller.requireAccessToCustomer(customerId, "Customer");
        audit.authorize(caller, customerId);
        Consent c = consents.withdraw(customerId, consentId, caller.subject());
        audit.record(caller, "CONSENT_WITHDRAWN", customerId, consentId.toString(), null);
        return ConsentView.of(c, clock.instant());
    }
}
