package dk.flyt.porting.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/** One line of a case's timeline: when it moved, from which state to which, and why. */
@MappedSuperclass
public abstract class Transition {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "from_state")
    public String fromState;

    @Column(name = "to_state", nullable = false)
    public String toState;

    @Column(nullable = false)
    public String cause;

    /** Fills this transition for a move from {@code from} (null for the first) to {@code to}. */
    <T extends Transition> T record(Enum<?> from, Enum<?> to, String why, Instant when) {
        this.fromState = from == null ? null : from.name();
        this.toState = to.name();
        this.cause = why;
        this.at = when;
        @SuppressWarnings("unchecked")
        T self = (T) this;
        return self;
    }
}
