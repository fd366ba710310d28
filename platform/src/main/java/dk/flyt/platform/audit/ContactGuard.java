package dk.flyt.platform.audit;

import dk.flyt.contracts.Roles;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.platform.security.Caller;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An agent works on a customer only within an open contact of their own with that customer (R-DATA-02): every agent
 * read or action on a customer's data names it in the {@value #HEADER} header, and is refused without one. Other
 * callers act for themselves and need none.
 *
 * <p>The subscription service owns contacts ({@code flyt.contacts.owner=true}) and also closes one that has been
 * idle longer than {@code flyt.contacts.idle-close}. Porting and billing know contacts from its events; one opened a
 * moment ago may not have reached them yet, so they wait up to {@code flyt.contacts.propagation-wait} for it.
 */
@RequestScoped
public class ContactGuard {
    public static final String HEADER = "Flyt-Contact-Id";
    private static final Duration POLL = Duration.ofMillis(25);

    private final Contacts contacts;
    private final RoutingContext request;
    private final Clock clock;
    private final boolean owner;
    private final Duration idleClose;
    private final Duration propagationWait;
    private Contacts.Contact verified;

    public ContactGuard(
            Contacts contacts,
            RoutingContext request,
            Clock clock,
            @ConfigProperty(name = "flyt.contacts.owner", defaultValue = "false") boolean owner,
            @ConfigProperty(name = "flyt.contacts.idle-close", defaultValue = "PT30M") Duration idleClose,
            @ConfigProperty(name = "flyt.contacts.propagation-wait", defaultValue = "PT3S") Duration propagationWait) {
        this.contacts = contacts;
        this.request = request;
        this.clock = clock;
        this.owner = owner;
        this.idleClose = idleClose;
        this.propagationWait = propagationWait;
    }

    /**
     * The caller's open contact with the customer, when the caller is an agent (empty for anyone else). Refuses with
     * 403 {@code contact-required} or {@code contact-closed} before anything is read or changed.
     */
    public Optional<UUID> require(Caller caller, String customerId) {
        if (!caller.hasRole(Roles.AGENT) || customerId == null) {
            return Optional.empty();
        }
        if (verified != null && verified.customerId().equals(customerId)) {
            return Optional.of(verified.id());
        }
        String header = request.request().getHeader(HEADER);
        if (header == null || header.isBlank()) {
            throw ProblemException.forbidden(
                    "contact-required",
                    HEADER,
                    "an agent works on a customer within an open contact: open one with POST"
                            + " /api/v1/customers/{id}/contacts and send its id in this header (R-DATA-02)");
        }
        UUID id;
        try {
            id = UUID.fromString(header.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(HEADER, "is not a contact id");
        }
        Contacts.Contact contact = find(id).filter(
                        c -> c.customerId().equals(customerId) && c.agent().equals(caller.subject()))
                .orElseThrow(() -> ProblemException.forbidden(
                        "contact-required", HEADER, "is not a contact of yours with this customer (R-DATA-02)"));
        Instant now = clock.instant();
        boolean idle = owner && contact.lastActivityAt().plus(idleClose).isBefore(now);
        if (!contact.isOpen() || idle) {
            throw ProblemException.forbidden(
                    "contact-closed", HEADER, "the contact is closed; open a new one to go on (R-DATA-02)");
        }
        contacts.touched(id, now);
        verified = contact;
        return Optional.of(id);
    }

    private Optional<Contacts.Contact> find(UUID id) {
        Optional<Contacts.Contact> found = contacts.find(id);
        long deadline = System.nanoTime() + propagationWait.toNanos();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = contacts.find(id);
        }
        return found;
    }
}
