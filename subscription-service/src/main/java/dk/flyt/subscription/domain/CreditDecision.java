package dk.flyt.subscription.domain;

/** The credit bureau's answer (R-ORD-04). */
public sealed interface CreditDecision {
    record Approved() implements CreditDecision {}

    /** Refused, with the bureau's reason code, which the order records and the customer is told. */
    record Refused(String reason) implements CreditDecision {}

    /** The bureau did not answer in time; the order waits and the check is retried. */
    record Unavailable(String why) implements CreditDecision {}
}
