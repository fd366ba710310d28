package dk.flyt.porting.application;

import dk.flyt.calendar.PortingCalendar;
import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.hub.HubMessageKind;
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
import java.util.Optional;
import java.util.UUID;

/**
 * Port-out cases, where we are the donor: validate and answer the recipient, follow the hub (R-POUT-*, R-WDR-06).
 * While a port-out is accepted it holds the number; if it does not complete (cancelled, failed) or fails after it
 * did (R-POUT-05), the number gets back exactly the status it had.
 */
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

    /**
     * A recipient's porting request for one of our numbers, answered at once. A request again under a dossier we
     * rejected is decided afresh (corrected data); one under a dossier we accepted is answered again as before.
     */
    @Transactional
    public Outcome onRequest(HubMessage m) {
        Optional<PortOutEntity> existing = portOuts.byDossier(m.sender(), m.dossierId());
        Instant now = clock.instant();
        if (existing.isPresent()) {
            PortOutEntity e = existing.get();
            if (e.state == PortOutState.ACCEPTED) {
                e.note("request repeated; accepted again for " + e.portDate, now);
                answer(m, e.portDate, HubMessage.Answer.ACCEPT, null);
                return Outcome.applied("ACCEPTED again");
            }
            if (e.state != PortOutState.REJECTED) {
                return Outcome.ignored("request for dossier " + m.dossierId() + ", which is " + e.state);
            }
            return decide(m, e, now);
        }
        PortOutEntity e = new PortOutEntity();
        e.id = UUID.randomUUID();
        e.dossierId = m.dossierId();
        e.recipientOperator = m.sender();
        e.createdAt = now;
        Outcome outcome = decide(m, e, now);
        portOuts.persist(e);
        return outcome;
    }

    private Outcome decide(HubMessage m, PortOutEntity e, Instant now) {
        NumberHoldingEntity holding = holdings.findById(m.number());
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
        e.number = m.number();
        e.requestedDate = m.portDate();
        if (holding != null) {
            e.customerId = holding.customerId;
            e.subscriptionId = holding.subscriptionId;
        }
        if (decision instanceof PortOutDecision.Accept accept) {
            e.portDate = accept.portDate();
            e.rejectCode = null;
            e.previousStatus = holding.takeForPortOut(now);
            e.moveTo(PortOutState.ACCEPTED, "accepted for " + e.portDate + " (recipient " + m.sender() + ")", now);
            answer(m, e.portDate, HubMessage.Answer.ACCEPT, null);
            events.publish(
                    AGGREGATE,
                    e.id.toString(),
                    new PortingEvents.PortOutRequested(
                            e.id.toString(), e.number, e.subscriptionId, e.recipientOperator, e.portDate));
            return Outcome.applied("ACCEPTED");
        }
        String code = ((PortOutDecision.Reject) decision).code();
        e.rejectCode = code;
        e.moveTo(PortOutState.REJECTED, "rejected: " + code, now);
        answer(m, null, HubMessage.Answer.REJECT, code);
        events.publish(AGGREGATE, e.id.toString(), new PortingEvents.PortOutRejected(e.id.toString(), e.number, code));
        return Outcome.applied("REJECTED " + code);
    }

    private void answer(HubMessage request, LocalDate portDate, HubMessage.Answer answer, String code) {
        hub.enqueue(new HubMessage(
                HubMessage.VERSION,
                HubOutbox.newMessageId(),
                HubMessageKind.PORTING_ANSWER,
                config.operatorId(),
                request.sender(),
                request.dossierId(),
                clock.instant(),
                request.number(),
                null,
                portDate,
                answer,
                code,
                null,
                request.messageId()));
    }

    /** The recipient withdrew its request: the number is as it was before. */
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
        giveBack(e, now);
        events.publish(
                AGGREGATE,
                e.id.toString(),
                new PortingEvents.PortOutCancelled(e.id.toString(), e.number, e.subscriptionId));
        return Outcome.applied("CANCELLED");
    }

    /**
     * The hub's broadcast that a number now routes to another operator: if it is the recipient of an accepted
     * port-out of ours, the number has left us (R-POUT-02). Broadcasts about other operators' ports are ignored.
     */
    @Transactional
    public Outcome onPerformed(HubMessage m) {
        PortOutEntity e = portOuts.byDossier(m.operator(), m.dossierId()).orElse(null);
        if (e == null || !e.number.equals(m.number())) {
            return Outcome.ignored("not a port-out of ours");
        }
        if (e.state == PortOutState.COMPLETED) {
            return Outcome.ignored("already complete");
        }
        if (e.state != PortOutState.ACCEPTED) {
            return Outcome.ignored("broadcast for a port-out in " + e.state);
        }
        Instant now = clock.instant();
        e.moveTo(PortOutState.COMPLETED, "hub: the number routes to " + m.operator(), now);
        holdings.findByIdOptional(e.number).ifPresent(h -> {
            h.status = NumberStatus.PORTED_OUT;
            h.updatedAt = now;
        });
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

    /**
     * The hub reports the port failed. Before execution the port-out simply ends (FAILED); after it, the number is
     * ours again at once, on the same terms (R-POUT-05, REVERTED). Either way it gets back its status.
     */
    @Transactional
    public Outcome onFailed(HubMessage m, PortOutEntity e) {
        Instant now = clock.instant();
        if (e.state == PortOutState.ACCEPTED) {
            e.moveTo(PortOutState.FAILED, "hub: port failed before it was executed (" + m.code() + ")", now);
            giveBack(e, now);
            events.publish(
                    AGGREGATE,
                    e.id.toString(),
                    new PortingEvents.PortOutFailed(e.id.toString(), e.number, e.subscriptionId, m.code()));
            return Outcome.applied("FAILED");
        }
        if (!e.state.canMoveTo(PortOutState.REVERTED)) {
            return Outcome.ignored("failure for a port-out in " + e.state);
        }
        e.moveTo(PortOutState.REVERTED, "hub: port failed (" + m.code() + "); number reactivated", now);
        giveBack(e, now);
        events.publish(
                AGGREGATE,
                e.id.toString(),
                new PortingEvents.PortOutReverted(
                        e.id.toString(), e.number, e.subscriptionId, e.customerId, BusinessTime.today(clock)));
        return Outcome.applied("REVERTED");
    }

    private void giveBack(PortOutEntity e, Instant now) {
        holdings.findByIdOptional(e.number).ifPresent(h -> {
            if (h.status == NumberStatus.PORTING_OUT || h.status == NumberStatus.PORTED_OUT) {
                h.giveBack(e.previousStatus, now);
            }
        });
    }
}
