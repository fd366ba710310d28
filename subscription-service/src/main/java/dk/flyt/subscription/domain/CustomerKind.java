package dk.flyt.subscription.domain;

/** A private profile is identified by CPR, a business profile by CVR (R-ORD-01). */
public enum CustomerKind {
    PRIVATE,
    BUSINESS;

    /** R-ORD-02: how many subscriptions one profile may hold. */
    public int subscriptionLimit() {
        return this == PRIVATE ? 12 : 20;
    }

    /** R-SUB-01: how long an unused new SIM waits before it activates anyway. */
    public int activationDays() {
        return this == PRIVATE ? 45 : 90;
    }

    /** R-SUB-06: a consumer binding period is at most 6 months; a business may agree to longer. */
    public int maxBindingMonths() {
        return this == PRIVATE ? 6 : 24;
    }
}
