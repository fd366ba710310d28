package dk.flyt.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.IdToken;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The agents' console: server-rendered pages (Qute, htmx) behind the code-flow login. Every page reads the services'
 * own APIs with the logged-in agent's access token; the console keeps no data and no rule of its own. Working on a
 * customer happens within the agent's open contact with them (R-DATA-02), which the page finds among the agent's
 * contacts at the subscription service.
 */
@Path("/console")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    @RestClient
    SubscriptionApi subscription;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance home(String agent, String query, String message);

        static native TemplateInstance customer(String agent, CustomerPage page);

        static native TemplateInstance signedOut();
    }

    /** One audit line as the page shows it. */
    public record AuditLine(String at, String service, String action, String actor, String contact, String reason) {}

    /** The agent's open contact with the customer. */
    public record Contact(String id, String channel, String reason, String closesAt) {
        static Contact of(JsonNode c) {
            return new Contact(
                    c.path("id").asText(),
                    c.path("channel").asText(),
                    c.path("reason").asText(),
                    c.path("closesAt").asText());
        }
    }

    /** What the customer page shows: the contact, and within it what was done on the customer. */
    public record CustomerPage(
            String customerId,
            Contact contact,
            List<AuditLine> audit,
            String message,
            Map<String, String> errors,
            Map<String, String> form) {
        public boolean hasContact() {
            return contact != null;
        }
    }

    @GET
    @Path("")
    public TemplateInstance home() {
        return Templates.home(agent(), "", null);
    }

    /** Finds a customer by customer id or order id; the page of the customer, or the search with a message. */
    @GET
    @Path("/search")
    public Response search(@QueryParam("q") String query) {
        String q = query == null ? "" : query.strip();
        if (!ID.matcher(q).matches()) {
            return Response.status(400)
                    .entity(Templates.home(agent(), q, "Skriv et kunde-id eller et ordre-id (36 tegn)."))
                    .build();
        }
        ServiceAnswer order = ServiceAnswer.of(subscription.order(q));
        String customerId = order.ok() ? order.body().path("customerId").asText(q) : q;
        return seeOther("/console/customers/" + customerId);
    }

    @GET
    @Path("/customers/{customerId}")
    public Response customer(@PathParam("customerId") String customerId) {
        return page(customerId, null, Map.of(), Map.of(), 200);
    }

    /** Opens a contact with the customer (channel and reason); every later call on the customer names it. */
    @POST
    @Path("/customers/{customerId}/contacts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response openContact(
            @PathParam("customerId") String customerId,
            @RestForm("channel") String channel,
            @RestForm("reason") String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", blankToNull(channel));
        body.put("reason", blankToNull(reason));
        ServiceAnswer answer = ServiceAnswer.of(subscription.openContact(customerId, body));
        if (answer.ok()) {
            return seeOther("/console/customers/" + customerId);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("channel", channel == null ? "" : channel);
        form.put("reason", reason == null ? "" : reason);
        return page(customerId, answer.detail(), answer.fieldErrors(), form, answer.status());
    }

    @POST
    @Path("/customers/{customerId}/contacts/{contactId}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response closeContact(@PathParam("customerId") String customerId, @PathParam("contactId") UUID contactId) {
        ServiceAnswer answer = ServiceAnswer.of(subscription.closeContact(customerId, contactId));
        if (answer.ok()) {
            return seeOther("/console/customers/" + customerId);
        }
        return page(customerId, answer.detail(), Map.of(), Map.of(), answer.status());
    }

    /** Where the provider sends the agent after logging out: no session is needed to see it. */
    @GET
    @Path("/signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }

    private Response page(
            String customerId, String message, Map<String, String> errors, Map<String, String> form, int status) {
        ServiceAnswer contacts = ServiceAnswer.of(subscription.contacts(customerId));
        if (!contacts.ok()) {
            return Response.status(contacts.status())
                    .entity(Templates.customer(
                            agent(),
                            new CustomerPage(customerId, null, List.of(), contacts.detail(), Map.of(), Map.of())))
                    .build();
        }
        Optional<Contact> open = openContact(contacts.body());
        List<AuditLine> audit = new ArrayList<>();
        String note = message;
        if (open.isPresent()) {
            ServiceAnswer a = ServiceAnswer.of(
                    subscription.audit(customerId, UUID.fromString(open.get().id())));
            if (a.ok()) {
                for (JsonNode e : a.body()) {
                    audit.add(new AuditLine(
                            e.path("at").asText(""),
                            e.path("service").asText(""),
                            e.path("action").asText(""),
                            e.path("actor").asText(""),
                            e.path("contactId").asText(""),
                            e.path("reason").asText("")));
                }
                // the service lists oldest first; the page shows the newest first
                java.util.Collections.reverse(audit);
            } else if (note == null) {
                note = a.detail();
            }
        }
        return Response.status(status)
                .entity(Templates.customer(
                        agent(), new CustomerPage(customerId, open.orElse(null), audit, note, errors, form)))
                .build();
    }

    private static Optional<Contact> openContact(JsonNode contacts) {
        for (JsonNode c : contacts) {
            if (c.path("open").asBoolean(false)) {
                return Optional.of(Contact.of(c));
            }
        }
        return Optional.empty();
    }

    private String agent() {
        String name = idToken.getClaim("name");
        return name != null ? name : idToken.getName();
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
