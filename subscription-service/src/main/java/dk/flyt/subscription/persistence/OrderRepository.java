package dk.flyt.subscription.persistence;

import dk.flyt.subscription.domain.OrderStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<OrderEntity, UUID> {
    public Optional<OrderEntity> byIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    public List<OrderEntity> ofCustomer(String customerId) {
        return list("customerId = ?1 order by createdAt desc, id", customerId);
    }

    /** Orders in one of the {@code status}es across customers, the longest unchanged first (the agents' queue). */
    public List<OrderEntity> inStatus(java.util.Set<OrderStatus> status, int limit) {
        return find("status in ?1 order by updatedAt, id", status)
                .page(0, limit)
                .list();
    }

    /** The order whose line has this port-in case. */
    public Optional<OrderEntity> byPortIn(String portInId) {
        return find("select o from OrderEntity o join o.lines l where l.portInId = ?1", portInId)
                .firstResultOptional();
    }

    /** Lines of orders not yet approved: they count against the profile limit too (R-ORD-02). */
    public long pendingLines(String customerId) {
        return getEntityManager()
                .createQuery(
                        "select count(l) from OrderEntity o join o.lines l where o.customerId = ?1 and o.status in ?2",
                        Long.class)
                .setParameter(1, customerId)
                .setParameter(2, List.of(OrderStatus.PENDING_CREDIT_CHECK, OrderStatus.AWAITING_ACCEPTANCE))
                .getSingleResult();
    }
}
