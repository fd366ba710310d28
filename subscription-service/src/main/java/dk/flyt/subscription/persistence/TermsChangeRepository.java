package dk.flyt.subscription.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TermsChangeRepository implements PanacheRepositoryBase<TermsChangeEntity, UUID> {
    public List<TermsChangeEntity> ofPlan(String planCode) {
        return list("planCode = ?1 order by announcedOn, id", planCode);
    }

    /** The change of the plan still to take effect after {@code today}, if one is announced. */
    public Optional<TermsChangeEntity> pending(String planCode, LocalDate today) {
        return find(
                        "planCode = ?1 and status = ?2 and effectiveOn > ?3 order by effectiveOn",
                        planCode,
                        dk.flyt.subscription.domain.TermsChangeStatus.ANNOUNCED,
                        today)
                .firstResultOptional();
    }
}
