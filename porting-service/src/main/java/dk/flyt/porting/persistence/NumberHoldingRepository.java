package dk.flyt.porting.persistence;

import dk.flyt.porting.domain.NumberStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
public class NumberHoldingRepository implements PanacheRepositoryBase<NumberHoldingEntity, String> {
    public List<NumberHoldingEntity> lockWindowsEndedBefore(LocalDate today) {
        return find("status = ?1 and windowUntil < ?2", NumberStatus.WINDOW, today)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .list();
    }

    public List<NumberHoldingEntity> lockQuarantinesEndedBefore(LocalDate today) {
        return find("status = ?1 and quarantineUntil < ?2", NumberStatus.QUARANTINED, today)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .list();
    }
}
