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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The agents' console: server-rendered pages (Qute, htmx) behind the code-flow login. Every page reads the services'
 * own APIs with the logged-in agent's access token; the console keeps no data and no rule of its own: what may be
 * done, and the messages when it may not, are the services' (their problem details are shown next to the field they
 * name). Working on a customer happens within the agent's open contact with them (R-DATA-02), which the page finds
 * among the agent's contacts at the subscription service.
 */
@Path("/console")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {
    private static final String SUBSCRIPTION = "Abonnementstjenesten";
    private static final String BILLING = "Faktureringen";
    /** The whole timeline, not narrowed to one kind. */
    private static final Optional<Timeline.Kind> ALL = Optional.empty();

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    @RestClient
    SubscriptionApi subscription;

    @Inject
    @RestClient
    BillingApi billing;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance home(String agent, String query, List<Hit> hits, String message);

        static native TemplateInstance customer(String agent, CustomerPage page);

        static native TemplateInstance signedOut();
    }

    /** One customer found by a search. */
    public record Hit(String id, String name, String kind, String matchedBy) {}

    @GET
    @Path("")
    public TemplateInstance home() {
        return Templates.home(agent(), "", null, null);
    }

    /**
     * The one search box: phone number, e-mail, CPR, customer id or order id. A POST, so that a CPR number never
     * stands in a URL (R-DATA-01); the query is not echoed back when it was a CPR number.
     */
    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response search(@RestForm("query") String query) {
        ServiceAnswer answer = ServiceAnswer.call(
                SUBSCRIPTION, () -> subscription.search(Map.of("query", query == null ? "" : query)));
        if (!answer.ok()) {
            return Response.status(answer.status())
                    .entity(Templates.home(
                            agent(),
                            echo(query, null),
                            null,
                            answer.fieldErrors().getOrDefault("query", answer.detail())))
                    .build();
        }
        List<Hit> hits = new ArrayList<>();
        String matchedBy = null;
        for (JsonNode h : answer.body()) {
            matchedBy = h.path("matchedBy").asText();
            hits.add(new Hit(
                    h.path("id").asText(),
                    h.path("name").asText(),
                    h.path("kind").asText(),
                    matchedBy));
        }
        return Response.ok(Templates.home(
                        agent(),
                        echo(query, matchedBy),
                        hits,
                        hits.isEmpty() ? "Ingen kunde passer på søgningen." : null))
                .build();
    }

    /** {@code vis}: the kind of timeline item to show only (ORDER, PORTING, SUBSCRIPTION, MONEY, STAFF). */
    @GET
    @Path("/customers/{customerId}")
    public Response customer(@PathParam("customerId") String customerId, @QueryParam("vis") String shown) {
        return page(customerId, null, null, Map.of(), Map.of(), 200, Timeline.Kind.named(shown));
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
        ServiceAnswer answer = ServiceAnswer.call(SUBSCRIPTION, () -> subscription.openContact(customerId, body));
        if (answer.ok()) {
            return seeOther("/console/customers/" + customerId);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("channel", channel == null ? "" : channel);
        form.put("reason", reason == null ? "" : reason);
        // a problem that names its fields is shown next to them; only one that names none stands above the form
        Map<String, String> fields = answer.fieldErrors();
        return page(customerId, null, fields.isEmpty() ? answer.detail() : null, fields, form, answer.status(), ALL);
    }

    @POST
    @Path("/customers/{customerId}/contacts/{contactId}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response closeContact(@PathParam("customerId") String customerId, @PathParam("contactId") UUID contactId) {
        ServiceAnswer answer = ServiceAnswer.call(SUBSCRIPTION, () -> subscription.closeContact(customerId, contactId));
        if (answer.ok()) {
            return seeOther("/console/customers/" + customerId);
        }
        return page(customerId, null, answer.detail(), Map.of(), Map.of(), answer.status(), ALL);
    }

    /**
     * Shows the CPR number whole on this answer only, after the agent gave a reason; the service audits the look with
     * it (R-DATA-01). Nothing is redirected, so the number is in no URL and no history entry.
     */
    @POST
    @Path("/customers/{customerId}/cpr")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revealCpr(@PathParam("customerId") String customerId, @RestForm("reason") String reason) {
        if (reason == null || reason.isBlank()) {
            return page(
                    customerId,
                    null,
                    null,
                    Map.of("cprReason", "Skriv hvorfor du skal se CPR-nummeret."),
                    Map.of(),
                    400,
                    ALL);
        }
        return page(customerId, reason.strip(), null, Map.of(), Map.of(), 200, ALL);
    }

    /** Where the provider sends the agent after logging out: no session is needed to see it. */
    @GET
    @Path("/signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }

    private Response page(
            String customerId,
            String revealReason,
            String message,
            Map<String, String> errors,
            Map<String, String> form,
            int status,
            Optional<Timeline.Kind> shown) {
        ServiceAnswer contacts = ServiceAnswer.call(SUBSCRIPTION, () -> subscription.contacts(customerId));
        if (!contacts.ok()) {
            return render(
                    contacts.status(), CustomerPage.withoutContact(customerId, contacts.detail(), Map.of(), Map.of()));
        }
        Optional<CustomerPage.Contact> open = openContact(contacts.body());
        if (open.isEmpty()) {
            return render(status, CustomerPage.withoutContact(customerId, message, errors, form));
        }
        UUID contact = UUID.fromString(open.get().id());
        List<String> problems = new ArrayList<>();
        if (message != null) {
            problems.add(message);
        }
        ServiceAnswer profile =
                read(SUBSCRIPTION, () -> subscription.customer(customerId, contact, revealReason), problems);
        ServiceAnswer lines = read(SUBSCRIPTION, () -> subscription.subscriptions(customerId, contact), problems);
        ServiceAnswer account = ServiceAnswer.call(BILLING, () -> billing.account(customerId, contact));
        String balance = account.ok()
                ? CustomerPage.kroner(account.body().path("balance").asLong())
                : account.status() == 404 ? "ingen konto endnu" : "kunne ikke læses (" + account.detail() + ")";
        ServiceAnswer orders = read(SUBSCRIPTION, () -> subscription.timeline(customerId, contact), problems);
        ServiceAnswer ledger = ServiceAnswer.call(BILLING, () -> billing.entries(customerId, contact));
        ServiceAnswer audit = read(SUBSCRIPTION, () -> subscription.audit(customerId, contact), problems);
        List<CustomerPage.Line> subscriptions = new ArrayList<>();
        lines.body().forEach(s -> subscriptions.add(CustomerPage.Line.of(s)));
        Timeline timeline = new Timeline().orders(orders.body()).staff(audit.body());
        if (ledger.ok()) {
            timeline.ledger(ledger.body());
        }
        return render(
                status,
                new CustomerPage(
                        customerId,
                        open.get(),
                        profile.ok() ? CustomerPage.Profile.of(profile.body()) : null,
                        subscriptions,
                        balance,
                        timeline.items(shown),
                        shown.map(Enum::name).orElse(""),
                        problems.isEmpty() ? null : String.join(" ", problems),
                        errors,
                        form));
    }

    private Response render(int status, CustomerPage page) {
        return Response.status(status).entity(Templates.customer(agent(), page)).build();
    }

    private static ServiceAnswer read(
            String service, java.util.function.Supplier<Response> call, List<String> problems) {
        ServiceAnswer answer = ServiceAnswer.call(service, call);
        if (!answer.ok()) {
            problems.add(answer.detail());
        }
        return answer;
    }

    private static Optional<CustomerPage.Contact> openContact(JsonNode contacts) {
        for (JsonNode c : contacts) {
            if (c.path("open").asBoolean(false)) {
                return Optional.of(CustomerPage.Contact.of(c));
            }
        }
        return Optional.empty();
    }

    /** The query as the search box shows it again: not when it was a CPR number. */
    private static String echo(String query, String matchedBy) {
        if (query == null || "CPR".equals(matchedBy) || query.strip().matches("\\d{6}-?\\d{4}")) {
            return "";
        }
        return query.strip();
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
