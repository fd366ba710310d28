package dk.flyt.porting.domain;

import dk.flyt.calendar.PortingCalendar;
import dk.flyt.calendar.PortingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Which port dates are legal now (R-PORT-02..04, R-PORT-07, R-PORT-08). Every date we ask for, accept or execute is
 * a porting day, on or after the date the rules compute from the real SIM shipment, and one the porting day run can
 * still reach: today while it is before the execution time, otherwise a later day.
 */
public final class PortDates {
    private final PortingCalendar calendar;
    private final LocalTime executionTime;

    public PortDates(PortingCalendar calendar, LocalTime executionTime) {
        this.calendar = Objects.requireNonNull(calendar);
        this.executionTime = Objects.requireNonNull(executionTime);
    }

    /** The first day a port can still execute on, as of {@code now} (Copenhagen). */
    public LocalDate firstExecutable(ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        LocalDate from = now.toLocalTime().isBefore(executionTime) ? today : today.plusDays(1);
        return calendar.portingDayOnOrAfter(from);
    }

    /**
     * The date to ask the donor for: the earliest day of the mode (R-PORT-02, R-PORT-03) from the SIM shipment, moved
     * on to the first day that can still execute. A resubmission calls this again, so it reckons from today.
     */
    public LocalDate toRequest(LocalDate shippedOn, PortingMode mode, LocalDate termEndsOn, ZonedDateTime now) {
        LocalDate byRules = calendar.earliestPortDate(shippedOn, mode, termEndsOn);
        LocalDate executable = firstExecutable(now);
        return calendar.portingDayOnOrAfter(byRules.isBefore(executable) ? executable : byRules);
    }

    /** What an accept from the donor comes to. */
    public sealed interface DonorDate {
        /** The date we asked for, still executable: the port is scheduled for it. */
        record Agreed(LocalDate date) implements DonorDate {}

        /** Another date than ours: refused with INVALID_PORT_DATE; the case waits for a proper answer. */
        record Refused(LocalDate proposed, String why) implements DonorDate {}

        /** The accept came too late for the date we asked: we ask again for {@code next}. */
        record Stale(LocalDate next) implements DonorDate {}
    }

    /**
     * Judges the donor's accept. The donor accepts the date we asked for, or none (meaning ours); any other date is
     * refused: in ASAP mode a later date would make the customer wait (R-PORT-07), in END_OF_TERM mode the date is
     * fixed by the donor term (R-PORT-03), and an earlier one breaks the shipment rule (R-PORT-02). An accept that
     * comes after our date can execute is stale, whatever it says: we ask again for a legal date.
     */
    public DonorDate judge(
            LocalDate requested,
            LocalDate proposed,
            LocalDate shippedOn,
            PortingMode mode,
            LocalDate termEndsOn,
            ZonedDateTime now) {
        if (requested.isBefore(firstExecutable(now))) {
            return new DonorDate.Stale(toRequest(shippedOn, mode, termEndsOn, now));
        }
        if (proposed == null || proposed.equals(requested)) {
            return new DonorDate.Agreed(requested);
        }
        String why;
        if (!calendar.isPortingDay(proposed)) {
            why = proposed + " is not a porting day (R-PORT-04)";
        } else if (proposed.isBefore(requested)) {
            why = proposed + " is before the earliest legal date " + requested
                    + (mode == PortingMode.ASAP ? " (R-PORT-02)" : " (R-PORT-03)");
        } else if (mode == PortingMode.ASAP) {
            why = proposed + " is later than " + requested + ": the customer does not wait (R-PORT-07)";
        } else {
            why = proposed + " is not the first porting day after the donor term, " + requested + " (R-PORT-03)";
        }
        return new DonorDate.Refused(proposed, why);
    }

    /** R-PORT-04, R-PORT-08: the porting day run executes only on a porting day, from the execution time. */
    public boolean mayExecuteNow(ZonedDateTime now) {
        return calendar.isPortingDay(now.toLocalDate()) && !now.toLocalTime().isBefore(executionTime);
    }
}
