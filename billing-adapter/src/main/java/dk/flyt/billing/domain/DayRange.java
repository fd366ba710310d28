package dk.flyt.billing.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Days on which a line was live with us: from {@code from} (included) until {@code until} (excluded); an open range
 * has no {@code until}. A port-out on day P, a cancellation that ends on day E and a withdrawal on day W all end the
 * range on that day: the day itself is not ours any more.
 */
public record DayRange(LocalDate from, LocalDate until) {
    public DayRange {
        Objects.requireNonNull(from, "from");
        if (until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("a range ends on or after its start: " + from + ".." + until);
        }
    }

    public static DayRange open(LocalDate from) {
        return new DayRange(from, null);
    }

    public boolean isOpen() {
        return until == null;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && (until == null || day.isBefore(until));
    }

    public DayRange endingOn(LocalDate end) {
        return new DayRange(from, end.isBefore(from) ? from : end);
    }
}
