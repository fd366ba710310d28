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

    /** Takes the number into an accepted port-out; returns the status to give back if the port-out does not happen. */
    public NumberStatus takeForPortOut(Instant at) {
        NumberStatus before = status;
        status = NumberStatus.PORTING_OUT;
        updatedAt = at;
        return before;
    }

    /**
     * The port-out did not happen, or failed after it did (R-POUT-05): the number is as it was before, with its
     * deadlines (a withdrawal window stays a window until its day, R-WDR-06; an ended agreement stays portable until
     * its day, R-POUT-06).
     */
    public void giveBack(NumberStatus before, Instant at) {
        status = before == null ? NumberStatus.ACTIVE : before;
        updatedAt = at;
    }
}
