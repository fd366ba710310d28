package dk.flyt.billing.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "account")
public class AccountEntity {
    @Id
    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "automatic_payment", nullable = false)
    public boolean automaticPayment = true;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Version
    public long version;
}
