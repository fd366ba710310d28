package dk.flyt.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Valid, random customer data for tests, so that tests never share a customer profile or a number. */
public final class TestData {

    /** The CPR number of an adult born in the 1950s-1990s (7th digit 0-3); never ends in 9997-9999. */
    public static String cpr() {
        var r = ThreadLocalRandom.current();
        int day = 1 + r.nextInt(28);
        int month = 1 + r.nextInt(12);
        int year = 50 + r.nextInt(50);
        int serial = r.nextInt(4) * 1000 + r.nextInt(990);
        return String.format("%02d%02d%02d-%04d", day, month, year, serial);
    }

    /** An ICCID (89 45 01 ...) of 19 digits with a valid Luhn check digit. */
    public static String iccid() {
        var r = ThreadLocalRandom.current();
        StringBuilder b = new StringBuilder("894501");
        while (b.length() < 18) {
            b.append(r.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            int d = b.charAt(17 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return b.append((10 - sum % 10) % 10).toString();
    }

    /** A Danish mobile number in E.164 from the 26 range, which the numbering plan holds whole. */
    public static String mobileNumber() {
        return "+4526" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    private TestData() {}
}
