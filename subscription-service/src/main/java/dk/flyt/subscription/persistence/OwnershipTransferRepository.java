package dk.flyt.subscription.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OwnershipTransferRepository implements PanacheRepositoryBase<OwnershipTransferEntity, UUID> {
    public Optional<OwnershipTransferEntity> pendingFor(UUID subscriptionId) {
        return find(
                        "subscriptionId = ?1 and status = ?2",
                        subscriptionId,
                        dk.flyt.subscription.domain.TransferStatus.PENDING)
                .firstResultOptional();
    }
}
