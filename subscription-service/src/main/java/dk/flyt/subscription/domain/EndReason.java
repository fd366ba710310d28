package dk.flyt.subscription.domain;

/** Why a subscription ended: cancelled by notice (R-SUB-07), ported out (R-POUT-02), or withdrawn (R-WDR-01). */
public enum EndReason {
    CANCELLED,
    PORTED_OUT,
    WITHDRAWN
}
