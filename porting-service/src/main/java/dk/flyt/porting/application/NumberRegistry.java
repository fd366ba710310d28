package dk.flyt.porting.application;

import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.hub.HubMessageKind;
import dk.flyt.contracts.porting.PortingCommands.OpenPortOutWindow;
import dk.flyt.contracts.porting.PortingEvents;
import dk.flyt.porting.config.PortingConfig;
import dk.flyt.porting.domain.NumberStatus;
import dk.flyt.porting.hub.HubOutbox;
import dk.flyt.porting.persistence.NumberHoldingEntity;
import dk.flyt.porting.persistence.NumberHoldingRepository;
import dk.flyt.porting.persistence.PortOutRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The one register of the numbers we hold, kept from subscription events and completed port-ins, and consulted for
 * port-outs. The facts come on different topics and may be delivered late or again, so each changes the status
 * only from the states it applies to: an activation never takes a number back from a port-out under way, a
 * withdrawal window or a quarantine (R-WDR-06), nor revives a number that left us under the same subscription.
 */
@ApplicationScoped
public class NumberRegistry {
    private final NumberHoldingRepository holdings;
    private final PortOutRepository portOuts;
    private final HubOutbox hub;
    private final PortingEventPublisher events;
    private final PortingConfig config;
    private final Clock clock;

    public NumberRegistry(
            NumberHoldingRepository holdings,
            PortOutRepository portOuts,
            HubOutbox hub,
            PortingEventPublisher events,
            PortingConfig config,
            Clock clock) {
        this.holdings = holdings;
        this.portOuts = portOuts;
        this.hub = hub;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /** A subscription is live on the number (SubscriptionActivated). */
    @Transactional
    public void active(String number, String iccid, String customerId, String subscriptionId) {
        NumberHoldingEntity h = findOrNew(number);
        boolean sameLine = subscriptionId != null && subscriptionId.equals(h.subscriptionId);
        boolean mayActivate =
                switch (h.status == null ? NumberStatus.RETURNED : h.status) {
                    case ACTIVE, ENDED, RETURNED -> true;
                    case PORTED_OUT -> !sameLine;
                    case PORTING_OUT, WINDOW, QUARANTINED -> false;
                };
        if (iccid != null && (mayActivate || sameLine)) {
            h.iccid = iccid;
        }
        if (mayActivate) {
            h.customerId = customerId;
            if (subscriptionId != null) {
                h.subscriptionId = subscriptionId;
            }
            activate(h);
        }
        h.updatedAt = clock.instant();
        persistIfNew(h);
    }

    /** A port-in completed: the number is ours now, under the customer who asked for it (R-PORT-06). */
    @Transactional
    public void portedIn(String number, String customerId) {
        NumberHoldingEntity h = findOrNew(number);
        h.customerId = customerId;
        h.subscriptionId = null;
        h.iccid = null;
        activate(h);
        h.updatedAt = clock.instant();
        persistIfNew(h);
    }

    /**
     * The line got a new SIM (SimReplaced, R-SUB-10): from now on only the new ICCID may authorise a port-out, and
     * the lost SIM's ICCID authorises nothing (R-POUT-03, R-COMP-01).
     */
    @Transactional
    public void simReplaced(String number, String subscriptionId, String newIccid) {
        if (newIccid == null) {
            return;
        }
        Optional<NumberHoldingEntity> found = number != null
                ? holdings.findByIdOptional(number)
                : holdings.find("subscriptionId", subscriptionId).firstResultOptional();
        found.filter(h -> h.subscriptionId == null || subscriptionId == null || h.subscriptionId.equals(subscriptionId))
                .ifPresent(h -> {
                    h.iccid = newIccid;
                    h.updatedAt = clock.instant();
                });
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

    /** R-WDR-06: after a withdrawal following a completed port-in, a new recipient may take the number for 14 days. */
    @Transactional
    public void openWindow(OpenPortOutWindow command) {
        Instant now = clock.instant();
        NumberHoldingEntity h = holdings.findByIdOptional(command.number()).orElseGet(() -> {
            NumberHoldingEntity n = new NumberHoldingEntity();
            n.number = command.number();
            n.customerId = command.customerId();
            return n;
        });
        h.windowUntil = command.portDate().plusDays(config.portOutWindowDays());
        if (h.status == NumberStatus.PORTING_OUT) {
            // a recipient asked already: the window is what the number goes back to if that port-out does not happen
            portOuts.accepted(h.number).ifPresent(p -> p.previousStatus = NumberStatus.WINDOW);
        } else {
            h.status = NumberStatus.WINDOW;
        }
        h.updatedAt = now;
        if (!holdings.isPersistent(h)) {
            holdings.persist(h);
        }
    }

    /** Windows nobody used go to quarantine; quarantines that ended are returned to the range holder. */
    @Transactional
    public int sweepNumbers() {
        Instant now = clock.instant();
        LocalDate today = BusinessTime.today(clock);
        int moved = 0;
        for (NumberHoldingEntity h : holdings.lockWindowsEndedBefore(today)) {
            h.status = NumberStatus.QUARANTINED;
            h.quarantineUntil = today.plusDays(config.quarantineDays());
            h.updatedAt = now;
            events.publish("Number", h.number, new PortingEvents.NumberQuarantined(h.number, h.quarantineUntil));
            moved++;
        }
        for (NumberHoldingEntity h : holdings.lockQuarantinesEndedBefore(today)) {
            h.status = NumberStatus.RETURNED;
            h.updatedAt = now;
            hub.enqueue(new HubMessage(
                    HubMessage.VERSION,
                    HubOutbox.newMessageId(),
                    HubMessageKind.NUMBER_RETURNED,
                    config.operatorId(),
                    HubMessage.HUB,
                    "return-" + h.number,
                    now,
                    h.number,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null));
            events.publish("Number", h.number, new PortingEvents.NumberReturned(h.number));
            moved++;
        }
        return moved;
    }

    private NumberHoldingEntity findOrNew(String number) {
        return holdings.findByIdOptional(number).orElseGet(() -> {
            NumberHoldingEntity n = new NumberHoldingEntity();
            n.number = number;
            return n;
        });
    }

    private static void activate(NumberHoldingEntity h) {
        h.status = NumberStatus.ACTIVE;
        h.portableUntil = null;
        h.windowUntil = null;
        h.quarantineUntil = null;
    }

    private void persistIfNew(NumberHoldingEntity h) {
        if (!holdings.isPersistent(h)) {
            holdings.persist(h);
        }
    }
}
