package dk.flyt.porting.persistence;

import dk.flyt.contracts.BusinessTime;
import dk.flyt.porting.domain.PortInState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PortInRepository implements PanacheRepositoryBase<PortInEntity, UUID> {
    public Optional<PortInEntity> byOrderLine(String orderId, String lineId) {
        return find("orderId = ?1 and lineId = ?2", orderId, lineId).firstResultOptional();
    }

    /** Cases due for execution on or before {@code today}, locked for this transaction only. */
    public List<PortInEntity> lockScheduledDue(LocalDate today) {
        return find("state = ?1 and portDate <= ?2", PortInState.SCHEDULED, today)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .list();
    }

    /**
     * Cases executed before {@code startOfToday} and still executing: the day of execution ended without every
     * operator routing to us (R-PORT-06, R-PORT-07). Locked for this transaction; other replicas skip them.
     */
    public List<PortInEntity> lockExecutingSince(Instant startOfToday) {
        return find(
                        "state = ?1 and (executedAt < ?2 or (executedAt is null and portDate < ?3))",
                        PortInState.EXECUTING,
                        startOfToday,
                        LocalDate.ofInstant(startOfToday, BusinessTime.ZONE))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .list();
    }

    public List<PortInEntity> byNumber(String number) {
        return list("number", Sort.by("createdAt").descending(), number);
    }
}
