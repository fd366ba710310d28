package dk.flyt.subscription.api;

import dk.flyt.contracts.Roles;
import dk.flyt.platform.audit.AuditTrail;
import dk.flyt.platform.audit.ContactGuard;
import dk.flyt.platform.audit.Contacts;
import dk.flyt.platform.idempotency.IdempotencyFilter;
import dk.flyt.platform.idempotency.Idempotent;
import dk.flyt.platform.security.Caller;
import dk.flyt.subscription.application.ContactService;
import dk.flyt.subscription.domain.ServiceChannel;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An agent's contacts with a customer (R-DATA-02). Every agent read or action on the customer's data, in any of
 * the services, names an open contact in the {@value ContactGuard#HEADER} header.
 */
@Path("/api/v1/customers/{customerId}/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "contacts",
        description = "An agent works on a customer only within an open contact of their own with that customer"
                + " (R-DATA-02); it closes after an idle time")
public class ContactResource {
    private final ContactService contacts;
    private final AuditTrail audit;
    private final Caller caller;

    public ContactResource(ContactService contacts, AuditTrail audit, Caller caller) {
        this.contacts = contacts;
        this.audit = audit;
        this.caller = caller;
    }

    public record ContactRequest(
            @NotNull ServiceChannel channel,
            @NotBlank @Size(max = 200) String reason) {}

    /** {@code closesAt}: when an open contact closes unless the agent works in it before. */
    public record ContactView(
            UUID id,
            String customerId,
            String agent,
            ServiceChannel channel,
            String reason,
            Instant openedAt,
            Instant lastActivityAt,
            boolean open,
            Instant closesAt,
            Instant closedAt,
            String closedWhy) {
        static ContactView of(Contacts.Contact c, Duration idleClose) {
            return new ContactView(
                    c.id(),
                    c.customerId(),
                    c.agent(),
                    ServiceChannel.valueOf(c.channel()),
                    c.reason(),
                    c.openedAt(),
                    c.lastActivityAt(),
                    c.isOpen(),
                    c.isOpen() ? c.lastActivityAt().plus(idleClose) : null,
                    c.closedAt(),
                    c.closedWhy());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT)
    @Operation(
            operationId = "openContact",
            summary = "Open a contact with the customer",
            description = "For an existing customer (404 otherwise). 201 with the contact; send its id in the"
                    + " Flyt-Contact-Id header of every call on the customer's data, in every service. It closes"
                    + " after flyt.contacts.idle-close (30 minutes) without any such call.")
    @APIResponse(
            responseCode = "201",
            description = "The contact, open; Location is its address",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = ContactView.class)))
    @Idempotent
    @Parameter(name = IdempotencyFilter.HEADER, in = ParameterIn.HEADER, description = IdempotencyFilter.DOC)
    public Response open(
            @PathParam("customerId") String customerId, @Valid @NotNull ContactRequest request, UriInfo uri) {
        Contacts.Contact c = contacts.open(customerId, caller.subject(), request.channel(), request.reason());
        audit.recordWithin(caller, c.id(), "CONTACT_OPENED", customerId, c.id().toString(), request.reason());
        return Response.created(
                        uri.getAbsolutePathBuilder().path(c.id().toString()).build())
                .entity(ContactView.of(c, contacts.idleClose()))
                .build();
    }

    @GET
    @RolesAllowed(Roles.AGENT)
    @Operation(
            operationId = "listMyContacts",
            summary = "The calling agent's own contacts with the customer, newest first")
    public List<ContactView> mine(@PathParam("customerId") String customerId) {
        return contacts.ofAgent(customerId, caller.subject()).stream()
                .map(c -> ContactView.of(c, contacts.idleClose()))
                .toList();
    }

    @GET
    @Path("/{contactId}")
    @RolesAllowed(Roles.AGENT)
    @Operation(operationId = "getContact", summary = "One of the calling agent's contacts with the customer")
    public ContactView get(@PathParam("customerId") String customerId, @PathParam("contactId") UUID contactId) {
        return ContactView.of(contacts.own(customerId, contactId, caller.subject()), contacts.idleClose());
    }

    @POST
    @Path("/{contactId}/close")
    @RolesAllowed(Roles.AGENT)
    @Operation(operationId = "closeContact", summary = "Close the contact: nothing more is done on the customer in it")
    public ContactView close(@PathParam("customerId") String customerId, @PathParam("contactId") UUID contactId) {
        boolean wasOpen = contacts.own(customerId, contactId, caller.subject()).isOpen();
        Contacts.Contact c = contacts.close(customerId, contactId, caller.subject());
        if (wasOpen) {
            audit.recordWithin(caller, contactId, "CONTACT_CLOSED", customerId, contactId.toString(), null);
        }
        return ContactView.of(c, contacts.idleClose());
    }
}
