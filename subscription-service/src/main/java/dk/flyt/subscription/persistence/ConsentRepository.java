package dk.flyt.subscription.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<ConsentEntity, UUID> {
    public List<ConsentEntity> ofCustomer(String customerId) {
        return list("customerId", Sort.by("givenAt").and("id"), customerId);
    }
}
