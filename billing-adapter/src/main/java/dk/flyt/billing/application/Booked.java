package dk.flyt.billing.application;

import dk.flyt.billing.domain.EntryKind;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the ledger holds for one subscription, as a review reads it; kept current as the review books. */
final class Booked {
    private final Map<String, Ledger.Entry> byCause = new HashMap<>();

    Booked(List<Ledger.Entry> entries) {
        entries.forEach(e -> byCause.put(e.cause(), e));
    }

    boolean has(String cause) {
        return byCause.containsKey(cause);
    }

    Ledger.Entry get(String cause) {
        return byCause.get(cause);
    }

    void add(Ledger.Entry e) {
        byCause.put(e.cause(), e);
    }

    /** The sum of the month's entries (charges and their corrections); negative is owed. */
    long month(YearMonth month) {
        long sum = 0;
        for (Ledger.Entry e : byCause.values()) {
            if (month.equals(e.month())) {
                sum += e.amountOre();
            }
        }
        return sum;
    }

    Set<YearMonth> months() {
        Set<YearMonth> months = new HashSet<>();
        byCause.values().forEach(e -> {
            if (e.month() != null) {
                months.add(e.month());
            }
        });
        return months;
    }

    /** The customer a month's entries were booked on, or null. */
    String payerOf(YearMonth month) {
        return byCause.values().stream()
                .filter(e -> month.equals(e.month()))
                .map(Ledger.Entry::customerId)
                .findFirst()
                .orElse(null);
    }

    /**
     * What a withdrawn line's money amounts to: every entry of it but usage (never refunded, R-WDR-04) and binding
     * fees (a withdrawn line has none).
     */
    long withdrawalNet() {
        long sum = 0;
        for (Ledger.Entry e : byCause.values()) {
            if (e.kind() != EntryKind.USAGE && !e.cause().startsWith("binding")) {
                sum += e.amountOre();
            }
        }
        return sum;
    }
}
