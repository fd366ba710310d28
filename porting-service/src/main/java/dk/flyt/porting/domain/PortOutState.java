package dk.flyt.porting.domain;

import java.util.EnumSet;
import java.util.Set;

/** The life of a port-out case, where we are the donor and the recipient operator leads (R-PORT-09, R-POUT-01). */
public enum PortOutState {
    ACCEPTED,
    REJECTED,
    COMPLETED,
    CANCELLED,
    /** Failed after we deactivated the number: it is active with us again (R-POUT-05). */
    REVERTED;

    public Set<PortOutState> next() {
        return switch (this) {
            case ACCEPTED -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED -> EnumSet.of(REVERTED);
            case REJECTED, CANCELLED, REVERTED -> EnumSet.noneOf(PortOutState.class);
        };
    }

    public boolean canMoveTo(PortOutState target) {
        return next().contains(target);
    }
}
