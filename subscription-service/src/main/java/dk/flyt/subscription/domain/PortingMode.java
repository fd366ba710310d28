package dk.flyt.subscription.domain;

/** R-PORT-02/03: port as soon as the rules allow, or at the end of the customer's term with the donor. */
public enum PortingMode {
    ASAP,
    END_OF_TERM
}
