package dk.flyt.porting.domain;

import dk.flyt.calendar.PortingCalendar;
import dk.flyt.contracts.hub.HubMessage.Codes;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Our answer as donor to a recipient's porting request (R-POUT-01, R-POUT-03, R-POUT-04, R-POUT-06, R-WDR-06).
 *
 * <p>Checked: the number is ours, it may leave now (active, or ended less than a month ago, or in its withdrawal
 * window), and the ICCID matches. Deliberately not checked: binding periods and unpaid debt; they stay owed and go to
 * the final settlement.
 */
public sealed interface PortOutDecision {
    record Accept(LocalDate portDate) implements PortOutDecision {}

    record Reject(String code) implements PortOutDecision {}

    /** What we know of a number we hold. */
    record Holding(String iccid, NumberStatus status, LocalDate portableUntil, LocalDate windowUntil) {}

    /**
     * @param holding what we hold under the number, or null
     * @param iccid the SIM card number the recipient quotes
     * @param requestedDate the date the recipient asks for (immediate or dated), or null for the default
     * @param today the business date
     * @param noticeDays the customer's notice period with us, the default date of departure
     */
    static PortOutDecision decide(
            Holding holding,
            String iccid,
            LocalDate requestedDate,
            LocalDate today,
            int noticeDays,
            PortingCalendar calendar) {
        Objects.requireNonNull(today, "today");
        if (holding == null) {
            return new Reject(Codes.UNKNOWN_NUMBER);
        }
        boolean mayLeave =
                switch (holding.status()) {
                    case ACTIVE -> true;
                    case ENDED -> holding.portableUntil() != null && !today.isAfter(holding.portableUntil());
                    case WINDOW -> holding.windowUntil() != null && !today.isAfter(holding.windowUntil());
                    case PORTING_OUT, PORTED_OUT, QUARANTINED, RETURNED -> false;
                };
        if (!mayLeave) {
            return new Reject(Codes.NUMBER_NOT_ACTIVE);
        }
        if (holding.iccid() == null || iccid == null || !holding.iccid().equals(iccid.trim())) {
            return new Reject(Codes.ICCID_MISMATCH);
        }
        LocalDate wanted = requestedDate != null ? requestedDate : today.plusDays(noticeDays);
        LocalDate earliest = today.plusDays(1);
        return new Accept(calendar.portingDayOnOrAfter(wanted.isBefore(earliest) ? earliest : wanted));
    }
}
