package dk.flyt.porting.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a port-in case, where we are the recipient. The donor answers through the hub: accepted with a date
 * (SCHEDULED), rejected with a reason (REJECTED; corrected data can be sent again), or not yet (ANSWER_DELAYED).
 * Only the hub's confirmation that every operator routes to us completes it (R-PORT-06).
 */
public enum PortInState {
    REQUESTED,
    ANSWER_DELAYED,
    SCHEDULED,
    REJECTED,
    COMPLETED,
    CANCELLED,
    FAILED;

    /** The states this one may move to. */
    public Set<PortInState> next() {
        return switch (this) {
            case REQUESTED, ANSWER_DELAYED -> EnumSet.of(ANSWER_DELAYED, SCHEDULED, REJECTED, CANCELLED, FAILED);
            case SCHEDULED -> EnumSet.of(COMPLETED, CANCELLED, FAILED);
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
}
