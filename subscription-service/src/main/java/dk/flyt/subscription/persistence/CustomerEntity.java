package dk.flyt.subscription.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A customer profile. {@code cpr} is personal data: it leaves this table only masked or audited (R-DATA-01). */
@Entity
@Table(name = "customer")
public class CustomerEntity {
    @Id
    public String id;

    @Column(nullable = false)
    public String kind;

    public String cpr;
    public String cvr;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String street;

    @Column(name = "postal_code", nullable = false)
    public String postalCode;

    @Column(nullable = false)
    public String city;

    @Column(nullable = false)
    public String email;

    @Column(name = "contact_number")
    public String contactNumber;

    @Column(name = "payment_method_ref", nullable = false)
    public String paymentMethodRef;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
