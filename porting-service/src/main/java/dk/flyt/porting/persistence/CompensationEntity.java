package dk.flyt.porting.persistence;

import dk.flyt.porting.domain.CompensationKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "compensation")
public class CompensationEntity {
    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CompensationKind kind;

    @Column(name = "case_id", nullable = false)
    public String caseId;

    public String number;

    @Column(name = "fault_started_at", nullable = false)
    public Instant faultStartedAt;

    @Column(name = "fault_fixed_at", nullable = false)
    public Instant faultFixedAt;

    @Column(name = "amount_ore", nullable = false)
    public long amountOre;

    /** AUTOMATIC (we detected it) or the agent who filed the claim. */
    @Column(nullable = false)
    public String origin;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    @Version
    public long version;
}
