package dk.flyt.messaging.audit;

import dk.flyt.contracts.audit.AuditEvents;
import dk.flyt.messaging.outbox.Outbox;
import dk.flyt.messaging.outbox.OutboxMessage;
import dk.flyt.platform.audit.AuditPublisher;
import io.quarkus.arc.lookup.LookupUnlessProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes each audit entry on the service's own topic ({@code flyt.audit.topic}) from the outbox, in the
 * transaction that recorded it, keyed by customer; the subscription service collects them (ADR 0008).
 */
@ApplicationScoped
@LookupUnlessProperty(name = "flyt.audit.topic", stringValue = "", lookupIfMissing = false)
public class OutboxAuditPublisher implements AuditPublisher {
    private final Outbox outbox;
    private final String topic;

    public OutboxAuditPublisher(
            Outbox outbox, @ConfigProperty(name = "flyt.audit.topic") java.util.Optional<String> topic) {
        this.outbox = outbox;
        this.topic = topic.orElse(null);
    }

    @Override
    public void publish(AuditEvents.AuditRecorded entry) {
        outbox.append(new OutboxMessage(
                topic,
                "customer",
                entry.customerId() == null ? "-" : entry.customerId(),
                AuditEvents.AUDIT_RECORDED,
                AuditEvents.VERSION,
                entry));
    }
}
