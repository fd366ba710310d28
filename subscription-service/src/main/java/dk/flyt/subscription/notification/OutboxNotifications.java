package dk.flyt.subscription.notification;

import dk.flyt.subscription.application.Notifications;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The real notifications (selected with {@code flyt.adapters.notifications=smtp}): each message is written to
 * {@code notification_outbox} in the caller's transaction, so a rolled-back decision sends nothing, and
 * {@link NotificationRelay} sends it by e-mail and SMS once the transaction has committed.
 */
public class OutboxNotifications implements Notifications {
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final NotificationRelay relay;

    public OutboxNotifications(
            EntityManager em, TransactionSynchronizationRegistry transactions, NotificationRelay relay) {
        this.em = em;
        this.transactions = transactions;
        this.relay = relay;
    }

    @Override
    public void sendAcceptanceLink(String customerId, String orderId, String token) {
        write(NotificationRelay.Kind.ORDER_ACCEPTANCE, customerId, orderId, token);
    }

    @Override
    public void sendOwnershipTransferLink(String newOwnerCustomerId, String transferId, String token) {
        write(NotificationRelay.Kind.OWNERSHIP_TRANSFER, newOwnerCustomerId, transferId, token);
    }

    private void write(NotificationRelay.Kind kind, String customerId, String subjectId, String token) {
        // delivery is on the wall clock (NotificationRelay): the message is due now, whatever the business time
        OffsetDateTime now = OffsetDateTime.now(Clock.systemUTC());
        em.createNativeQuery("""
                        INSERT INTO notification_outbox (kind, customer_id, subject_id, token, created_at, next_attempt_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?5)
                        """)
                .setParameter(1, kind.name())
                .setParameter(2, customerId)
                .setParameter(3, subjectId)
                .setParameter(4, token)
                .setParameter(5, now)
                .executeUpdate();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
