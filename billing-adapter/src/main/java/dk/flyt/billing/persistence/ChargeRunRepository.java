package dk.flyt.billing.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ChargeRunRepository implements PanacheRepositoryBase<ChargeRunEntity, UUID> {
    public Optional<ChargeRunEntity> forMonth(LocalDate month) {
        return find("month", month).firstResultOptional();
    }
}
