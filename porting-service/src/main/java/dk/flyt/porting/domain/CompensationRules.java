package dk.flyt.porting.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * What a porting fault is worth, in øre (R-COMP-01..03), and until when it can be claimed (R-COMP-04). The automatic
 * grants and the agents' claims both compute through here, so they cannot disagree.
 *
 * <p>Readings (kept here, in one place; {@code docs/porting.md} explains them with examples):
 *
 * <ul>
 *   <li>Days are calendar days in Copenhagen, counted by {@link #calendarDays}: the number of dates from the day the
 *       fault is reckoned from to the day it was fixed. A day is a date, never 24 hours, so a DST change does not
 *       move a boundary.
 *   <li>Delay (R-COMP-02): reckoned from the agreed port date. Working by the end of that day is on time; working on
 *       the day after earns 50 kr, and each further calendar day 5 kr.
 *   <li>Interruption (R-COMP-03): nothing for up to 24 hours of elapsed time without any connection (a DST night
 *       counts its real hours); beyond that 50 kr, and 50 kr for each further calendar day, reckoned from the day the
 *       interruption began: an interruption from Monday 10:00 to Tuesday 11:00 earns 50 kr, one to Wednesday 09:00
 *       100 kr.
 *   <li>Claim limit (R-COMP-04): a claim is in time until the end (midnight, Copenhagen) of the 30th day after the
 *       day the fault was fixed.
 * </ul>
 */
public final class CompensationRules {
    public static final long WRONGFUL_PORT_ORE = 50_000;
    public static final long DELAY_FIRST_DAY_ORE = 5_000;
    public static final long DELAY_PER_FOLLOWING_DAY_ORE = 500;
    public static final long INTERRUPTION_FIRST_ORE = 5_000;
    public static final long INTERRUPTION_PER_FOLLOWING_DAY_ORE = 5_000;
    public static final Duration INTERRUPTION_THRESHOLD = Duration.ofHours(24);
    public static final int CLAIM_DAYS = 30;

    /**
     * The one day count: calendar days in {@code zone} from {@code reckonedFrom} to the day of {@code fixedAt}; 0 when
     * fixed on that day or before.
     */
    public static long calendarDays(LocalDate reckonedFrom, Instant fixedAt, ZoneId zone) {
        return Math.max(0, ChronoUnit.DAYS.between(reckonedFrom, LocalDate.ofInstant(fixedAt, zone)));
    }

    /** R-COMP-01. */
    public static long wrongfulPort() {
        return WRONGFUL_PORT_ORE;
    }

    /** R-COMP-02: a port agreed for {@code agreedDate} that worked everywhere at {@code workedAt}. */
    public static long delayedPort(LocalDate agreedDate, Instant workedAt, ZoneId zone) {
        return delayedPort(calendarDays(agreedDate, workedAt, zone));
    }

    /** R-COMP-02 for {@code daysLate} calendar days after the agreed date; 0 when on time. */
    public static long delayedPort(long daysLate) {
        if (daysLate <= 0) {
            return 0;
        }
        return DELAY_FIRST_DAY_ORE + (daysLate - 1) * DELAY_PER_FOLLOWING_DAY_ORE;
    }

    /** R-COMP-03: no connection at all from {@code from} until {@code until}. */
    public static long interruption(Instant from, Instant until, ZoneId zone) {
        if (Duration.between(from, until).compareTo(INTERRUPTION_THRESHOLD) <= 0) {
            return 0;
        }
        long days = calendarDays(LocalDate.ofInstant(from, zone), until, zone);
        return INTERRUPTION_FIRST_ORE + Math.max(0, days - 1) * INTERRUPTION_PER_FOLLOWING_DAY_ORE;
    }

    /** R-COMP-04: the first moment a claim is too late: midnight after the 30th day after the fix. */
    public static Instant claimDeadline(Instant faultFixedAt, ZoneId zone) {
        return LocalDate.ofInstant(faultFixedAt, zone)
                .plusDays(CLAIM_DAYS + 1L)
                .atStartOfDay(zone)
                .toInstant();
    }

    public static boolean isClaimInTime(Instant faultFixedAt, Instant claimedAt, ZoneId zone) {
        return claimedAt.isBefore(claimDeadline(faultFixedAt, zone));
    }

    /** The moment a port agreed for {@code agreedDate} is late: the end of that day. */
    public static Instant lateFrom(LocalDate agreedDate, ZoneId zone) {
        return agreedDate.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private CompensationRules() {}
}
