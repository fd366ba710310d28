package dk.flyt.contracts.porting;

import java.time.LocalDate;

/**
 * Commands to the porting service on {@code porting.commands}, keyed by order id. The CloudEvents type is the
 * record's simple name; each carries {@code sagaId:step} as its idempotency key in the CloudEvents id.
 */
public final class PortingCommands {
    public static final int VERSION = 1;

    /**
     * Port a number in for an order line (R-PORT-01): number and donor ICCID from the customer; mode ASAP or
     * END_OF_TERM (with the donor term end); the SIM shipment date starts the clock (R-PORT-02). Sent again for the
     * same order line after a rejection, with corrected data.
     */
    public record RequestPortIn(
            String orderId,
            String lineId,
            String customerId,
            String number,
            String donorIccid,
            String mode,
            LocalDate termEndsOn,
            LocalDate shippedOn) {}

    /** Cancel the port-in of an order line, e.g. on withdrawal before the port (R-WDR-05). */
    public record CancelPortIn(String orderId, String lineId, String reason) {}

    /**
     * After a withdrawal following a completed port-in (R-WDR-06): a new recipient may take the number within 14
     * days of the port date; after that it goes to quarantine.
     */
    public record OpenPortOutWindow(String number, String customerId, LocalDate portDate) {}

    private PortingCommands() {}
}
