package dk.flyt.porting.persistence;

import dk.flyt.porting.domain.PortOutState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PortOutRepository implements PanacheRepositoryBase<PortOutEntity, UUID> {
    public Optional<PortOutEntity> byDossier(String recipient, String dossierId) {
        return find("recipientOperator = ?1 and dossierId = ?2", recipient, dossierId)
                .firstResultOptional();
    }

    public Optional<PortOutEntity> byDossier(String dossierId) {
        return find("dossierId", dossierId).firstResultOptional();
    }

    public Optional<PortOutEntity> latestInState(String number, PortOutState state) {
        return find("number = ?1 and state = ?2", Sort.by("createdAt").descending(), number, state)
                .firstResultOptional();
    }

    public List<PortOutEntity> byNumber(String number) {
        return list("number", Sort.by("createdAt").descending(), number);
    }
}
