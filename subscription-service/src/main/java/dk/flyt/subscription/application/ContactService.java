package dk.flyt.subscription.application;

import dk.flyt.contracts.Topics;
import dk.flyt.contracts.subscription.SubscriptionEvents;
import dk.flyt.messaging.outbox.Outbox;
import dk.flyt.messaging.outbox.OutboxMessage;
import dk.flyt.platform.audit.Contacts;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.subscription.domain.ServiceChannel;
import dk.flyt.subscription.persistence.CustomerRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Contacts between an agent and a customer (R-DATA-02): this service opens and closes them and closes those idle for
 * longer than {@code flyt.contacts.idle-close}; porting and billing learn of them from {@code ContactOpened} and
 * {@code ContactClosed}. The agent's work in porting and billing reaches the contact as audit entries and keeps it
 * from going idle.
 */
@ApplicationScoped
public class ContactService {
    /** Why a contact ended. */
    public enum ClosedWhy {
        CLOSED_BY_AGENT,
        IDLE
    }

    private static final int IDLE_BATCH = 100;

    private final Contacts contacts;
    private final CustomerRepository customers;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration idleClose;

    public ContactService(
            Contacts contacts,
            CustomerRepository customers,
            Outbox outbox,
            Clock clock,
            @ConfigProperty(name = "flyt.contacts.idle-close") Duration idleClose) {
        this.contacts = contacts;
        this.customers = customers;
        this.outbox = outbox;
        this.clock = clock;
        this.idleClose = idleClose;
    }

    public Duration idleClose() {
        return idleClose;
    }

    /** Opens a contact of {@code agent} with an existing customer (404 otherwise). */
    @Transactional
    public Contacts.Contact open(String customerId, String agent, ServiceChannel channel, String reason) {
        if (customers.findByIdOptional(customerId).isEmpty()) {
            throw ProblemException.notFound("Customer");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        contacts.opened(id, customerId, agent, channel.name(), reason, now);
        publish(
                customerId,
                "ContactOpened",
                new SubscriptionEvents.ContactOpened(id.toString(), customerId, agent, channel.name(), now));
        return contacts.find(id).orElseThrow();
    }

    /** The agent closes their contact; closing it again changes nothing. */
    @Transactional
    public Contacts.Contact close(String customerId, UUID contactId, String agent) {
        Contacts.Contact c = own(customerId, contactId, agent);
        close(c, ClosedWhy.CLOSED_BY_AGENT);
        return contacts.find(contactId).orElseThrow();
    }

    /** The agent's own contact with the customer; anyone else's answers 404, as if it did not exist. */
    @Transactional
    public Contacts.Contact own(String customerId, UUID contactId, String agent) {
        return contacts.find(contactId)
                .filter(c -> c.customerId().equals(customerId) && c.agent().equals(agent))
                .orElseThrow(() -> ProblemException.notFound("Contact"));
    }

    /** The agent's contacts with the customer, newest first. */
    @Transactional
    public List<Contacts.Contact> ofAgent(String customerId, String agent) {
        return contacts.ofCustomer(customerId).stream()
                .filter(c -> c.agent().equals(agent))
                .toList();
    }

    @Scheduled(
            every = "${flyt.contacts.idle-check-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "contacts-idle-close")
    void pass() {
        closeIdle();
    }

    /** Closes every open contact idle for longer than the idle time by the clock's now; returns how many. */
    public int closeIdle() {
        int closed = 0;
        while (true) {
            Instant cutoff = clock.instant().minus(idleClose);
            int batch = QuarkusTransaction.requiringNew().call(() -> {
                List<Contacts.Contact> idle = contacts.lockIdleSince(cutoff, IDLE_BATCH);
                idle.forEach(c -> close(c, ClosedWhy.IDLE));
                return idle.size();
            });
            closed += batch;
            if (batch < IDLE_BATCH) {
                return closed;
            }
        }
    }

    private void close(Contacts.Contact c, ClosedWhy why) {
        Instant now = clock.instant();
        if (contacts.closed(c.id(), now, why.name())) {
            publish(
                    c.customerId(),
                    "ContactClosed",
                    new SubscriptionEvents.ContactClosed(c.id().toString(), c.customerId(), now, why.name()));
        }
    }

    private void publish(String customerId, String type, Object payload) {
        outbox.append(new OutboxMessage(
                Topics.SUBSCRIPTION_EVENTS, "Customer", customerId, type, SubscriptionEvents.VERSION, payload));
    }
}
