package dk.flyt.porting.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a port-in case, where we are the recipient. The donor answers through the hub: accepted with a date
 * (SCHEDULED), rejected with a reason (REJECTED; corrected data can be sent again), or not yet (ANSWER_DELAYED).
 * On the porting day we execute (EXECUTING); only the hub's confirmation that every operator routes to us completes
 * the case (R-PORT-06). Not working by the end of the agreed day, it is DELAYED (R-PORT-07).
 */
public enum PortInState {
    REQUESTED,
    ANSWER_DELAYED,
    SCHEDULED,
    REJECTED,
    EXECUTING,
    DELAYED,
    COMPLETED,
    CANCELLED,
    FAILED;

    /** The states this one may move to. */
    public Set<PortInState> next() {
        return switch (this) {
            case REQUESTED, ANSWER_DELAYED -> EnumSet.of(ANSWER_DELAYED, SCHEDULED, REJECTED, CANCELLED, FAILED);
            case SCHEDULED -> EnumSet.of(EXECUTING, COMPLETED, CANCELLED, FAILED);
            case EXECUTING -> EnumSet.of(COMPLETED, DELAYED, FAILED);
            case DELAYED -> EnumSet.of(COMPLETED, FAILED);
            case REJECTED -> EnumSet.of(REQUESTED, CANCELLED);
            case COMPLETED, CANCELLED, FAILED -> EnumSet.noneOf(PortInState.class);
        };
    }

    public boolean canMoveTo(PortInState target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /** Before the number moved: a withdrawal still cancels the port at the donor (R-WDR-05). */
    public boolean isCancellable() {
        return canMoveTo(CANCELLED);
    }
}
