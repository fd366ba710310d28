package dk.flyt.calendar;

/** When a ported number should move. */
public enum PortingMode {
    /** As soon as the rules allow (R-PORT-02). */
    ASAP,
    /** When the customer's notice or binding period at the donor ends (R-PORT-03). */
    END_OF_TERM
}
