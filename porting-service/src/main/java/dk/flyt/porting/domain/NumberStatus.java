package dk.flyt.porting.domain;

/** What a number we hold may do. */
public enum NumberStatus {
    /** In use by a subscription. */
    ACTIVE,
    /** The agreement ended; the number may still be ported out until {@code portableUntil} (R-POUT-06). */
    ENDED,
    /** A port-out is accepted and pending. */
    PORTING_OUT,
    /** Gone to another operator. */
    PORTED_OUT,
    /** After a withdrawal following a port-in: a new recipient may take it until {@code windowUntil} (R-WDR-06). */
    WINDOW,
    /** Nobody took it: resting before it is returned to its range holder. */
    QUARANTINED,
    /** Returned to its range holder through the hub. */
    RETURNED
}
