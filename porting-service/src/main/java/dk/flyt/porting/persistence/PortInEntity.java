package dk.flyt.porting.persistence;

import dk.flyt.porting.domain.IllegalTransition;
import dk.flyt.porting.domain.PortInState;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** When the porting day run executed it: a connection without any routing is interrupted from here. */
    @Column(name = "executed_at")
    public Instant executedAt;

    /** When the first operator confirmed it routes the number to us. */
    @Column(name = "first_routed_at")
    public Instant firstRoutedAt;

    /** Each operator that confirmed it routes the number to us, and when (R-PORT-06). */
    @ElementCollection
    @CollectionTable(name = "port_in_routing", joinColumns = @JoinColumn(name = "port_in_id"))
    @MapKeyColumn(name = "operator")
    @Column(name = "confirmed_at")
    public Map<String, Instant> routing = new HashMap<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "portIn", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<PortInTransitionEntity> timeline = new ArrayList<>();

    /** Whether the case was ever in {@code s}. */
    public boolean wasIn(PortInState s) {
        return timeline.stream().anyMatch(t -> s.name().equals(t.toState));
    }

    /** A line in the timeline that does not change the state: a refused donor date, say, for the agent to see. */
    public void note(String cause, Instant at) {
        PortInTransitionEntity t = new PortInTransitionEntity().record(state, state, cause, at);
        t.portIn = this;
        timeline.add(t);
        updatedAt = at;
    }

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
