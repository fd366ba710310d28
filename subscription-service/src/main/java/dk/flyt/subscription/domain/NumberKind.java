package dk.flyt.subscription.domain;

/** R-ORD-03: a new number from our pool, or port-in of an existing Danish mobile number. */
public enum NumberKind {
    NEW,
    PORT_IN
}
