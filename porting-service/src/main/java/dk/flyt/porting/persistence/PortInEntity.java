package dk.flyt.porting.persistence;

import dk.flyt.porting.domain.IllegalTransition;
import dk.flyt.porting.domain.PortInState;
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
@Table(name = "port_in")
public class PortInEntity {
    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(name = "line_id", nullable = false)
    public String lineId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(nullable = false)
    public String number;

    @Column(name = "donor_iccid", nullable = false)
    public String donorIccid;

    @Column(name = "donor_operator")
    public String donorOperator;

    @Column(nullable = false)
    public String mode;

    @Column(name = "term_ends_on")
    public LocalDate termEndsOn;

    @Column(name = "shipped_on")
    public LocalDate shippedOn;

    @Column(name = "port_date")
    public LocalDate portDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PortInState state;

    @Column(name = "reject_code")
    public String rejectCode;

    @Column(name = "earliest_port_date")
    public LocalDate earliestPortDate;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "portIn", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<PortInTransitionEntity> timeline = new ArrayList<>();

    /** Moves the case and writes the move to its timeline; refuses a move its state does not allow. */
    public void moveTo(PortInState target, String cause, Instant at) {
        if (state != null && !state.canMoveTo(target)) {
            throw new IllegalTransition(state, target);
        }
        PortInTransitionEntity t = new PortInTransitionEntity().record(state, target, cause, at);
        t.portIn = this;
        timeline.add(t);
        state = target;
        updatedAt = at;
    }
}
