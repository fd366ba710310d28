package dk.flyt.porting.application;

import dk.flyt.calendar.PortingCalendar;
import dk.flyt.calendar.PortingMode;
import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.hub.HubMessageKind;
import dk.flyt.contracts.porting.PortingCommands.CancelPortIn;
import dk.flyt.contracts.porting.PortingCommands.RequestPortIn;
import dk.flyt.contracts.porting.PortingEvents;
import dk.flyt.porting.config.PortingConfig;
import dk.flyt.porting.domain.CompensationKind;
import dk.flyt.porting.domain.CompensationRules;
import dk.flyt.porting.domain.PortInState;
import dk.flyt.porting.hub.HubOutbox;
import dk.flyt.porting.hub.Outcome;
import dk.flyt.porting.persistence.PortInEntity;
import dk.flyt.porting.persistence.PortInRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Port-in cases, where we are the recipient and lead the process (R-PORT-09). */
@ApplicationScoped
public class PortInService {
    private static final Logger LOG = Logger.getLogger(PortInService.class);
    private static final String AGGREGATE = "PortIn";

    private final PortInRepository portIns;
    private final PortingCalendar calendar;
    private final HubOutbox hub;
    private final PortingEventPublisher events;
    private final CompensationService compensations;
    private final NumberRegistry numbers;
    private final PortingConfig config;
    private final Clock clock;

    public PortInService(
            PortInRepository portIns,
            PortingCalendar calendar,
            HubOutbox hub,
            PortingEventPublisher events,
            CompensationService compensations,
            NumberRegistry numbers,
            PortingConfig config,
            Clock clock) {
        this.portIns = portIns;
        this.calendar = calendar;
        this.hub = hub;
        this.events = events;
        this.compensations = compensations;
        this.numbers = numbers;
        this.config = config;
        this.clock = clock;
    }

    /**
     * R-PORT-01..03: open a case and ask the donor, or, after a rejection, ask again with the corrected data. A
     * repeated command for a case already under way changes nothing.
     */
    @Transactional
    public PortInEntity request(RequestPortIn command) {
        Instant now = clock.instant();
        PortingMode mode = PortingMode.valueOf(command.mode());
        LocalDate shippedOn = command.shippedOn() != null ? command.shippedOn() : BusinessTime.today(clock);
        LocalDate earliest = calendar.earliestPortDate(shippedOn, mode, command.termEndsOn());
        Optional<PortInEntity> existing = portIns.byOrderLine(command.orderId(), command.lineId());
        PortInEntity e;
        if (existing.isPresent()) {
            e = existing.get();
            if (e.state != PortInState.REJECTED) {
                LOG.debugf("RequestPortIn for %s/%s ignored: case is %s", command.orderId(), command.lineId(), e.state);
                return e;
            }
            e.moveTo(PortInState.REQUESTED, "requested again with corrected data", now);
            e.rejectCode = null;
        } else {
            e = new PortInEntity();
            e.id = UUID.randomUUID();
            e.orderId = command.orderId();
            e.lineId = command.lineId();
            e.createdAt = now;
            e.moveTo(PortInState.REQUESTED, "RequestPortIn", now);
        }
        e.customerId = command.customerId();
        e.number = command.number();
        e.donorIccid = command.donorIccid();
        e.mode = mode.name();
        e.termEndsOn = command.termEndsOn();
        e.shippedOn = shippedOn;
        e.earliestPortDate = earliest;
        if (existing.isEmpty()) {
            portIns.persist(e);
        }
        hub.enqueue(new HubMessage(
                HubMessage.VERSION,
                HubOutbox.newMessageId(),
                HubMessageKind.PORTING_REQUEST,
                config.operatorId(),
                null,
                e.id.toString(),
                now,
                e.number,
                e.donorIccid,
                earliest,
                null,
                null,
                null,
                null));
        events.publish(
                AGGREGATE,
                e.id.toString(),
                new PortingEvents.PortInRequested(e.id.toString(), e.orderId, e.lineId, e.number, earliest));
        return e;
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
        boolean donorKnowsIt = e.state != PortInState.REJECTED;
        Instant now = clock.instant();
        e.moveTo(PortInState.CANCELLED, "cancelled: " + command.reason(), now);
        if (donorKnowsIt) {
            hub.enqueue(new HubMessage(
                    HubMessage.VERSION,
                    HubOutbox.newMessageId(),
                    HubMessageKind.CANCEL,
                    config.operatorId(),
                    e.donorOperator,
                    e.id.toString(),
                    now,
                    e.number,
                    null,
                    null,
                    null,
                    command.reason(),
                    null,
                    null));
        }
        events.publish(
                AGGREGATE,
                e.id.toString(),
                new PortingEvents.PortInCancelled(e.id.toString(), e.orderId, e.lineId, command.reason()));
    }

