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

    /**
     * Serialises, until the transaction ends, everything that looks a CPR or CVR up to create a profile for it: two
     * first orders for one new CPR then meet the profile the first created instead of the unique index (whose error
     * text would carry the CPR).
     */
    public void lockIdentity(String identity) {
        getEntityManager()
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 7714))")
                .setParameter(1, identity)
                .getSingleResult();
    }

    /** Locks the profile so that two concurrent orders cannot both squeeze under the limit (R-ORD-02). */
    public CustomerEntity lock(String id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
