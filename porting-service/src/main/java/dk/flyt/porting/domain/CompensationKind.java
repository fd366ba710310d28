package dk.flyt.porting.domain;

/** The porting faults that earn the customer a credit. */
public enum CompensationKind {
    /** R-COMP-01: the number moved without the owner's request. */
    WRONGFUL_PORT,
    /** R-COMP-02: the port was not working by the end of the agreed day. */
    DELAYED_PORT,
    /** R-COMP-03: the connection was interrupted for more than 24 hours during a port. */
    INTERRUPTION
}
