package dk.flyt.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.IdToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Renders the customer page from one read per service, the three side by side: the subscription service's overview
 * (within the agent's open contact, remembered in the browser by {@link ContactCookie}), billing's overview and
 * porting's compensations. Only when the browser names no open contact does the page first ask which contact of the
 * agent's is open.
 */
@RequestScoped
public class CustomerPages {
    static final String SUBSCRIPTION = "Abonnementstjenesten";
    static final String BILLING = "Faktureringen";
    static final String PORTING = "Porteringstjenesten";

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    @RestClient
    SubscriptionApi subscription;

    @Inject
    @RestClient
    BillingApi billing;

    @Inject
    @RestClient
    PortingApi porting;

    /** What a page request adds to the customer's data: a CPR reason, a message, an action's outcome. */
    public record View(
            String revealReason,
            String message,
            ConsoleAction done,
            CustomerPage.Outcome outcome,
            int status,
            Optional<Timeline.Kind> shown,
            CustomerPage.Quote quote) {
        static View plain(Optional<Timeline.Kind> shown) {
            return new View(null, null, null, CustomerPage.Outcome.NONE, 200, shown, null);
        }

        static View refused(String message, CustomerPage.Outcome outcome, int status) {
            return new View(null, message, null, outcome, status, Optional.empty(), null);
        }
    }

    /** The agent's open contact with the customer: the one the browser remembers if it is still open, else asked. */
    public Optional<UUID> contact(String customerId, String cookie) {
        Optional<UUID> remembered = ContactCookie.contactFor(cookie, customerId);
        if (remembered.isPresent()) {
            return remembered;
        }
        ServiceAnswer contacts = ServiceAnswer.call(SUBSCRIPTION, () -> subscription.contacts(customerId));
        return contacts.ok() ? openContact(contacts.body()).map(c -> UUID.fromString(c.id())) : Optional.empty();
    }

    /** The page's three reads, one per service, running side by side within one contact. */
    private record Reads(
            UUID contact,
            CompletableFuture<ServiceAnswer> own,
            CompletableFuture<ServiceAnswer> account,
            CompletableFuture<ServiceAnswer> compensations) {}

    private Reads start(String customerId, UUID contact, String revealReason) {
        return new Reads(
                contact,
                ServiceAnswer.async(SUBSCRIPTION, () -> subscription.overview(customerId, contact, revealReason)),
                ServiceAnswer.async(BILLING, () -> billing.overview(customerId, contact)),
                ServiceAnswer.async(PORTING, () -> porting.compensations(customerId, contact)));
    }

    public Response render(String customerId, String cookie, View view) {
        Reads reads = ContactCookie.contactFor(cookie, customerId)
                .map(contact -> start(customerId, contact, view.revealReason()))
                .orElse(null);
        if (reads != null && reads.own().join().status() == 403) {
            reads = null; // closed meanwhile: ask which contact is open
        }
        if (reads == null) {
            ServiceAnswer contacts = ServiceAnswer.call(SUBSCRIPTION, () -> subscription.contacts(customerId));
            if (!contacts.ok()) {
                return respond(
                        contacts.status(),
                        CustomerPage.withoutContact(customerId, contacts.detail(), CustomerPage.Outcome.NONE),
                        ContactCookie.clear());
            }
            Optional<CustomerPage.Contact> open = openContact(contacts.body());
            if (open.isEmpty()) {
                return respond(
                        view.status(),
                        CustomerPage.withoutContact(customerId, view.message(), view.outcome()),
                        ContactCookie.clear());
            }
            reads = start(customerId, UUID.fromString(open.get().id()), view.revealReason());
        }
        ServiceAnswer overview = reads.own().join();
        if (!overview.ok()) {
            return respond(
                    overview.status(),
                    CustomerPage.withoutContact(customerId, overview.detail(), CustomerPage.Outcome.NONE),
                    ContactCookie.clear());
        }
        JsonNode own = overview.body();
        List<String> problems = new ArrayList<>();
        if (view.message() != null) {
            problems.add(view.message());
        }
        ServiceAnswer account = read(reads.account(), problems);
        ServiceAnswer compensations = read(reads.compensations(), problems);

        Timeline timeline = new Timeline().orders(own.path("timeline")).staff(own.path("audit"));
        String balance = "kunne ikke læses";
        String newSimFee = "";
        List<CustomerPage.Complaint> complaints = new ArrayList<>();
        if (account.ok()) {
            JsonNode a = account.body();
            balance = a.path("account").isObject()
                    ? CustomerPage.kroner(a.path("account").path("balance").asLong())
                    : "ingen konto endnu";
            newSimFee = CustomerPage.kroner(a.path("newSimFee").asLong());
            timeline.ledger(a.path("entries")).complaints(a.path("complaints"));
            a.path("complaints").forEach(c -> complaints.add(CustomerPage.Complaint.of(c)));
        }
        List<CustomerPage.Compensation> granted = new ArrayList<>();
        if (compensations.ok()) {
            timeline.compensations(compensations.body());
            compensations.body().forEach(c -> granted.add(CustomerPage.Compensation.of(c)));
        }
        return respond(
                view.status(),
                new CustomerPage(
                        customerId,
                        CustomerPage.Contact.of(own.path("contact")),
                        CustomerPage.Profile.of(own.path("customer")),
                        list(own.path("subscriptions"), CustomerPage.Line::of),
                        list(own.path("orders"), CustomerPage.Order::of),
                        list(own.path("plans"), CustomerPage.Plan::of),
                        granted,
                        complaints,
                        balance,
                        newSimFee,
                        timeline.items(view.shown()),
                        view.shown().map(Enum::name).orElse(""),
                        problems.isEmpty() ? null : String.join(" ", problems),
                        view.done(),
                        view.outcome(),
                        view.quote()),
                ContactCookie.of(customerId, reads.contact()));
    }

    private Response respond(int status, CustomerPage page, NewCookie cookie) {
        return Response.status(status)
                .entity(ConsoleResource.Templates.customer(agent(), page))
                .cookie(cookie)
                .build();
    }

    String agent() {
        String name = idToken.getClaim("name");
        return name != null ? name : idToken.getName();
    }

    private static <T> List<T> list(JsonNode array, java.util.function.Function<JsonNode, T> of) {
        List<T> list = new ArrayList<>();
        array.forEach(n -> list.add(of.apply(n)));
        return list;
    }

    private static ServiceAnswer read(CompletableFuture<ServiceAnswer> call, List<String> problems) {
        ServiceAnswer answer = call.join();
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
}
