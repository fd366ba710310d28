package dk.flyt.porting.persistence;

import dk.flyt.porting.domain.IllegalTransition;
import dk.flyt.porting.domain.NumberStatus;
import dk.flyt.porting.domain.PortOutState;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
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
@Table(name = "port_out")
public class PortOutEntity {
    @Id
    public UUID id;

    @Column(name = "dossier_id", nullable = false)
    public String dossierId;

    @Column(name = "recipient_operator", nullable = false)
    public String recipientOperator;

    @Column(nullable = false)
    public String number;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "subscription_id")
    public String subscriptionId;

    @Column(name = "requested_date")
    public LocalDate requestedDate;

    @Column(name = "port_date")
    public LocalDate portDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PortOutState state;

    @Column(name = "reject_code")
    public String rejectCode;

    /** The number's status before this case took it (while ACCEPTED), to give back if it does not complete. */
    @Enumerated(EnumType.STRING)
    @Column(name = "previous_status")
    public NumberStatus previousStatus;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "portOut", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<PortOutTransitionEntity> timeline = new ArrayList<>();

    /** A line in the timeline that does not change the state (a repeated request answered again, say). */
    public void note(String cause, Instant at) {
        PortOutTransitionEntity t = new PortOutTransitionEntity().record(state, state, cause, at);
        t.portOut = this;
        timeline.add(t);
        updatedAt = at;
    }

    public void moveTo(PortOutState target, String cause, Instant at) {
        if (state != null && !state.canMoveTo(target)) {
            throw new IllegalTransition(state, target);
        }
        PortOutTransitionEntity t = new PortOutTransitionEntity().record(state, target, cause, at);
        t.portOut = this;
        timeline.add(t);
        state = target;
        updatedAt = at;
    }
}
