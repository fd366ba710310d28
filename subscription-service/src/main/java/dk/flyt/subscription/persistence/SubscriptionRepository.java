package dk.flyt.subscription.persistence;

import dk.flyt.subscription.domain.SubscriptionStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<SubscriptionEntity, UUID> {
    public List<SubscriptionEntity> ofCustomer(String customerId) {
        return list("customerId = ?1 order by createdOn, id", customerId);
    }

    /** Subscriptions the profile holds: pending, active or blocked (R-ORD-02). */
    public long heldBy(String customerId) {
        return count("customerId = ?1 and status <> ?2", customerId, SubscriptionStatus.ENDED);
    }

    /** Subscriptions on a plan that are not ended (pending, active or blocked). */
    public List<SubscriptionEntity> notEndedOnPlan(String planCode) {
        return list("planCode = ?1 and status <> ?2", planCode, SubscriptionStatus.ENDED);
    }

    public Optional<SubscriptionEntity> liveByNumber(String number) {
        return find(
                        "number = ?1 and status in ?2",
                        number,
                        java.util.List.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.BLOCKED))
                .firstResultOptional();
    }
}
