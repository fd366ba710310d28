package dk.flyt.porting.application;

import dk.flyt.calendar.PortingMode;
import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.porting.PortingCommands.CancelPortIn;
import dk.flyt.contracts.porting.PortingCommands.RequestPortIn;
import dk.flyt.contracts.porting.PortingEvents;
import dk.flyt.porting.config.PortingConfig;
import dk.flyt.porting.domain.PortDates;
import dk.flyt.porting.domain.PortInState;
import dk.flyt.porting.hub.HubMessages;
import dk.flyt.porting.hub.HubOutbox;
import dk.flyt.porting.persistence.PortInEntity;
import dk.flyt.porting.persistence.PortInRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Asking the donor for a port-in, where we are the recipient and lead (R-PORT-01..03, R-PORT-09): the first request,
 * a resubmission with corrected data, asking again when an answer came too late for its date, and the cancel
 * (R-WDR-05). Every date asked for is legal as of now ({@link PortDates}). The request leaves through the outbox,
 * which fixes the donor from the hub's number register before it sends ({@link #donorFixed}).
 */
@ApplicationScoped
public class PortInRequests {
    private static final Logger LOG = Logger.getLogger(PortInRequests.class);
    static final String AGGREGATE = "PortIn";

    private final PortInRepository portIns;
    private final PortDates dates;
    private final HubOutbox hub;
    private final PortingEventPublisher events;
    private final PortingConfig config;
    private final Clock clock;

    public PortInRequests(
            PortInRepository portIns,
            PortDates dates,
            HubOutbox hub,
            PortingEventPublisher events,
            PortingConfig config,
            Clock clock) {
        this.portIns = portIns;
        this.dates = dates;
        this.hub = hub;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Opens a case and asks the donor, or, after a rejection, asks again with the corrected data: the date is
     * reckoned again from today. A repeated command for a case under way changes nothing.
     */
    @Transactional
    public PortInEntity request(RequestPortIn command) {
        Instant now = clock.instant();
        PortingMode mode = PortingMode.valueOf(command.mode());
        LocalDate shippedOn = command.shippedOn() != null ? command.shippedOn() : BusinessTime.today(clock);
        Optional<PortInEntity> existing = portIns.byOrderLine(command.orderId(), command.lineId());
        PortInEntity e;
        if (existing.isPresent()) {
            e = existing.get();
            if (e.state != PortInState.REJECTED) {
                LOG.debugf("RequestPortIn for %s/%s ignored: case is %s", command.orderId(), command.lineId(), e.state);
                return e;
            }
            e.rejectCode = null;
            if (!Objects.equals(e.number, command.number())) {
                e.donorOperator = null; // another number may have another donor: the outbox looks it up again
            }
        } else {
            e = new PortInEntity();
            e.id = UUID.randomUUID();
            e.orderId = command.orderId();
            e.lineId = command.lineId();
            e.createdAt = now;
        }
        e.customerId = command.customerId();
        e.number = command.number();
        e.donorIccid = command.donorIccid();
        e.mode = mode.name();
        e.termEndsOn = command.termEndsOn();
        e.shippedOn = shippedOn;
        e.earliestPortDate = dates.toRequest(shippedOn, mode, command.termEndsOn(), BusinessTime.now(clock));
        e.moveTo(
                PortInState.REQUESTED,
                (existing.isPresent() ? "requested again with corrected data" : "RequestPortIn") + " for "
                        + e.earliestPortDate,
                now);
        if (existing.isEmpty()) {
            portIns.persist(e);
        }
        send(e, now);
        return e;
    }

    /**
     * The donor's accept came when the date we asked for can no longer execute: ask again, same dossier and donor,
     * for the first legal date as of now.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void askAgain(PortInEntity e, String why) {
        Instant now = clock.instant();
        e.earliestPortDate =
                dates.toRequest(e.shippedOn, PortingMode.valueOf(e.mode), e.termEndsOn, BusinessTime.now(clock));
        e.moveTo(PortInState.REQUESTED, why + "; asked again for " + e.earliestPortDate, now);
        send(e, now);
    }

    private void send(PortInEntity e, Instant now) {
        hub.enqueue(HubMessages.request(
                config.operatorId(),
                e.donorOperator,
                e.id.toString(),
                now,
                e.number,
                e.donorIccid,
                e.earliestPortDate));
        events.publish(
                AGGREGATE,
                e.id.toString(),
                new PortingEvents.PortInRequested(e.id.toString(), e.orderId, e.lineId, e.number, e.earliestPortDate));
    }

    /**
     * The outbox learned from the hub's number register who holds the number, just before the request leaves: that
     * operator is the donor, and from now on only it may answer (R-PORT-01). Returns the operator to address the
     * request to, or empty when the case moved on meanwhile (cancelled) and the request is not to be sent.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> donorFixed(UUID caseId, String holder) {
        return portIns.findByIdOptional(caseId)
                .filter(e -> e.state.awaitsAnswer())
                .map(e -> {
                    if (e.donorOperator == null) {
                        e.donorOperator = holder;
                        e.updatedAt = clock.instant();
                    }
                    return e.donorOperator;
                });
    }

    /** The hub's number register does not know the number (or it is ours already): nobody can accept the port. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void numberUnknown(UUID caseId, String why) {
        portIns.findByIdOptional(caseId).filter(e -> e.state.awaitsAnswer()).ifPresent(e -> {
            e.rejectCode = HubMessage.Codes.UNKNOWN_NUMBER;
            e.moveTo(PortInState.REJECTED, "hub number register: " + why, clock.instant());
            events.publish(
                    AGGREGATE,
                    e.id.toString(),
                    new PortingEvents.PortInRejected(
                            e.id.toString(), e.orderId, e.lineId, HubMessage.Codes.UNKNOWN_NUMBER));
        });
    }

    /** R-WDR-05: before the number moved, a cancel reaches the donor; afterwards it changes nothing. */
    @Transactional
    public void cancel(CancelPortIn command) {
        Optional<PortInEntity> found = portIns.byOrderLine(command.orderId(), command.lineId());
        if (found.isEmpty()) {
            LOG.infof("CancelPortIn for unknown %s/%s ignored", command.orderId(), command.lineId());
            return;
        }
        PortInEntity e = found.get();
        if (!e.state.isCancellable()) {
            LOG.infof("CancelPortIn for %s ignored: case is %s", e.id, e.state);
            return;
        }
        boolean donorKnowsIt = e.state != PortInState.REJECTED && e.donorOperator != null;
        Instant now = clock.instant();
        e.moveTo(PortInState.CANCELLED, "cancelled: " + command.reason(), now);
        if (donorKnowsIt) {
            hub.enqueue(HubMessages.cancel(
                    config.operatorId(), e.donorOperator, e.id.toString(), now, e.number, command.reason()));
        }
        events.publish(
                AGGREGATE,
                e.id.toString(),
                new PortingEvents.PortInCancelled(e.id.toString(), e.orderId, e.lineId, command.reason()));
    }
}
