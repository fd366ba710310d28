package dk.flyt.billing.domain;

/** One-off fees from the price list, in øre incl. VAT. */
public final class PriceList {
    /** R-ORD-06. */
    public static final long CREATION_FEE = 9_900;
    /** R-SUB-10. */
    public static final long NEW_SIM = 4_900;
    /** R-BILL-05: per number blocked for debt. */
    public static final long CLOSING_FEE = 5_000;
    /** R-BILL-06. */
    public static final long REMINDER_FEE = 10_000;
    /** R-BILL-06. */
    public static final long DEBT_COLLECTION_WARNING_FEE = 10_000;

    private PriceList() {}
}
