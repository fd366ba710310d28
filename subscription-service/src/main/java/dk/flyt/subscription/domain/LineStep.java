package dk.flyt.subscription.domain;

import java.util.Collection;

/**
 * Where one order line's saga stands. Every step is named so an agent can see it; the ones marked
 * {@link #needsAction()} wait for a person (a corrected ICCID or number).
 */
public enum LineStep {
    /** The order is not approved yet (credit check pending, or a telesales order awaiting written acceptance). */
    AWAITING_APPROVAL,
    /** Approved; logistics was asked to ship the SIM. */
    AWAITING_SHIPMENT,
    /** A new number's SIM is out; it activates on first use or at the latest after 45/90 days (R-SUB-01). */
    AWAITING_FIRST_USE,
    PORT_REQUESTED,
    PORT_SCHEDULED,
    /** The donor refused (e.g. wrong ICCID); the customer or an agent corrects and resubmits. */
    PORT_REJECTED,
    /** The port failed after it was agreed; it can be resubmitted like a rejection. */
    PORT_FAILED,
    ACTIVE,
    /** The customer withdrew (R-WDR-01). */
    WITHDRAWN,
    /** The order never became binding: refused by the credit check or lapsed without acceptance. */
    CANCELLED;

    public boolean needsAction() {
        return this == PORT_REJECTED || this == PORT_FAILED;
    }

    public boolean isFinal() {
        return this == ACTIVE || this == WITHDRAWN || this == CANCELLED;
    }

    /** A port-in that the donor may still be working on, so a withdrawal must cancel it (R-WDR-05). */
    public boolean portPending() {
        return this == PORT_REQUESTED || this == PORT_SCHEDULED;
    }

    /** The order's status while it runs, from its lines' steps. */
    public static OrderStatus orderStatus(Collection<LineStep> steps) {
        if (steps.stream().anyMatch(LineStep::needsAction)) {
            return OrderStatus.ACTION_REQUIRED;
        }
        if (!steps.isEmpty() && steps.stream().allMatch(s -> s == ACTIVE)) {
            return OrderStatus.COMPLETED;
        }
        return OrderStatus.IN_PROGRESS;
    }
}
