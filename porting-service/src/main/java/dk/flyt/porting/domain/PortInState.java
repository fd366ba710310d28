package dk.flyt.porting.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a port-in case, where we are the recipient. The donor answers through the hub: accepted for the date
 * we asked (SCHEDULED), rejected with a reason (REJECTED; corrected data can be sent again), or not yet
 * (ANSWER_DELAYED). On the porting day we execute (EXECUTING). The hub confirms, operator by operator, that their
 * networks route the number to us; when every one does, the case is COMPLETED (R-PORT-06). At the end of the day of
 * execution, a case some operators route is DELAYED and one none route is INTERRUPTED (R-PORT-06, R-PORT-07).
 */
public enum PortInState {
    REQUESTED,
    ANSWER_DELAYED,
    SCHEDULED,
    REJECTED,
    EXECUTING,
    /** Some operators route the number to us, not all, after the day it was executed: a delayed port (R-COMP-02). */
    DELAYED,
    /** No operator routes the number to us after the day it was executed: the connection is interrupted (R-COMP-03). */
    INTERRUPTED,
    COMPLETED,
    CANCELLED,
    FAILED;

    /** The states this one may move to. */
    public Set<PortInState> next() {
        return switch (this) {
            case REQUESTED, ANSWER_DELAYED ->
                EnumSet.of(REQUESTED, ANSWER_DELAYED, SCHEDULED, REJECTED, CANCELLED, FAILED);
            case SCHEDULED -> EnumSet.of(EXECUTING, COMPLETED, CANCELLED, FAILED);
            case EXECUTING -> EnumSet.of(COMPLETED, DELAYED, INTERRUPTED, FAILED);
            case INTERRUPTED -> EnumSet.of(DELAYED, COMPLETED, FAILED);
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

    /** Waiting for the donor's answer. */
    public boolean awaitsAnswer() {
        return this == REQUESTED || this == ANSWER_DELAYED;
    }

    /** Executed, not yet routed everywhere: routing confirmations apply. */
    public boolean isRouting() {
        return this == EXECUTING || this == DELAYED || this == INTERRUPTED;
    }
}
