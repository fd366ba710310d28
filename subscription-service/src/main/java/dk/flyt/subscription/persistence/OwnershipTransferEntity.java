package dk.flyt.subscription.persistence;

import dk.flyt.subscription.domain.TransferStatus;
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
@Table(name = "ownership_transfer")
public class OwnershipTransferEntity {
    @Id
    public UUID id;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(name = "from_customer_id", nullable = false)
    public String fromCustomerId;

    @Column(name = "to_customer_id", nullable = false)
    public String toCustomerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TransferStatus status;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    /** SHA-256 of the one-time token in the new owner's link; the token itself is never stored. */
    @Column(name = "token_hash")
    public String tokenHash;

    @Version
    public long version;
}
