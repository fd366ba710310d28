package dk.flyt.subscription.domain;

/** What the credit check decided for an order (R-ORD-04), as the order keeps it; none while it is still pending. */
public enum CreditOutcome {
    APPROVED,
    REFUSED
}
