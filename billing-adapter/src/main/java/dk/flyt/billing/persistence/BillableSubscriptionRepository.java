package dk.flyt.billing.persistence;

import dk.flyt.billing.domain.BillingState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class BillableSubscriptionRepository implements PanacheRepositoryBase<BillableSubscriptionEntity, String> {
    /** The subscription's row, locked for this transaction: one review of a subscription at a time. */
    public Optional<BillableSubscriptionEntity> lock(String subscriptionId) {
        return findByIdOptional(subscriptionId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Whether the customer holds a line that is still open: unknown, pending or active (R-BILL-07). */
    public boolean hasOpenLine(String customerId) {
        return count(
                        "customerId = ?1 and status in ?2",
                        customerId,
                        List.of(BillingState.Status.UNKNOWN, BillingState.Status.PENDING, BillingState.Status.ACTIVE))
                > 0;
    }

    public List<BillableSubscriptionEntity> ofOrder(String orderId) {
        return list("orderId", orderId);
    }

    public List<BillableSubscriptionEntity> ofCustomer(String customerId) {
        return list("customerId", customerId);
    }
}
