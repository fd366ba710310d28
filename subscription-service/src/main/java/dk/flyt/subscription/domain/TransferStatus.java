package dk.flyt.subscription.domain;

/** An ownership transfer (R-SUB-09): {@code PENDING} for the new owner's 48 hours, then {@code ACCEPTED} or {@code LAPSED}. */
public enum TransferStatus {
    PENDING,
    ACCEPTED,
    LAPSED
}
