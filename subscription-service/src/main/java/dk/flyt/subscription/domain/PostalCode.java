package dk.flyt.subscription.domain;

/**
 * A Danish postal code: four digits in the ranges Post Danmark uses for Denmark proper (0800-9990). Greenland's
 * 39xx codes and the Faroe Islands' three-digit codes are not Danish registered addresses (R-ORD-01). Reading: the
 * full list of issued codes lives with the address register (DAWA), which this system cannot reach; the range check
 * catches typing errors and foreign codes, the credit bureau checks the address itself.
 */
public final class PostalCode {
    public static boolean isDanish(String text) {
        if (text == null || !text.matches("\\d{4}")) {
            return false;
        }
        int code = Integer.parseInt(text);
        return code >= 800 && code <= 9990 && !(code >= 3900 && code <= 3999);
    }

    private PostalCode() {}
}
