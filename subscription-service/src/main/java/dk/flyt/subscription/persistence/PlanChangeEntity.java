package dk.flyt.subscription.persistence;

import dk.flyt.subscription.domain.PlanChangeStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "plan_change")
public class PlanChangeEntity {
    @Id
    public UUID id;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(name = "from_plan", nullable = false)
    public String fromPlan;

    @Column(name = "to_plan", nullable = false)
    public String toPlan;

    @Column(nullable = false)
    public boolean immediate;

    @Column(name = "ordered_on", nullable = false)
    public LocalDate orderedOn;

    @Column(name = "effective_on", nullable = false)
    public LocalDate effectiveOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanChangeStatus status;

    @Column(name = "ordered_by", nullable = false)
    public String orderedBy;

    @Version
    public long version;
}