    /** The donor's answer. Duplicates and answers that come after the case moved on change nothing. */
    @Transactional
    public Outcome onAnswer(HubMessage m, PortInEntity e) {
        if (e.donorOperator != null && !e.donorOperator.equals(m.sender())) {
            return Outcome.rejected(
                    HubMessage.Codes.NOT_APPLICABLE, "answer from " + m.sender() + ", donor is " + e.donorOperator);
        }
        boolean waiting = e.state == PortInState.REQUESTED || e.state == PortInState.ANSWER_DELAYED;
        if (!waiting) {
            return Outcome.ignored(m.answer() + " for a case in " + e.state);
        }
        Instant now = clock.instant();
        e.donorOperator = m.sender();
        switch (m.answer()) {
            case ACCEPT -> {
                LocalDate wanted = m.portDate() == null || m.portDate().isBefore(e.earliestPortDate)
                        ? e.earliestPortDate
                        : m.portDate();
                e.portDate = calendar.portingDayOnOrAfter(wanted);
                e.moveTo(PortInState.SCHEDULED, "donor " + m.sender() + " accepted for " + e.portDate, now);
                events.publish(
                        AGGREGATE,
                        e.id.toString(),
                        new PortingEvents.PortInScheduled(
                                e.id.toString(), e.orderId, e.lineId, e.number, e.donorOperator, e.portDate));
            }
            case REJECT -> {
                e.rejectCode = m.code();
                e.moveTo(PortInState.REJECTED, "donor " + m.sender() + " rejected: " + m.code(), now);
                events.publish(
                        AGGREGATE,
                        e.id.toString(),
                        new PortingEvents.PortInRejected(e.id.toString(), e.orderId, e.lineId, m.code()));
            }
            case DELAYED -> {
                if (e.state == PortInState.ANSWER_DELAYED) {
                    return Outcome.ignored("answer delayed again");
                }
                e.moveTo(PortInState.ANSWER_DELAYED, "donor " + m.sender() + " will answer later", now);
                events.publish(
                        AGGREGATE,
                        e.id.toString(),
                        new PortingEvents.PortInAnswerDelayed(e.id.toString(), e.orderId, e.lineId));
            }
        }
        return Outcome.applied(e.state.name());
    }

    /**
     * The hub's broadcast that the number routes to us everywhere: the port is complete (R-PORT-06). Before the port
     * day or before the donor accepted, it waits (out of order); a late port earns compensation (R-COMP-02).
     */
    @Transactional
    public Outcome onPerformed(HubMessage m, PortInEntity e) {
        LocalDate today = BusinessTime.today(clock);
        switch (e.state) {
            case COMPLETED:
                return Outcome.ignored("already complete");
            case CANCELLED, REJECTED, FAILED:
                return Outcome.rejected(HubMessage.Codes.NOT_APPLICABLE, "case is " + e.state);
            case REQUESTED, ANSWER_DELAYED:
                return Outcome.deferred("not accepted yet");
            case SCHEDULED:
                if (today.isBefore(e.portDate)) {
                    return Outcome.deferred("port date " + e.portDate + " not reached");
                }
                break;
            default:
                break;
        }
        Instant now = clock.instant();
        boolean wasLate = e.state == PortInState.DELAYED || today.isAfter(e.portDate);
        e.completedAt = now;
        e.moveTo(PortInState.COMPLETED, "hub confirmed every operator routes to us", now);
        numbers.active(e.number, null, e.customerId, null);
        events.publish(
                AGGREGATE,
                e.id.toString(),
                new PortingEvents.PortInCompleted(
                        e.id.toString(), e.orderId, e.lineId, e.customerId, e.number, e.portDate, now));
        if (wasLate) {
            long days = CompensationRules.daysLate(e.portDate, now, BusinessTime.ZONE);
            Instant faultStart =
                    e.portDate.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant();
            compensations.grant(
                    CompensationKind.DELAYED_PORT,
                    e.customerId,
                    e.id.toString(),
                    e.number,
                    faultStart,
                    now,
                    CompensationRules.delayedPort(days),
                    CompensationService.AUTOMATIC);
        }
        return Outcome.applied("COMPLETED");
    }

    /** The hub reports the port failed. */
    @Transactional
    public Outcome onFailed(HubMessage m, PortInEntity e) {
        if (!e.state.canMoveTo(PortInState.FAILED)) {
            return Outcome.ignored("failure for a case in " + e.state);
        }
        e.moveTo(PortInState.FAILED, "hub: " + m.code(), clock.instant());
        events.publish(
                AGGREGATE,
                e.id.toString(),
                new PortingEvents.PortInFailed(e.id.toString(), e.orderId, e.lineId, m.code()));
        return Outcome.applied("FAILED");
    }

    /** R-PORT-08: on the porting day at the set time, ask the hub to execute; R-PORT-07: flag what is late. */
    @Transactional
    public int executeDue() {
        Instant now = clock.instant();
        LocalDate today = BusinessTime.today(clock);
        int moved = 0;
        if (!now.atZone(BusinessTime.ZONE).toLocalTime().isBefore(config.executionTime())) {
            for (PortInEntity e : portIns.lockScheduledDue(today)) {
                e.moveTo(PortInState.EXECUTING, "porting day run", now);
                hub.enqueue(new HubMessage(
                        HubMessage.VERSION,
                        HubOutbox.newMessageId(),
                        HubMessageKind.PORTING_PERFORMED,
                        config.operatorId(),
                        HubMessage.HUB,
                        e.id.toString(),
                        now,
                        e.number,
                        null,
                        e.portDate,
                        null,
                        null,
                        config.operatorId(),
                        null));
                moved++;
            }
        }
        for (PortInEntity e : portIns.lockExecutingBefore(today)) {
            e.moveTo(PortInState.DELAYED, "not confirmed by the end of " + e.portDate, now);
            events.publish(
                    AGGREGATE,
                    e.id.toString(),
                    new PortingEvents.PortInDelayed(e.id.toString(), e.orderId, e.lineId, e.portDate));
            moved++;
        }
        return moved;
    }
}
