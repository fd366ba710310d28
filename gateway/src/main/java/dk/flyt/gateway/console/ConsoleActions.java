package dk.flyt.gateway.console;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The customer page's action forms. Each is carried out by the service that owns it, within the agent's open contact
 * and with the form's idempotency key (a double click does it once); the console adds no rule. On success the agent
 * is sent back to the page, which says what was done; a refusal shows the page again with the service's message next
 * to the field it names, the form open and filled as it was sent.
 */
@Path("/console/customers/{customerId}/actions/{action}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ConsoleActions {
    @Inject
    CustomerPages pages;

    @Inject
    @RestClient
    SubscriptionApi subscription;

    @Inject
    @RestClient
    BillingApi billing;

    @Inject
    @RestClient
    PortingApi porting;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(
            @PathParam("customerId") String customerId,
            @PathParam("action") String slug,
            @CookieParam(ContactCookie.NAME) String cookie,
            MultivaluedMap<String, String> values) {
        ActionForm form = new ActionForm(values);
        String target = form.text("target") == null ? slug : form.text("target");
        Optional<ConsoleAction> known = ConsoleAction.bySlug(slug);
        if (known.isEmpty()) {
            return refused(customerId, cookie, "Den handling findes ikke.", target, Map.of(), form, 404);
        }
        ConsoleAction action = known.get();
        Optional<UUID> contact = pages.contact(customerId, cookie);
        if (contact.isEmpty()) {
            return refused(customerId, cookie, "Åbn en kontakt med kunden først.", target, Map.of(), form, 403);
        }
        String key = form.text("idempotencyKey") != null
                ? form.text("idempotencyKey")
                : UUID.randomUUID().toString();
        ServiceAnswer answer;
        try {
            answer = ServiceAnswer.call(service(action), () -> call(action, customerId, contact.get(), key, form));
        } catch (ActionForm.Unreadable e) {
            return refused(customerId, cookie, null, target, Map.of(e.field, e.getMessage()), form, 400);
        }
        if (!answer.ok()) {
            Map<String, String> fields = answer.fieldErrors();
            return refused(
                    customerId,
                    cookie,
                    fields.isEmpty() ? answer.detail() : null,
                    target,
                    fields,
                    form,
                    answer.status());
        }
        if (action == ConsoleAction.COMPENSATION_QUOTE) {
            return pages.render(
                    customerId,
                    cookie,
                    new CustomerPages.View(
                            null,
                            null,
                            action,
                            new CustomerPage.Outcome(target, Map.of(), form.echo()),
                            200,
                            Optional.empty(),
                            CustomerPage.Quote.of(answer.body(), form.echo())));
        }
        return Response.seeOther(URI.create("/console/customers/" + customerId + "?udfoert=" + action.slug()))
                .build();
    }

    private Response refused(
            String customerId,
            String cookie,
            String message,
            String target,
            Map<String, String> errors,
            ActionForm form,
            int status) {
        return pages.render(
                customerId,
                cookie,
                CustomerPages.View.refused(message, new CustomerPage.Outcome(target, errors, form.echo()), status));
    }

    private static String service(ConsoleAction action) {
        return switch (action) {
            case COMPENSATION_QUOTE, COMPENSATION -> CustomerPages.PORTING;
            case COMPLAINT, COMPLAINT_DECISION -> CustomerPages.BILLING;
            default -> CustomerPages.SUBSCRIPTION;
        };
    }

    private Response call(ConsoleAction action, String customerId, UUID contact, String key, ActionForm f) {
        return switch (action) {
            case PORT_CORRECTION ->
                subscription.correctPortIn(
                        f.id("orderId"),
                        f.id("lineId"),
                        contact,
                        key,
                        body("number", f.text("number"), "donorIccid", f.text("donorIccid")));
            case WITHDRAWAL ->
                subscription.withdraw(
                        f.id("orderId"),
                        contact,
                        key,
                        f.all("lineIds").isEmpty() ? Map.of() : Map.of("lineIds", f.all("lineIds")));
            case PLAN_CHANGE ->
                subscription.changePlan(f.id("subscriptionId"), contact, key, body("planCode", f.text("planCode")));
            case PLAN_CHANGE_CANCEL ->
                subscription.cancelPlanChange(f.id("subscriptionId"), f.id("changeId"), contact, key);
            case CANCELLATION ->
                subscription.cancel(f.id("subscriptionId"), contact, key, body("endOn", f.date("endOn")));
            case BLOCK -> subscription.block(f.id("subscriptionId"), contact, key);
            case UNBLOCK ->
                subscription.unblock(f.id("subscriptionId"), contact, key, body("newSimIccid", f.text("newSimIccid")));
            case COMPENSATION_QUOTE -> porting.quote(contact, claim(customerId, f));
            case COMPENSATION -> porting.claim(contact, key, claim(customerId, f));
            case COMPLAINT ->
                billing.openComplaint(
                        customerId,
                        contact,
                        key,
                        body(
                                "amount",
                                Optional.ofNullable(f.ore("amount")).orElse(0L),
                                "reason",
                                f.text("reason"),
                                "special",
                                "on".equals(f.text("special"))));
            case COMPLAINT_DECISION ->
                billing.decideComplaint(
                        customerId,
                        f.id("complaintId"),
                        contact,
                        key,
                        body("outcome", f.text("outcome"), "credit", f.ore("credit")));
            case OWNERSHIP_TRANSFER ->
                subscription.transfer(
                        f.id("subscriptionId"),
                        contact,
                        key,
                        body(
                                "newOwner",
                                body(
                                        "kind",
                                        "PERSON",
                                        "cpr",
                                        f.text("cpr"),
                                        "name",
                                        f.text("name"),
                                        "email",
                                        f.text("email"),
                                        "contactNumber",
                                        f.text("contactNumber"),
                                        "address",
                                        body(
                                                "street",
                                                f.text("street"),
                                                "postalCode",
                                                f.text("postalCode"),
                                                "city",
                                                f.text("city"))),
                                "paymentMethodRef",
                                f.text("paymentMethodRef")));
        };
    }

    private static Map<String, Object> claim(String customerId, ActionForm f) {
        return body(
                "kind",
                f.text("kind"),
                "customerId",
                customerId,
                "caseId",
                f.text("caseId"),
                "faultStartedAt",
                f.instant("faultStartedAt"),
                "faultFixedAt",
                f.instant("faultFixedAt"));
    }

    /** A JSON object of name-value pairs, without the absent ones (the service then takes its default). */
    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                body.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return body;
    }
}
