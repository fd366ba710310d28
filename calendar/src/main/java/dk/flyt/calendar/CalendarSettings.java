package dk.flyt.calendar;

/**
 * The readings of the rulebook that a deployment may change.
 *
 * @param closingDays whether 24 December, 31 December and 5 June are non-porting days (R-CAL-03; default on)
 * @param asapDelayDays calendar days from SIM shipment to the earliest porting day (R-PORT-02; default 5)
 */
public record CalendarSettings(boolean closingDays, int asapDelayDays) {
    public static final CalendarSettings DEFAULTS = new CalendarSettings(true, 5);

    public CalendarSettings {
        if (asapDelayDays < 0 || asapDelayDays > 60) {
            throw new IllegalArgumentException("asapDelayDays must be between 0 and 60");
        }
    }
}
