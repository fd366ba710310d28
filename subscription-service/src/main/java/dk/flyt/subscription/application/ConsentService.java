package dk.flyt.subscription.application;

import dk.flyt.contracts.Topics;
import dk.flyt.contracts.subscription.SubscriptionEvents;
import dk.flyt.messaging.outbox.Outbox;
import dk.flyt.messaging.outbox.OutboxMessage;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.subscription.config.SubscriptionConfig;
import dk.flyt.subscription.domain.Consent;
import dk.flyt.subscription.domain.ContactChannel;
import dk.flyt.subscription.persistence.ConsentEntity;
import dk.flyt.subscription.persistence.ConsentRepository;
import dk.flyt.subscription.persistence.CustomerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records and withdraws consents to outbound sales contact (R-ORD-09), with who did it. */
@ApplicationScoped
public class ConsentService {
    private final ConsentRepository consents;
    private final CustomerRepository customers;
    private final SubscriptionConfig config;
    private final Outbox outbox;
    private final Clock clock;

    public ConsentService(
            ConsentRepository consents,
            CustomerRepository customers,
            SubscriptionConfig config,
            Outbox outbox,
            Clock clock) {
        this.consents = consents;
        this.customers = customers;
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Consent record(
            String customerId,
            ContactChannel channel,
            String wordingVersion,
            Instant givenAt,
            String recordedBy,
            UUID inContact) {
        if (customers.findByIdOptional(customerId).isEmpty()) {
            throw ProblemException.notFound("Customer");
        }
        Instant now = clock.instant();
        Instant when = givenAt == null ? now : givenAt;
        if (when.isAfter(now)) {
            throw ProblemException.badRequest("givenAt", "must not be in the future");
        }
        if (when.isBefore(now.minus(config.consentMaxAge()))) {
            throw ProblemException.badRequest(
                    "givenAt", "must be at most " + config.consentMaxAge().toDays() + " days back (R-ORD-09)");
        }
        Consent consent =
                new Consent(UUID.randomUUID(), customerId, channel, wordingVersion, when, null, recordedBy, inContact);
        ConsentEntity e = new ConsentEntity();
        e.id = consent.id();
        e.customerId = customerId;
        e.channel = channel.name();
        e.wordingVersion = wordingVersion;
        e.givenAt = when;
        e.recordedBy = recordedBy;
        e.recordedInContact = inContact;
        consents.persist(e);
        publish(new SubscriptionEvents.ConsentGiven(
                consent.id().toString(), consent.customerId(), consent.channel().name(), consent.givenAt()));
        return consent;
    }

    @Transactional
    public Consent withdraw(String customerId, UUID consentId, String withdrawnBy) {
        ConsentEntity e = consents.findByIdOptional(consentId)
                .filter(c -> c.customerId.equals(customerId))
                .orElseThrow(() -> ProblemException.notFound("Consent"));
        Consent before = toDomain(e);
        Consent after = before.withdraw(clock.instant());
        if (after != before) {
            e.withdrawnAt = after.withdrawnAt();
            e.withdrawnBy = withdrawnBy;
            publish(new SubscriptionEvents.ConsentWithdrawn(
                    after.id().toString(), after.customerId(), after.channel().name(), after.withdrawnAt()));
        }
        return after;
    }

    @Transactional
    public List<Consent> ofCustomer(String customerId) {
        return consents.ofCustomer(customerId).stream()
                .map(ConsentService::toDomain)
                .toList();
    }

    private void publish(Record event) {
        String customerId = event instanceof SubscriptionEvents.ConsentGiven g
                ? g.customerId()
                : ((SubscriptionEvents.ConsentWithdrawn) event).customerId();
        outbox.append(new OutboxMessage(
                Topics.SUBSCRIPTION_EVENTS,
                "Customer",
                customerId,
                event.getClass().getSimpleName(),
                SubscriptionEvents.VERSION,
                event));
    }

    static Consent toDomain(ConsentEntity e) {
        return new Consent(
                e.id,
                e.customerId,
                ContactChannel.valueOf(e.channel),
                e.wordingVersion,
                e.givenAt,
                e.withdrawnAt,
                e.recordedBy,
                e.recordedInContact);
    }
}
