package dk.flyt.billing.domain;

import java.time.LocalDate;

/**
 * Collecting a negative balance (R-BILL-04, R-BILL-05, R-CMPL-01). The collectible balance leaves out amounts under
 * an open complaint: they are neither topped up, nor noticed, nor a reason to block.
 */
public final class Collection {
    public static final long BLOCK_BELOW_ORE = -50_000;
    public static final int BLOCK_AFTER_DAYS = 8;

    /** The balance as far as collection is concerned: disputed debits are not owed while the complaint runs. */
    public static long collectible(long balanceOre, long openDisputesOre) {
        return balanceOre + openDisputesOre;
    }

    /** R-BILL-04: with automatic payment, a negative balance is topped up to the target (default +100 kr). */
    public static long topUp(long collectibleOre, long targetOre) {
        return collectibleOre < 0 ? targetOre - collectibleOre : 0;
    }

    /** R-BILL-05: blocking is allowed when still negative after 8 days, or below -500 kr at once. */
    public static boolean blockingAllowed(long collectibleOre, LocalDate negativeSince, LocalDate today) {
        if (collectibleOre >= 0) {
            return false;
        }
        return collectibleOre < BLOCK_BELOW_ORE
                || (negativeSince != null && today.isAfter(negativeSince.plusDays(BLOCK_AFTER_DAYS)));
    }

    private Collection() {}
}
