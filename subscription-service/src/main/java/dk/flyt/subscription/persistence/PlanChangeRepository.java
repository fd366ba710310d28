package dk.flyt.subscription.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PlanChangeRepository implements PanacheRepositoryBase<PlanChangeEntity, UUID> {
    public List<PlanChangeEntity> ofSubscription(UUID subscriptionId) {
        return list("subscriptionId = ?1 order by orderedOn, id", subscriptionId);
    }
}
