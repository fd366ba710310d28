package dk.flyt.platform.json;

import java.time.LocalDate;

/**
 * The dates a business request may carry: 1900-01-01 to 2200-12-31. Anything outside is a client's mistake (and
 * outside what PostgreSQL stores), answered 400 naming the field, never a 500 (the security issue, input limits).
 */
public final class BusinessDates {
    public static final LocalDate MIN = LocalDate.of(1900, 1, 1);
    public static final LocalDate MAX = LocalDate.of(2200, 12, 31);
    public static final String RULE = "must be a date YYYY-MM-DD between " + MIN + " and " + MAX;

    private BusinessDates() {}

    public static boolean inRange(LocalDate d) {
        return !d.isBefore(MIN) && !d.isAfter(MAX);
    }
}
