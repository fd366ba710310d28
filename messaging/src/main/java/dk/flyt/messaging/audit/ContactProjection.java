package dk.flyt.messaging.audit;

import dk.flyt.contracts.subscription.SubscriptionEvents;
import dk.flyt.platform.audit.Contacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The subscription service's contacts as porting and billing know them, from its {@code ContactOpened} and
 * {@code ContactClosed} events (R-DATA-02); read by the shared contact check.
 */
@ApplicationScoped
public class ContactProjection {
    private final Contacts contacts;

    public ContactProjection(Contacts contacts) {
        this.contacts = contacts;
    }

    public void opened(SubscriptionEvents.ContactOpened e) {
        contacts.opened(UUID.fromString(e.contactId()), e.customerId(), e.agent(), e.channel(), null, e.openedAt());
    }

    public void closed(SubscriptionEvents.ContactClosed e) {
        contacts.closed(UUID.fromString(e.contactId()), e.closedAt(), e.why());
    }
}
