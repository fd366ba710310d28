package dk.flyt.subscription.domain;

public enum PlanType {
    MOBILE,
    DATA_ONLY
}
