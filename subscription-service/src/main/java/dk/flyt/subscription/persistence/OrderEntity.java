package dk.flyt.subscription.persistence;

import dk.flyt.subscription.domain.Channel;
import dk.flyt.subscription.domain.CreditOutcome;
import dk.flyt.subscription.domain.OrderStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "customer_order")
public class OrderEntity {
    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;

    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "placed_by", nullable = false)
    public String placedBy;

    public String campaign;

    @Column(name = "creation_fee_ore", nullable = false)
    public long creationFeeOre;

    @Column(name = "creation_fee_waived", nullable = false)
    public boolean creationFeeWaived;

    public String device;

    @Column(name = "device_received_on")
    public LocalDate deviceReceivedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "credit_decision")
    public CreditOutcome creditDecision;

    @Column(name = "credit_reason")
    public String creditReason;

    @Column(name = "credit_attempts", nullable = false)
    public int creditAttempts;

    @Column(name = "accepted_on")
    public LocalDate acceptedOn;

    @Column(name = "withdrawal_deadline")
    public LocalDate withdrawalDeadline;

    @Column(name = "acceptance_token_hash")
    public String acceptanceTokenHash;

    @Column(name = "acceptance_expires_at")
    public Instant acceptanceExpiresAt;

    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    @OrderBy("position")
    public List<OrderLineEntity> lines = new ArrayList<>();

    @Version
    public long version;

    public OrderLineEntity line(UUID lineId) {
        return lines.stream().filter(l -> l.id.equals(lineId)).findFirst().orElse(null);
    }
}
