package dk.flyt.subscription.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Changes to a plan's terms (R-SUB-11), here its monthly price: a change against the customer is announced at least
 * one month ahead, and until one month after the announcement the customer may cancel with effect no later than the
 * change date, binding or not; a favourable change needs no notice and gives no such right.
 */
public final class TermsChangeRules {

    public static boolean favourable(long oldPriceOre, long newPriceOre) {
        return newPriceOre <= oldPriceOre;
    }

    public static List<Violation> validate(
            long oldPriceOre, long newPriceOre, LocalDate announcedOn, LocalDate effectiveOn) {
        List<Violation> v = new ArrayList<>();
        if (newPriceOre < 0) {
            v.add(new Violation("newPrice", "must not be negative"));
        }
        if (effectiveOn == null || effectiveOn.isBefore(announcedOn)) {
            v.add(new Violation("effectiveOn", "is required and must not be in the past"));
        } else if (!favourable(oldPriceOre, newPriceOre) && effectiveOn.isBefore(announcedOn.plusMonths(1))) {
            v.add(new Violation(
                    "effectiveOn",
                    "a change against the customer takes effect at least one month after it is announced (not before "
                            + announcedOn.plusMonths(1) + ", R-SUB-11)"));
        }
        return v;
    }

    /**
     * The end of a subscription whose holder gives notice on {@code noticeOn} while an unfavourable change is
     * pending: no later than the change date, when the notice comes within a month of the announcement.
     */
    public static Optional<LocalDate> cancellationEnd(
            boolean favourable, LocalDate announcedOn, LocalDate effectiveOn, LocalDate noticeOn, LocalDate normalEnd) {
        boolean inTime = !noticeOn.isAfter(announcedOn.plusMonths(1)) && noticeOn.isBefore(effectiveOn);
        if (favourable || !inTime || !normalEnd.isAfter(effectiveOn)) {
            return Optional.empty();
        }
        return Optional.of(effectiveOn);
    }

    private TermsChangeRules() {}
}
