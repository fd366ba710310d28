package dk.flyt.porting.persistence;

import dk.flyt.porting.domain.PortOutState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class PortOutRepository implements PanacheRepositoryBase<PortOutEntity, UUID> {
    public Optional<PortOutEntity> byDossier(String recipient, String dossierId) {
        return find("recipientOperator = ?1 and dossierId = ?2", recipient, dossierId)
                .firstResultOptional();
    }

    /** The recipients of port-outs with this dossier id: dossier ids are unique per recipient only. */
    public Set<String> recipientsOf(String dossierId) {
        return getEntityManager()
                .createQuery("select p.recipientOperator from PortOutEntity p where p.dossierId = ?1", String.class)
                .setParameter(1, dossierId)
                .getResultStream()
                .collect(Collectors.toSet());
    }

    /** The port-outs with this dossier id and number, whichever their recipient. */
    public List<PortOutEntity> byDossierAndNumber(String dossierId, String number) {
        return list("dossierId = ?1 and number = ?2", dossierId, number);
    }

    /** The accepted port-out holding the number, if any. */
    public Optional<PortOutEntity> accepted(String number) {
        return find("number = ?1 and state = ?2", number, PortOutState.ACCEPTED).firstResultOptional();
    }

    public List<PortOutEntity> byNumber(String number) {
        return list("number", Sort.by("createdAt").descending(), number);
    }
}
