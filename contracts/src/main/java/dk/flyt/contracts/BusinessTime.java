package dk.flyt.contracts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Dates of the Danish business day are dates in Copenhagen, whatever zone a server runs in. */
public final class BusinessTime {
    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    /** Today's business date by the given clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The business date and time now, in Copenhagen. */
    public static ZonedDateTime now(Clock clock) {
        return clock.instant().atZone(ZONE);
    }

    private BusinessTime() {}
}
