package dk.flyt.porting.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a port-out case, where we are the donor and the recipient operator leads (R-PORT-09, R-POUT-01). A
 * rejected request may come again with corrected data under the same dossier; it is decided afresh.
 */
public enum PortOutState {
    ACCEPTED,
    REJECTED,
    COMPLETED,
    CANCELLED,
    /** The hub reported the port failed before it was executed: the number is back as it was. */
    FAILED,
    /** Failed after we deactivated the number: it is ours again, on the same terms (R-POUT-05). */
    REVERTED;

    public Set<PortOutState> next() {
        return switch (this) {
            case ACCEPTED -> EnumSet.of(COMPLETED, CANCELLED, FAILED);
            case REJECTED -> EnumSet.of(ACCEPTED, REJECTED);
            case COMPLETED -> EnumSet.of(REVERTED);
            case CANCELLED, FAILED, REVERTED -> EnumSet.noneOf(PortOutState.class);
        };
    }

    public boolean canMoveTo(PortOutState target) {
        return next().contains(target);
    }

    /** The number is held for this case: leaving it any way but COMPLETED gives the number back its state. */
    public boolean holdsTheNumber() {
        return this == ACCEPTED;
    }
}
