package dk.flyt.porting.application;

import static dk.flyt.porting.application.PortInRequests.AGGREGATE;

import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.porting.PortingEvents;
import dk.flyt.porting.config.PortingConfig;
import dk.flyt.porting.domain.CompensationKind;
import dk.flyt.porting.domain.CompensationRules;
import dk.flyt.porting.domain.PortDates;
import dk.flyt.porting.domain.PortInState;
import dk.flyt.porting.hub.HubMessages;
import dk.flyt.porting.hub.HubOutbox;
import dk.flyt.porting.hub.Outcome;
import dk.flyt.porting.persistence.PortInEntity;
import dk.flyt.porting.persistence.PortInRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * From the porting day to a port that works everywhere (R-PORT-05..08, R-COMP-02/03). The porting day run executes
 * scheduled ports at the set time of a porting day; the hub then confirms, operator by operator, that their networks
 * route the number to us. When all do (or the hub broadcasts that they do) the case is complete. At the end of the
 * day of execution a case that some operators route is DELAYED, one none route INTERRUPTED; each state has its
 * automatic compensation, granted once the fault ends.
 */
@ApplicationScoped
public class PortInExecution {
    private final PortInRepository portIns;
    private final PortDates dates;
    private final HubOutbox hub;
    private final PortingEventPublisher events;
    private final CompensationService compensations;
    private final NumberRegistry numbers;
    private final PortingConfig config;
    private final Clock clock;

    public PortInExecution(
            PortInRepository portIns,
            PortDates dates,
            HubOutbox hub,
            PortingEventPublisher events,
            CompensationService compensations,
            NumberRegistry numbers,
            PortingConfig config,
            Clock clock) {
        this.portIns = portIns;
        this.dates = dates;
        this.hub = hub;
        this.events = events;
        this.compensations = compensations;
        this.numbers = numbers;
        this.config = config;
        this.clock = clock;
    }

    /**
     * R-PORT-08: on a porting day from the set time, ask the hub to execute every scheduled port due (one whose day
     * passed while we could not run is executed late, and its delay counts from its agreed date); R-PORT-06/07: a
     * port executed on an earlier day and not routed everywhere is DELAYED or INTERRUPTED.
     */
    @Transactional
    public int executeDue() {
        Instant now = clock.instant();
        ZonedDateTime local = BusinessTime.now(clock);
        LocalDate today = local.toLocalDate();
        int moved = 0;
        if (dates.mayExecuteNow(local)) {
            for (PortInEntity e : portIns.lockScheduledDue(today)) {
                e.executedAt = now;
                e.moveTo(PortInState.EXECUTING, "porting day run", now);
                hub.enqueue(HubMessages.execute(config.operatorId(), e.id.toString(), now, e.number, e.portDate));
                moved++;
            }
        }
        Instant startOfToday = today.atStartOfDay(BusinessTime.ZONE).toInstant();
        for (PortInEntity e : portIns.lockExecutingSince(startOfToday)) {
            if (e.routing.isEmpty()) {
                e.moveTo(PortInState.INTERRUPTED, "no operator routes the number to us after the porting day", now);
                events.publish(
                        AGGREGATE,
                        e.id.toString(),
                        new PortingEvents.PortInInterrupted(e.id.toString(), e.orderId, e.lineId, e.portDate));
            } else {
                e.moveTo(PortInState.DELAYED, "routed by " + e.routing.keySet() + " only, not by every operator", now);
                events.publish(
                        AGGREGATE,
                        e.id.toString(),
                        new PortingEvents.PortInDelayed(e.id.toString(), e.orderId, e.lineId, e.portDate));
            }
            moved++;
        }
        return moved;
    }

    /** One operator's network routes the number to us now (R-PORT-06). */
    @Transactional
    public Outcome onRoutingConfirmed(HubMessage m, PortInEntity e) {
        if (e.state == PortInState.COMPLETED) {
            return Outcome.ignored("already complete");
        }
        if (!e.state.isRouting()) {
            return e.state.isFinal() || e.state == PortInState.REJECTED
                    ? Outcome.ignored("routing confirmation for a case in " + e.state)
                    : Outcome.deferred("not executed yet");
        }
        if (e.routing.containsKey(m.routedBy())) {
            return Outcome.ignored(m.routedBy() + " confirmed before");
        }
        Instant now = clock.instant();
        e.routing.put(m.routedBy(), now);
        if (e.firstRoutedAt == null) {
            e.firstRoutedAt = now;
        }
        if (e.routing.keySet().containsAll(config.networks())) {
            complete(e, now, "every operator routes the number to us: " + e.routing.keySet());
            return Outcome.applied("COMPLETED");
        }
        if (e.state == PortInState.INTERRUPTED) {
            endInterruption(e, now);
            e.moveTo(PortInState.DELAYED, m.routedBy() + " routes the number to us; not every operator yet", now);
            events.publish(
                    AGGREGATE,
                    e.id.toString(),
                    new PortingEvents.PortInDelayed(e.id.toString(), e.orderId, e.lineId, e.portDate));
            return Outcome.applied("DELAYED");
        }
        e.note(m.routedBy() + " routes the number to us", now);
        return Outcome.applied("routed by " + m.routedBy());
    }

