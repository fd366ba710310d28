package dk.flyt.contracts.hub;

/** The kinds of message operators exchange through the porting hub. */
public enum HubMessageKind {
    /** Recipient → donor: move this number (with the donor SIM's ICCID) on or after a date. */
    PORTING_REQUEST,
    /** Donor → recipient: ACCEPT with a port date, REJECT with a reason code, or DELAYED (answer follows). */
    PORTING_ANSWER,
    /** Recipient → donor: the request is withdrawn. */
    CANCEL,
    /**
     * Recipient → hub: the port is executed now. Hub → every operator: the number routes to {@code operator} now;
     * for the recipient this broadcast is the hub's confirmation that the port is complete (R-PORT-06).
     */
    PORTING_PERFORMED,
    /**
     * Hub → recipient, once per operator: the network of {@code routedBy} routes the number to {@code operator} now.
     * Some but not all by the end of the porting day is a delayed port; none is an interrupted connection (R-PORT-06).
     */
    ROUTING_CONFIRMED,
    /** An operator → hub: a ported number it no longer uses goes back to its range holder. */
    NUMBER_RETURNED,
    /** Anyone → anyone: a message could not be processed ({@code code} says why; {@code inReplyTo} which). */
    ERROR
}
