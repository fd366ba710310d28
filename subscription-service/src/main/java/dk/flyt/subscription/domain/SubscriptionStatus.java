package dk.flyt.subscription.domain;

/**
 * Where a subscription is in its life: {@code PENDING} from the order's approval until it activates (first use, a
 * completed port-in, R-SUB-01, R-PORT-05), {@code ACTIVE}, {@code BLOCKED} while its SIM is blocked (R-SUB-10), and
 * {@code ENDED} with an {@link EndReason}.
 */
public enum SubscriptionStatus {
    PENDING,
    ACTIVE,
    BLOCKED,
    ENDED;

    /** A line the customer has: active, or blocked and still theirs (112 stays reachable). */
    public boolean isLive() {
        return this == ACTIVE || this == BLOCKED;
    }
}
