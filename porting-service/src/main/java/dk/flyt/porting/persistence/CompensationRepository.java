package dk.flyt.porting.persistence;

import dk.flyt.porting.domain.CompensationKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CompensationRepository implements PanacheRepositoryBase<CompensationEntity, UUID> {
    public Optional<CompensationEntity> forCase(String caseId, CompensationKind kind) {
        return find("caseId = ?1 and kind = ?2", caseId, kind).firstResultOptional();
    }

    public List<CompensationEntity> ofCustomer(String customerId) {
        return list("customerId", customerId);
    }
}
