package dk.flyt.subscription.domain;

import java.time.LocalDate;

/** Cancellation by the agreement holder (R-SUB-07). */
public final class CancellationRules {
    public static final int NOTICE_DAYS = 30;

    /**
     * The earliest end for a notice given on {@code noticeOn}: 30 days' notice, and never before the binding period
     * ends; with binding the notice must come at least 30 days before its end, so the later of the two wins.
     */
    public static LocalDate earliestEnd(LocalDate noticeOn, LocalDate bindingEndsOn) {
        LocalDate byNotice = noticeOn.plusDays(NOTICE_DAYS);
        if (bindingEndsOn != null && bindingEndsOn.isAfter(byNotice)) {
            return bindingEndsOn;
        }
        return byNotice;
    }

    /** The end date: the customer's wish when it is no earlier than the earliest end, else the earliest end. */
    public static LocalDate endDate(LocalDate noticeOn, LocalDate bindingEndsOn, LocalDate wished) {
        LocalDate earliest = earliestEnd(noticeOn, bindingEndsOn);
        return wished != null && wished.isAfter(earliest) ? wished : earliest;
    }

    private CancellationRules() {}
}
