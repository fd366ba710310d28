package dk.flyt.porting.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PortInRepository implements PanacheRepositoryBase<PortInEntity, UUID> {
    public java.util.Optional<PortInEntity> byOrderLine(String orderId, String lineId) {
        return find("orderId = ?1 and lineId = ?2", orderId, lineId).firstResultOptional();
    }

    /** Cases due for execution on or before {@code today}, locked for this transaction only. */
    public List<PortInEntity> lockScheduledDue(java.time.LocalDate today) {
        return find("state = ?1 and portDate <= ?2", dk.flyt.porting.domain.PortInState.SCHEDULED, today)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .list();
    }

    /** Cases still executing after their porting day: late (R-PORT-07). */
    public List<PortInEntity> lockExecutingBefore(java.time.LocalDate today) {
        return find("state = ?1 and portDate < ?2", dk.flyt.porting.domain.PortInState.EXECUTING, today)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .list();
    }

    public List<PortInEntity> byNumber(String number) {
        return list("number", Sort.by("createdAt").descending(), number);
    }
}
