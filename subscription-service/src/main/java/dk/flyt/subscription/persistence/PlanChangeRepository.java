package dk.flyt.subscription.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PlanChangeRepository implements PanacheRepositoryBase<PlanChangeEntity, UUID> {
    /** Scheduled moves to {@code planCode} that take effect on or after {@code from}. */
    public List<PlanChangeEntity> scheduledTo(String planCode, java.time.LocalDate from) {
        return list(
                "toPlan = ?1 and status = ?2 and effectiveOn >= ?3",
                planCode,
                dk.flyt.subscription.domain.PlanChangeStatus.SCHEDULED,
                from);
    }

    public List<PlanChangeEntity> ofSubscription(UUID subscriptionId) {
        return list("subscriptionId = ?1 order by orderedOn, id", subscriptionId);
    }
}
