package dk.flyt.porting.application;

import dk.flyt.calendar.PortingCalendar;
import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.hub.HubMessageKind;
import dk.flyt.contracts.porting.PortingCommands.OpenPortOutWindow;
import dk.flyt.contracts.porting.PortingEvents;
import dk.flyt.porting.config.PortingConfig;
import dk.flyt.porting.domain.NumberStatus;
import dk.flyt.porting.domain.PortOutDecision;
import dk.flyt.porting.domain.PortOutState;
import dk.flyt.porting.hub.HubOutbox;
import dk.flyt.porting.hub.Outcome;
import dk.flyt.porting.persistence.NumberHoldingEntity;
import dk.flyt.porting.persistence.NumberHoldingRepository;
import dk.flyt.porting.persistence.PortOutEntity;
import dk.flyt.porting.persistence.PortOutRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Port-out cases, where we are the donor: validate, answer, follow the recipient (R-POUT-*, R-WDR-06). */
@ApplicationScoped
public class PortOutService {
    private static final String AGGREGATE = "PortOut";

    private final PortOutRepository portOuts;
    private final NumberHoldingRepository holdings;
    private final PortingCalendar calendar;
    private final HubOutbox hub;
    private final PortingEventPublisher events;
    private final PortingConfig config;
    private final Clock clock;

    public PortOutService(
            PortOutRepository portOuts,
            NumberHoldingRepository holdings,
            PortingCalendar calendar,
            HubOutbox hub,
            PortingEventPublisher events,
            PortingConfig config,
            Clock clock) {
        this.portOuts = portOuts;
        this.holdings = holdings;
        this.calendar = calendar;
        this.hub = hub;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /** A recipient's porting request for one of our numbers: answered at once, accept or reject with a code. */
    @Transactional
    public Outcome onRequest(HubMessage m) {
        if (portOuts.byDossier(m.sender(), m.dossierId()).isPresent()) {
            return Outcome.ignored("request for dossier " + m.dossierId() + " already answered");
        }
        Instant now = clock.instant();
        NumberHoldingEntity holding = m.number() == null ? null : holdings.findById(m.number());
        PortOutDecision decision = PortOutDecision.decide(
                holding == null
                        ? null
                        : new PortOutDecision.Holding(
                                holding.iccid, holding.status, holding.portableUntil, holding.windowUntil),
                m.iccid(),
                m.portDate(),
                BusinessTime.today(clock),
                config.portOutNoticeDays(),
                calendar);
        PortOutEntity e = new PortOutEntity();
        e.id = UUID.randomUUID();
        e.dossierId = m.dossierId();
        e.recipientOperator = m.sender();
        e.number = m.number();
        e.requestedDate = m.portDate();
        e.createdAt = now;
        if (holding != null) {
            e.customerId = holding.customerId;
            e.subscriptionId = holding.subscriptionId;
        }
        HubMessage.Answer answer;
        String code = null;
        if (decision instanceof PortOutDecision.Accept accept) {
            e.portDate = accept.portDate();
            e.moveTo(PortOutState.ACCEPTED, "accepted for " + e.portDate + " (recipient " + m.sender() + ")", now);
            holding.status = NumberStatus.PORTING_OUT;
            holding.updatedAt = now;
            answer = HubMessage.Answer.ACCEPT;
        } else {
            code = ((PortOutDecision.Reject) decision).code();
            e.rejectCode = code;
            e.moveTo(PortOutState.REJECTED, "rejected: " + code, now);
            answer = HubMessage.Answer.REJECT;
        }
        portOuts.persist(e);
        hub.enqueue(new HubMessage(
                HubMessage.VERSION,
                HubOutbox.newMessageId(),
                HubMessageKind.PORTING_ANSWER,
                config.operatorId(),
                m.sender(),
                m.dossierId(),
                now,
                m.number(),
                null,
                e.portDate,
                answer,
                code,
                null,
                m.messageId()));
        if (answer == HubMessage.Answer.ACCEPT) {
            events.publish(
                    AGGREGATE,
                    e.id.toString(),
                    new PortingEvents.PortOutRequested(
                            e.id.toString(), e.number, e.subscriptionId, e.recipientOperator, e.portDate));
        } else {
            events.publish(
                    AGGREGATE, e.id.toString(), new PortingEvents.PortOutRejected(e.id.toString(), e.number, code));
        }
        return Outcome.applied(e.state + (code == null ? "" : " " + code));
    }

    /** The recipient withdrew its request. */
    @Transactional
    public Outcome onCancel(HubMessage m) {
        PortOutEntity e = portOuts.byDossier(m.sender(), m.dossierId()).orElse(null);
        if (e == null) {
            return Outcome.rejected(HubMessage.Codes.UNKNOWN_DOSSIER, "no port-out for dossier " + m.dossierId());
        }
        if (!e.state.canMoveTo(PortOutState.CANCELLED)) {
            return Outcome.ignored("cancel for a port-out in " + e.state);
        }
        Instant now = clock.instant();
        e.moveTo(PortOutState.CANCELLED, "recipient cancelled", now);
        holdings.findByIdOptional(e.number).ifPresent(h -> {
            if (h.status == NumberStatus.PORTING_OUT) {
                h.status = NumberStatus.ACTIVE;
                h.updatedAt = now;
            }
        });
        return Outcome.applied("CANCELLED");
    }

    /** The hub's broadcast that one of our numbers now routes to another operator: it has left us (R-POUT-02). */
    @Transactional
    public Outcome onPerformed(HubMessage m) {
        NumberHoldingEntity holding = holdings.findById(m.number());
        if (holding == null) {
            return Outcome.ignored("not our number");
        }
        PortOutEntity e =
                portOuts.latestInState(m.number(), PortOutState.ACCEPTED).orElse(null);
        if (e == null) {
            return Outcome.rejected(HubMessage.Codes.NOT_APPLICABLE, "no accepted port-out for " + m.number());
        }
        Instant now = clock.instant();
        e.moveTo(PortOutState.COMPLETED, "hub: the number routes to " + m.operator(), now);
        holding.status = NumberStatus.PORTED_OUT;
        holding.updatedAt = now;
        events.publish(
                AGGREGATE,
                e.id.toString(),
                new PortingEvents.PortOutCompleted(
                        e.id.toString(),
                        e.number,
                        e.subscriptionId,
                        e.customerId,
                        e.recipientOperator,
                        BusinessTime.today(clock)));
        return Outcome.applied("COMPLETED");
    }

    /** R-POUT-05: the port-out failed after we let the number go: it is ours and active again, at once. */
    @Transactional
    public Outcome onFailed(HubMessage m, PortOutEntity e) {
        if (!e.state.canMoveTo(PortOutState.REVERTED)) {
            return Outcome.ignored("failure for a port-out in " + e.state);
        }
        Instant now = clock.instant();
        e.moveTo(PortOutState.REVERTED, "hub: port failed (" + m.code() + "); number reactivated", now);
        holdings.findByIdOptional(e.number).ifPresent(h -> {
            h.status = NumberStatus.ACTIVE;
            h.updatedAt = now;
        });
        events.publish(
                AGGREGATE,
                e.id.toString(),
                new PortingEvents.PortOutReverted(
                        e.id.toString(), e.number, e.subscriptionId, e.customerId, BusinessTime.today(clock)));
        return Outcome.applied("REVERTED");
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
        h.status = NumberStatus.WINDOW;
        h.windowUntil = command.portDate().plusDays(config.portOutWindowDays());
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
}
