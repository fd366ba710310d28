package dk.flyt.subscription.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<CustomerEntity, String> {
    public Optional<CustomerEntity> byCpr(String cpr) {
        return find("cpr", cpr).firstResultOptional();
    }

    public Optional<CustomerEntity> byCvr(String cvr) {
        return find("cvr", cvr).firstResultOptional();
    }

    /** Locks the profile so that two concurrent orders cannot both squeeze under the limit (R-ORD-02). */
    public CustomerEntity lock(String id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
