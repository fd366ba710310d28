package dk.flyt.subscription.domain;

/** An order's named states; the saga ends in one of the final ones, never in silence. */
public enum OrderStatus {
    /** The credit bureau did not answer in time; the check is retried. */
    PENDING_CREDIT_CHECK,
    /** Telesales: held until the customer accepts in writing (R-ORD-08). */
    AWAITING_ACCEPTANCE,
    IN_PROGRESS,
    /** A line waits for a person: a donor rejection to correct. */
    ACTION_REQUIRED,
    COMPLETED,
    /** The credit check refused it (R-ORD-04), or it could not be checked within the retries. */
    REFUSED,
    /** Telesales acceptance did not come in time (R-ORD-08). */
    LAPSED,
    WITHDRAWN;

    public boolean approved() {
        return this == IN_PROGRESS || this == ACTION_REQUIRED || this == COMPLETED;
    }
}
