package dk.flyt.subscription.domain;

import dk.flyt.calendar.WithdrawalPeriod;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** The right of withdrawal from an order (R-WDR-01/02/07). */
public final class WithdrawalRules {

    /**
     * The day the 14 days run from: acceptance, or for an order with a device the day the device was received
     * (R-WDR-01). Empty while that day has not come (not accepted yet, or the device not yet received).
     */
    public static Optional<LocalDate> periodStartsFrom(LocalDate acceptedOn, boolean hasDevice, LocalDate deviceOn) {
        if (acceptedOn == null) {
            return Optional.empty();
        }
        if (hasDevice) {
            return Optional.ofNullable(deviceOn);
        }
        return Optional.of(acceptedOn);
    }

    /** The deadline shown to the customer: the extended one (R-WDR-07). */
    public static Optional<LocalDate> deadline(LocalDate acceptedOn, boolean hasDevice, LocalDate deviceOn) {
        return periodStartsFrom(acceptedOn, hasDevice, deviceOn).map(WithdrawalPeriod::deadline);
    }

    /**
     * Whether a notice given on {@code today} is in time. Before the period has started (a device not yet
     * received) the customer may of course withdraw.
     */
    public static boolean inTime(LocalDate acceptedOn, boolean hasDevice, LocalDate deviceOn, LocalDate today) {
        return deadline(acceptedOn, hasDevice, deviceOn)
                .map(d -> !today.isAfter(d))
                .orElse(true);
    }

    /** R-WDR-02: an order with a device is withdrawn as a whole; otherwise single lines may be. */
    public static boolean partAllowed(boolean hasDevice, Set<?> chosen, Set<?> all) {
        return chosen.equals(all) || !hasDevice;
    }

    private WithdrawalRules() {}
}
