package dk.flyt.porting.persistence;

import dk.flyt.porting.domain.NumberStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "number_holding")
public class NumberHoldingEntity {
    @Id
    public String number;

    public String iccid;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "subscription_id")
    public String subscriptionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NumberStatus status;

    @Column(name = "portable_until")
    public LocalDate portableUntil;

    @Column(name = "window_until")
    public LocalDate windowUntil;

    @Column(name = "quarantine_until")
    public LocalDate quarantineUntil;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
