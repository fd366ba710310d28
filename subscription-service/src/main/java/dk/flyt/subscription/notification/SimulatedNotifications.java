package dk.flyt.subscription.notification;

import dk.flyt.subscription.application.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * Stands in for the e-mail/SMS gateway in local runs and tests: keeps what it would have sent, so a test (or a
 * person running the stack) can follow the link. Logs ids only, never the token.
 */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(SimulatedNotifications.class)
public class SimulatedNotifications implements Notifications {
    private static final Logger LOG = Logger.getLogger(SimulatedNotifications.class);

    public record Sent(String kind, String customerId, String subjectId, String token) {}

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void sendAcceptanceLink(String customerId, String orderId, String token) {
        sent.add(new Sent("ORDER_ACCEPTANCE", customerId, orderId, token));
        LOG.infof("Acceptance link for order %s sent to customer %s", orderId, customerId);
    }

    @Override
    public void sendOwnershipTransferLink(String newOwnerCustomerId, String transferId, String token) {
        sent.add(new Sent("OWNERSHIP_TRANSFER", newOwnerCustomerId, transferId, token));
        LOG.infof("Ownership transfer link %s sent to customer %s", transferId, newOwnerCustomerId);
    }

    /** The last token sent about an order or transfer. */
    public Optional<String> lastTokenFor(String subjectId) {
        return sent.stream()
                .filter(s -> s.subjectId().equals(subjectId))
                .reduce((a, b) -> b)
                .map(Sent::token);
    }
}
