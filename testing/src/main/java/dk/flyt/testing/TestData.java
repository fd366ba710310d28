package dk.flyt.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
        return record(String.format("%02d%02d%02d-%04d", day, month, year, serial));
    }

    /** Where every CPR a test run made up is written, for the scan that proves none reached a log (R-DATA-01). */
    public static final String USED_CPRS = "target/flyt-test-cprs.txt";

    private static synchronized String record(String cpr) {
        try {
            java.nio.file.Path file = java.nio.file.Path.of(USED_CPRS);
            if (java.nio.file.Files.isDirectory(file.getParent())) {
                java.nio.file.Files.writeString(
                        file,
                        cpr + "\n",
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return cpr;
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

    /** A private customer as a checkout carries it, with an e-mail address of its own. */
    public static Map<String, Object> privateCustomer(String cpr) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", "PRIVATE");
        c.put("cpr", cpr);
        c.put("name", "Karen Jensen");
        c.put("address", Map.of("street", "Nørregade 1", "postalCode", "8000", "city", "Aarhus C"));
        c.put("email", "karen" + UUID.randomUUID().toString().substring(0, 8) + "@example.dk");
        c.put("contactNumber", "26123456");
        return c;
    }

    /** A checkout line porting {@code number} in as soon as possible, on MOBILE_10GB. */
    public static Map<String, Object> portInLine(String number, String donorIccid) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("plan", "MOBILE_10GB");
        l.put("numberKind", "PORT_IN");
        l.put("number", number);
        l.put("donorIccid", donorIccid);
        l.put("mode", "ASAP");
        l.put("simKind", "SIM");
        return l;
    }

    /** A checkout line with a new number from the pool. */
    public static Map<String, Object> newNumberLine(String plan, int bindingMonths) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("plan", plan);
        l.put("numberKind", "NEW");
        l.put("simKind", "SIM");
        l.put("bindingMonths", bindingMonths);
        return l;
    }

    /** A web-shop checkout body. */
    public static Map<String, Object> webshopOrder(Map<String, Object> customer, List<Map<String, Object>> lines) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("customer", customer);
        o.put("channel", "WEBSHOP");
        o.put("paymentMethodRef", "pm-visa-4242");
        o.put("lines", new ArrayList<>(lines));
        return o;
    }

    private TestData() {}
}
