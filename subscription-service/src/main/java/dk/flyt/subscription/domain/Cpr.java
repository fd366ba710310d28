package dk.flyt.subscription.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * A Danish CPR number (DDMMYY-SSSS). Personal data: never logged, never in events or URLs (R-DATA-01); shown
 * masked. The birth date comes from the first six digits and the century from the seventh (the CPR office's table).
 * The old modulus-11 check is not applied: numbers issued since 2007 need not pass it.
 */
public final class Cpr {
    private final String digits;
    private final LocalDate birthDate;

    private Cpr(String digits, LocalDate birthDate) {
        this.digits = digits;
        this.birthDate = birthDate;
    }

    /** Parses {@code DDMMYYSSSS} or {@code DDMMYY-SSSS}; empty when it is not a CPR number. */
    public static Optional<Cpr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (!t.matches("\\d{6}-?\\d{4}")) {
            return Optional.empty();
        }
        String d = t.replace("-", "");
        int day = Integer.parseInt(d.substring(0, 2));
        int month = Integer.parseInt(d.substring(2, 4));
        int yy = Integer.parseInt(d.substring(4, 6));
        int seventh = d.charAt(6) - '0';
        int century =
                switch (seventh) {
                    case 0, 1, 2, 3 -> 1900;
                    case 4, 9 -> yy <= 36 ? 2000 : 1900;
                    default -> yy <= 57 ? 2000 : 1800;
                };
        try {
            return Optional.of(new Cpr(d, LocalDate.of(century + yy, month, day)));
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** R-ORD-01: the customer must be 18 or older on {@code date}. */
    public boolean isAdultOn(LocalDate date) {
        return Period.between(birthDate, date).getYears() >= 18;
    }

    /** What an agent sees without giving a reason: the birth date part only (R-DATA-01). */
    public String masked() {
        return digits.substring(0, 6) + "-XXXX";
    }

    /** The full number, for storage and for an audited look with a reason; never for logs. */
    public String reveal() {
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }

    /** Masked, so a CPR number that reaches a log or an exception message by mistake is not revealed. */
    @Override
    public String toString() {
        return masked();
    }
}
