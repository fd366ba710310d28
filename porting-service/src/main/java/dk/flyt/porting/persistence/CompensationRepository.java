package dk.flyt.porting.persistence;

import dk.flyt.porting.domain.CompensationKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CompensationRepository implements PanacheRepositoryBase<CompensationEntity, UUID> {
    public Optional<CompensationEntity> forCase(String caseId, CompensationKind kind) {
        return find("caseId = ?1 and kind = ?2", caseId, kind).firstResultOptional();
    }

    public List<CompensationEntity> ofCustomer(String customerId) {
        return list("customerId", customerId);
    }

    /**
     * Inserts the grant unless the case was compensated for the kind already (UNIQUE (case_id, kind)); true when
     * inserted. A claim and an automatic grant racing for the same case both end here, and exactly one wins.
     */
    public boolean insertOnce(CompensationEntity c) {
        return getEntityManager()
                        .createNativeQuery("""
                                INSERT INTO compensation (id, customer_id, kind, case_id, number, fault_started_at,
                                                          fault_fixed_at, amount_ore, origin, granted_at, version)
                                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0)
                                ON CONFLICT (case_id, kind) DO NOTHING
                                """)
                        .setParameter(1, c.id)
                        .setParameter(2, c.customerId)
                        .setParameter(3, c.kind.name())
                        .setParameter(4, c.caseId)
                        .setParameter(5, c.number)
                        .setParameter(6, c.faultStartedAt.atOffset(ZoneOffset.UTC))
                        .setParameter(7, c.faultFixedAt.atOffset(ZoneOffset.UTC))
                        .setParameter(8, c.amountOre)
                        .setParameter(9, c.origin)
                        .setParameter(10, c.grantedAt.atOffset(ZoneOffset.UTC))
                        .executeUpdate()
                == 1;
    }
}
