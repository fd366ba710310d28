package dk.flyt.porting.application;

import dk.flyt.porting.domain.NumberStatus;
import dk.flyt.porting.persistence.NumberHoldingEntity;
import dk.flyt.porting.persistence.NumberHoldingRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;

/** The numbers we hold, kept from subscription events and completed port-ins; consulted for port-outs. */
@ApplicationScoped
public class NumberRegistry {
    private final NumberHoldingRepository holdings;
    private final Clock clock;

    public NumberRegistry(NumberHoldingRepository holdings, Clock clock) {
        this.holdings = holdings;
        this.clock = clock;
    }

    @Transactional
    public void active(String number, String iccid, String customerId, String subscriptionId) {
        NumberHoldingEntity h = holdings.findByIdOptional(number).orElseGet(() -> {
            NumberHoldingEntity n = new NumberHoldingEntity();
            n.number = number;
            return n;
        });
        if (iccid != null) {
            h.iccid = iccid;
        }
        h.customerId = customerId;
        if (subscriptionId != null) {
            h.subscriptionId = subscriptionId;
        }
        h.updatedAt = clock.instant();
        if (h.status == NumberStatus.WINDOW || h.status == NumberStatus.QUARANTINED) {
            // the activation fact and the withdrawal's window come on different topics: an activation delivered
            // (or retried) after the window opened must not take the number back from the withdrawal (R-WDR-06)
            if (!holdings.isPersistent(h)) {
                holdings.persist(h);
            }
            return;
        }
        h.status = NumberStatus.ACTIVE;
        h.portableUntil = null;
        h.windowUntil = null;
        h.quarantineUntil = null;
        if (!holdings.isPersistent(h)) {
            holdings.persist(h);
        }
    }

    /** R-POUT-06: an ended agreement's number may still be ported out for a month. */
    @Transactional
    public void ended(String number, LocalDate endedOn) {
        holdings.findByIdOptional(number).ifPresent(h -> {
            if (h.status == NumberStatus.ACTIVE) {
                h.status = NumberStatus.ENDED;
                h.portableUntil = endedOn.plusMonths(1);
                h.updatedAt = clock.instant();
            }
        });
    }
}
