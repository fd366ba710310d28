package dk.flyt.subscription.domain;

/**
 * A SIM card number (ICCID, ITU-T E.118): 19 or 20 digits, starting 89 (telecom), the last a Luhn check digit over
 * the others. A donor's ICCID is needed for a port-in (R-PORT-01); checking it here saves a rejection by the donor.
 */
public final class Iccid {
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        String d = text.trim();
        return d.matches("89\\d{17,18}") && luhnValid(d);
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int n = digits.charAt(i) - '0';
            if (twice) {
                n *= 2;
                if (n > 9) {
                    n -= 9;
                }
            }
            sum += n;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private Iccid() {}
}
