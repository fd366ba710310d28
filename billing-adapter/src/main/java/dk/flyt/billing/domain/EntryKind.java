package dk.flyt.billing.domain;

/** What a ledger entry is. Debits are negative amounts, credits positive (R-BILL-03). */
public enum EntryKind {
    CHARGE,
    FEE,
    USAGE,
    REFUND,
    COMPENSATION,
    TOP_UP,
    SETTLEMENT
}
