package dk.flyt.subscription.domain;

/** A plan change: {@code SCHEDULED} for the month change, {@code EFFECTIVE}, or {@code CANCELLED} before (R-SUB-04). */
public enum PlanChangeStatus {
    SCHEDULED,
    EFFECTIVE,
    CANCELLED
}
