package dk.flyt.porting.application;

import static dk.flyt.porting.application.PortInRequests.AGGREGATE;

import dk.flyt.calendar.PortingMode;
import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.porting.PortingEvents;
import dk.flyt.porting.config.PortingConfig;
import dk.flyt.porting.domain.PortDates;
import dk.flyt.porting.domain.PortInState;
import dk.flyt.porting.hub.HubMessages;
import dk.flyt.porting.hub.HubOutbox;
import dk.flyt.porting.hub.Outcome;
import dk.flyt.porting.persistence.PortInEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * The donor's answer to our porting request. Only the donor fixed when the request went out may answer; duplicates
 * and answers after the case moved on change nothing. An accept for another date than ours is refused with
 * {@code INVALID_PORT_DATE} and noted on the case for the agent; one that comes too late for our date makes us ask
 * again for a legal one (R-PORT-02..04, R-PORT-07).
 */
@ApplicationScoped
public class PortInAnswers {
    private final PortDates dates;
    private final PortInRequests requests;
    private final HubOutbox hub;
    private final PortingEventPublisher events;
    private final PortingConfig config;
    private final Clock clock;

    public PortInAnswers(
            PortDates dates,
            PortInRequests requests,
            HubOutbox hub,
            PortingEventPublisher events,
            PortingConfig config,
            Clock clock) {
        this.dates = dates;
        this.requests = requests;
        this.hub = hub;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Outcome onAnswer(HubMessage m, PortInEntity e) {
        if (!m.sender().equals(e.donorOperator)) {
            return Outcome.rejected(
                    HubMessage.Codes.NOT_AUTHORISED, "answer from " + m.sender() + ", donor is " + e.donorOperator);
        }
        if (!e.state.awaitsAnswer()) {
            return Outcome.ignored(m.answer() + " for a case in " + e.state);
        }
        Instant now = clock.instant();
        return switch (m.answer()) {
            case ACCEPT -> accepted(m, e, now);
            case REJECT -> {
                e.rejectCode = m.code();
                e.moveTo(PortInState.REJECTED, "donor " + m.sender() + " rejected: " + m.code(), now);
                events.publish(
                        AGGREGATE,
                        e.id.toString(),
                        new PortingEvents.PortInRejected(e.id.toString(), e.orderId, e.lineId, m.code()));
                yield Outcome.applied("REJECTED");
            }
            case DELAYED -> {
                if (e.state == PortInState.ANSWER_DELAYED) {
                    yield Outcome.ignored("answer delayed again");
                }
                e.moveTo(PortInState.ANSWER_DELAYED, "donor " + m.sender() + " will answer later", now);
                events.publish(
                        AGGREGATE,
                        e.id.toString(),
                        new PortingEvents.PortInAnswerDelayed(e.id.toString(), e.orderId, e.lineId));
                yield Outcome.applied("ANSWER_DELAYED");
            }
        };
    }

    private Outcome accepted(HubMessage m, PortInEntity e, Instant now) {
        PortDates.DonorDate verdict = dates.judge(
                e.earliestPortDate,
                m.portDate(),
                e.shippedOn,
                PortingMode.valueOf(e.mode),
                e.termEndsOn,
                BusinessTime.now(clock));
        return switch (verdict) {
            case PortDates.DonorDate.Agreed agreed -> {
                e.portDate = agreed.date();
                e.moveTo(PortInState.SCHEDULED, "donor " + m.sender() + " accepted for " + e.portDate, now);
                events.publish(
                        AGGREGATE,
                        e.id.toString(),
                        new PortingEvents.PortInScheduled(
                                e.id.toString(), e.orderId, e.lineId, e.number, e.donorOperator, e.portDate));
                yield Outcome.applied("SCHEDULED");
            }
            case PortDates.DonorDate.Refused refused -> {
                e.note(
                        "donor " + m.sender() + " proposed " + refused.proposed() + ", refused: " + refused.why()
                                + "; waiting for an accept for " + e.earliestPortDate,
                        now);
                hub.enqueue(HubMessages.error(config.operatorId(), m, HubMessage.Codes.INVALID_PORT_DATE, now));
                yield Outcome.applied("date refused: " + refused.why());
            }
            case PortDates.DonorDate.Stale stale -> {
                requests.askAgain(
                        e, "donor " + m.sender() + " accepted after " + e.earliestPortDate + " could be executed");
                yield Outcome.applied("asked again for " + stale.next());
            }
        };
    }
}
