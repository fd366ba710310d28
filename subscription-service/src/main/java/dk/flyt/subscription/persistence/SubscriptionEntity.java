package dk.flyt.subscription.persistence;

import dk.flyt.subscription.domain.EndReason;
import dk.flyt.subscription.domain.SubscriptionStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "subscription")
public class SubscriptionEntity {
    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "line_id", nullable = false)
    public UUID lineId;

    @Column(nullable = false)
    public String number;

    public String iccid;

    @Column(name = "plan_code", nullable = false)
    public String planCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubscriptionStatus status;

    @Column(name = "block_reason")
    public String blockReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public EndReason endReason;

    @Column(name = "binding_months", nullable = false)
    public int bindingMonths;

    @Column(name = "created_on", nullable = false)
    public LocalDate createdOn;

    @Column(name = "activation_due_on")
    public LocalDate activationDueOn;

    @Column(name = "activated_on")
    public LocalDate activatedOn;

    @Column(name = "binding_ends_on")
    public LocalDate bindingEndsOn;

    @Column(name = "notice_given_on")
    public LocalDate noticeGivenOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "voice_seconds_used", nullable = false)
    public long voiceSecondsUsed;

    @Column(name = "data_megabytes_used", nullable = false)
    public long dataMegabytesUsed;

    @Column(name = "first_used_at")
    public Instant firstUsedAt;

    @Version
    public long version;

    public boolean isLive() {
        return status.isLive();
    }
}
