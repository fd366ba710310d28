package dk.flyt.subscription.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Transfer of a subscription to a new owner (R-SUB-09). */
public final class OwnershipTransferRules {
    public static final Duration ACCEPTANCE_WINDOW = Duration.ofHours(48);

    /** Why the transfer may not be asked for: binding in force, or the new owner's e-mail is the old owner's. */
    public static List<Violation> check(
            LocalDate today, LocalDate bindingEndsOn, String oldOwnerEmail, String newOwnerEmail) {
        List<Violation> v = new ArrayList<>();
        if (bindingEndsOn != null && today.isBefore(bindingEndsOn)) {
            v.add(new Violation(
                    "subscription", "cannot change owner during the binding period (until " + bindingEndsOn + ")"));
        }
        if (Email.sameMailbox(oldOwnerEmail, newOwnerEmail)) {
            v.add(new Violation("newOwner.email", "must differ from the current owner's e-mail"));
        }
        return v;
    }

    private OwnershipTransferRules() {}
}
