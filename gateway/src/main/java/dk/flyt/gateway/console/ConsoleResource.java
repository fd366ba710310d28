package dk.flyt.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
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
    /** The forms of the page that are not actions on a service's resource. */
    static final String OPEN_CONTACT = "aabn-kontakt";

    static final String REVEAL_CPR = "vis-cpr";
    /** The whole timeline, not narrowed to one kind. */
    private static final Optional<Timeline.Kind> ALL = Optional.empty();

    @Inject
    CustomerPages pages;

    @Inject
    Queues queues;

    @Inject
    @RestClient
    SubscriptionApi subscription;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance home(String agent, String query, List<Hit> hits, String message, Queue waiting);

        static native TemplateInstance customer(String agent, CustomerPage page);

        static native TemplateInstance signedOut();

        static native TemplateInstance queue(String agent, Queue queue);
    }

    /** One customer found by a search. */
    public record Hit(String id, String name, String kind, String matchedBy) {}

    @GET
    @Path("")
    public TemplateInstance home() {
        return Templates.home(agent(), "", null, null, queues.read());
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
                CustomerPages.SUBSCRIPTION, () -> subscription.search(Map.of("query", query == null ? "" : query)));
        if (!answer.ok()) {
            return Response.status(answer.status())
                    .entity(Templates.home(
                            agent(),
                            echo(query, null),
                            null,
                            answer.fieldErrors().getOrDefault("query", answer.detail()),
                            null))
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
                        hits.isEmpty() ? "Ingen kunde passer på søgningen." : null,
                        null))
                .build();
    }

    /**
     * {@code vis}: the kind of timeline item to show only (ORDER, PORTING, SUBSCRIPTION, MONEY, STAFF); {@code udfoert}:
     * the action that was just carried out, which the page confirms.
     */
    @GET
    @Path("/customers/{customerId}")
    public Response customer(
            @PathParam("customerId") String customerId,
            @QueryParam("vis") String shown,
            @QueryParam("udfoert") String done,
            @CookieParam(ContactCookie.NAME) String cookie) {
        return pages.render(
                customerId,
                cookie,
                new CustomerPages.View(
                        null,
                        null,
                        ConsoleAction.bySlug(done).orElse(null),
                        CustomerPage.Outcome.NONE,
                        200,
                        Timeline.Kind.named(shown),
                        null));
    }

    /** Opens a contact with the customer (channel and reason); every later call on the customer names it. */
    @POST
    @Path("/customers/{customerId}/contacts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response openContact(
            @PathParam("customerId") String customerId,
            @RestForm("channel") String channel,
            @RestForm("reason") String reason,
            @RestForm("idempotencyKey") String key,
            @CookieParam(ContactCookie.NAME) String cookie) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", blankToNull(channel));
        body.put("reason", blankToNull(reason));
        ServiceAnswer answer = ServiceAnswer.call(
                CustomerPages.SUBSCRIPTION, () -> subscription.openContact(customerId, blankToNull(key), body));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/customers/" + customerId))
                    .cookie(ContactCookie.of(
                            customerId, UUID.fromString(answer.body().path("id").asText())))
                    .build();
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("channel", channel == null ? "" : channel);
        form.put("reason", reason == null ? "" : reason);
        // a problem that names its fields is shown next to them; only one that names none stands above the form
        Map<String, String> fields = answer.fieldErrors();
        return pages.render(
                customerId,
                cookie,
                CustomerPages.View.refused(
                        fields.isEmpty() ? answer.detail() : null,
                        new CustomerPage.Outcome(OPEN_CONTACT, fields, form),
                        answer.status()));
    }

    @POST
    @Path("/customers/{customerId}/contacts/{contactId}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response closeContact(
            @PathParam("customerId") String customerId,
            @PathParam("contactId") UUID contactId,
            @CookieParam(ContactCookie.NAME) String cookie) {
        ServiceAnswer answer =
                ServiceAnswer.call(CustomerPages.SUBSCRIPTION, () -> subscription.closeContact(customerId, contactId));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/customers/" + customerId))
                    .cookie(ContactCookie.clear())
                    .build();
        }
        return pages.render(
                customerId,
                cookie,
                CustomerPages.View.refused(answer.detail(), CustomerPage.Outcome.NONE, answer.status()));
    }

    /**
     * Shows the CPR number whole on this answer only, after the agent gave a reason; the service audits the look with
     * it (R-DATA-01). Nothing is redirected, so the number is in no URL and no history entry.
     */
    @POST
    @Path("/customers/{customerId}/cpr")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revealCpr(
            @PathParam("customerId") String customerId,
            @RestForm("reason") String reason,
            @CookieParam(ContactCookie.NAME) String cookie) {
        if (reason == null || reason.isBlank()) {
            return pages.render(
                    customerId,
                    cookie,
                    CustomerPages.View.refused(
                            null,
                            new CustomerPage.Outcome(
                                    REVEAL_CPR, Map.of("reason", "Skriv hvorfor du skal se CPR-nummeret."), Map.of()),
                            400));
        }
        return pages.render(
                customerId,
                cookie,
                new CustomerPages.View(reason.strip(), null, null, CustomerPage.Outcome.NONE, 200, ALL, null));
    }

    /** Everything that waits for a person, across customers, each linked to the customer it is about. */
    @GET
    @Path("/queue")
    public TemplateInstance queue() {
        return Templates.queue(agent(), queues.read());
    }

    /** Where the provider sends the agent after logging out: no session is needed to see it. */
    @GET
    @Path("/signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }

    /** The query as the search box shows it again: not when it was a CPR number. */
    private static String echo(String query, String matchedBy) {
        if (query == null || "CPR".equals(matchedBy) || query.strip().matches("\\d{6}-?\\d{4}")) {
            return "";
        }
        return query.strip();
    }

    private String agent() {
        return pages.agent();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
