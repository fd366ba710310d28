package dk.flyt.subscription.domain;

public enum SimKind {
    SIM,
    ESIM
}
