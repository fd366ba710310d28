package dk.flyt.billing.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "charge_run")
public class ChargeRunEntity {
    @Id
    public UUID id;

    @Column(nullable = false)
    public LocalDate month;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int total;

    @Column(nullable = false)
    public int done;

    @Column(nullable = false)
    public int charged;

    @Column(nullable = false)
    public int failures;

    @Column(name = "lease_until", nullable = false)
    public Instant leaseUntil;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Version
    public long version;
}
