package dk.flyt.porting.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * What a porting fault is worth, in øre (R-COMP-01..03), and until when it can be claimed (R-COMP-04).
 *
 * <p>Readings (kept here, in one place): a delay counts the calendar days in Copenhagen from the agreed port date to
 * the day the port worked; the first day late earns 50 kr and each further whole day 5 kr. An interruption counts
 * elapsed time: more than 24 hours earns 50 kr, and each further whole 24 hours another 50 kr.
 */
public final class CompensationRules {
    public static final long WRONGFUL_PORT_ORE = 50_000;
    public static final long DELAY_FIRST_DAY_ORE = 5_000;
    public static final long DELAY_PER_FOLLOWING_DAY_ORE = 500;
    public static final long INTERRUPTION_FIRST_ORE = 5_000;
    public static final long INTERRUPTION_PER_FOLLOWING_DAY_ORE = 5_000;
    public static final int CLAIM_DAYS = 30;

    /** R-COMP-01. */
    public static long wrongfulPort() {
        return WRONGFUL_PORT_ORE;
    }

    /** R-COMP-02: {@code daysLate} calendar days after the agreed date; 0 when on time. */
    public static long delayedPort(long daysLate) {
        if (daysLate <= 0) {
            return 0;
        }
        return DELAY_FIRST_DAY_ORE + (daysLate - 1) * DELAY_PER_FOLLOWING_DAY_ORE;
    }

    /** Calendar days from the agreed date to the day the port worked, in the business zone. */
    public static long daysLate(LocalDate agreedDate, Instant workedAt, ZoneId zone) {
        return Math.max(0, ChronoUnit.DAYS.between(agreedDate, LocalDate.ofInstant(workedAt, zone)));
    }

    /** R-COMP-03: nothing up to 24 hours; then 50 kr, and 50 kr for each further whole 24 hours. */
    public static long interruption(Duration interruption) {
        Duration beyond = interruption.minusHours(24);
        if (beyond.isNegative() || beyond.isZero()) {
            return 0;
        }
        return INTERRUPTION_FIRST_ORE + beyond.toHours() / 24 * INTERRUPTION_PER_FOLLOWING_DAY_ORE;
    }

    /** R-COMP-04: the last moment a claim may arrive, 30 days after the fault was fixed. */
    public static Instant claimDeadline(Instant faultFixedAt) {
        return faultFixedAt.plus(Duration.ofDays(CLAIM_DAYS));
    }

    public static boolean isClaimInTime(Instant faultFixedAt, Instant claimedAt) {
        return !claimedAt.isAfter(claimDeadline(faultFixedAt));
    }

    private CompensationRules() {}
}