    /**
     * The hub's broadcast that every operator routes the number to us: the port is complete (R-PORT-06). Before the
     * donor accepted or before the port date it waits (out of order).
     */
    @Transactional
    public Outcome onPerformed(HubMessage m, PortInEntity e) {
        switch (e.state) {
            case COMPLETED:
                return Outcome.ignored("already complete");
            case CANCELLED, REJECTED, FAILED:
                return Outcome.ignored("completion broadcast for a case in " + e.state);
            case REQUESTED, ANSWER_DELAYED:
                return Outcome.deferred("not accepted yet");
            case SCHEDULED:
                if (BusinessTime.today(clock).isBefore(e.portDate)) {
                    return Outcome.deferred("port date " + e.portDate + " not reached");
                }
                break;
            default:
                break;
        }
        complete(e, clock.instant(), "hub confirmed every operator routes the number to us");
        return Outcome.applied("COMPLETED");
    }

    private void complete(PortInEntity e, Instant now, String cause) {
        boolean interrupted = e.state == PortInState.INTERRUPTED;
        boolean everInterrupted = interrupted || e.wasIn(PortInState.INTERRUPTED);
        // partly routed at the end of a day, after an interruption ended: that much of it was a delay
        boolean partialOverADay = e.firstRoutedAt != null
                && LocalDate.ofInstant(e.firstRoutedAt, BusinessTime.ZONE)
                        .isBefore(LocalDate.ofInstant(now, BusinessTime.ZONE));
        if (interrupted) {
            endInterruption(e, now);
        }
        e.completedAt = now;
        e.moveTo(PortInState.COMPLETED, cause, now);
        numbers.portedIn(e.number, e.customerId);
        events.publish(
                AGGREGATE,
                e.id.toString(),
                new PortingEvents.PortInCompleted(
                        e.id.toString(), e.orderId, e.lineId, e.customerId, e.number, e.portDate, now));
        Instant lateFrom = CompensationRules.lateFrom(e.portDate, BusinessTime.ZONE);
        // a late port is a delayed one (R-PORT-07); while no network routed it, it was an interruption instead
        // (R-PORT-06), so after one it is a delay only if it stayed partly routed over a day's end
        if (now.isAfter(lateFrom) && (!everInterrupted || partialOverADay)) {
            compensations.grant(
                    CompensationKind.DELAYED_PORT,
                    e.customerId,
                    e.id.toString(),
                    e.number,
                    lateFrom,
                    now,
                    CompensationRules.delayedPort(e.portDate, now, BusinessTime.ZONE),
                    CompensationService.AUTOMATIC);
        }
    }

    /** R-COMP-03: the customer was without any connection from the execution until now. */
    private void endInterruption(PortInEntity e, Instant now) {
        long amount = CompensationRules.interruption(e.executedAt, now, BusinessTime.ZONE);
        if (amount > 0) {
            compensations.grant(
                    CompensationKind.INTERRUPTION,
                    e.customerId,
                    e.id.toString(),
                    e.number,
                    e.executedAt,
                    now,
                    amount,
                    CompensationService.AUTOMATIC);
        }
    }

    /** The hub reports the port failed. */
    @Transactional
    public Outcome onFailed(HubMessage m, PortInEntity e) {
        if (!e.state.canMoveTo(PortInState.FAILED)) {
            return Outcome.ignored("failure for a case in " + e.state);
        }
        Instant now = clock.instant();
        if (e.state == PortInState.INTERRUPTED) {
            endInterruption(e, now);
        }
        e.moveTo(PortInState.FAILED, "hub: " + m.code(), now);
        events.publish(
                AGGREGATE,
                e.id.toString(),
                new PortingEvents.PortInFailed(e.id.toString(), e.orderId, e.lineId, m.code()));
        return Outcome.applied("FAILED");
    }
}
