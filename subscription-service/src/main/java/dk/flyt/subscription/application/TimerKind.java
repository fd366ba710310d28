package dk.flyt.subscription.application;

/** The saga's timers; each is a row in {@code saga_timer} keyed by kind and aggregate id. */
public enum TimerKind {
    /** Ask the credit bureau again (order id). */
    CREDIT_RETRY,
    /** A telesales order not accepted in time lapses (order id), R-ORD-08. */
    ACCEPTANCE_LAPSE,
    /** A new number's SIM activates at the latest now (subscription id), R-SUB-01. */
    ACTIVATION_DUE,
    /** A scheduled plan change takes effect (plan change id), R-SUB-03. */
    PLAN_CHANGE,
    /** A cancelled subscription ends (subscription id), R-SUB-07. */
    SUBSCRIPTION_END,
    /** A plan's announced price change takes effect (terms change id), R-SUB-11. */
    TERMS_CHANGE,
    /** An ownership transfer not accepted within 48 hours lapses (transfer id), R-SUB-09. */
    TRANSFER_LAPSE
}
