package dk.flyt.subscription.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PlanChangeRepository implements PanacheRepositoryBase<PlanChangeEntity, UUID> {
    public List<PlanChangeEntity> ofSubscription(UUID subscriptionId) {
        return list("subscriptionId = ?1 order by orderedOn, id", subscriptionId);
    }

    /** Scheduled changes whose day has come. */
    public List<PlanChangeEntity> dueBy(LocalDate today) {
        return list("status = 'SCHEDULED' and effectiveOn <= ?1", today);
    }
}
