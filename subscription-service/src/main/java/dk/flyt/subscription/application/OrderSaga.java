package dk.flyt.subscription.application;

import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.porting.PortingCommands;
import dk.flyt.contracts.subscription.SubscriptionEvents;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.subscription.config.SubscriptionConfig;
import dk.flyt.subscription.domain.Channel;
import dk.flyt.subscription.domain.CreditDecision;
import dk.flyt.subscription.domain.CreditOutcome;
import dk.flyt.subscription.domain.CustomerKind;
import dk.flyt.subscription.domain.DanishMobileNumber;
import dk.flyt.subscription.domain.Iccid;
import dk.flyt.subscription.domain.LineStep;
import dk.flyt.subscription.domain.OrderDecision;
import dk.flyt.subscription.domain.OrderStatus;
import dk.flyt.subscription.domain.SubscriptionStatus;
import dk.flyt.subscription.domain.Violation;
import dk.flyt.subscription.domain.WithdrawalRules;
import dk.flyt.subscription.persistence.CustomerEntity;
import dk.flyt.subscription.persistence.CustomerRepository;
import dk.flyt.subscription.persistence.OrderEntity;
import dk.flyt.subscription.persistence.OrderLineEntity;
import dk.flyt.subscription.persistence.OrderRepository;
import dk.flyt.subscription.persistence.Records;
import dk.flyt.subscription.persistence.SubscriptionEntity;
import dk.flyt.subscription.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The order saga, orchestrated here (DESIGN "Flows"): approval → fulfilment → SIM shipped → port-in requested →
 * scheduled or rejected (corrected and resubmitted) → completed → subscription active. New-number lines activate on
 * first use or at the latest after 45/90 days (R-SUB-01). Its state is the order's and lines' rows; its timers are
 * rows. Each step runs in the caller's transaction with the events it causes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderSaga {
    private final OrderRepository orders;
    private final SubscriptionRepository subscriptions;
    private final CustomerRepository customers;
    private final TermsChanges terms;
    private final Records records;
    private final Journal journal;
    private final Notifications notifications;
    private final CreditBureau bureau;
    private final SubscriptionConfig config;
    private final Clock clock;

    public OrderSaga(
            OrderRepository orders,
            SubscriptionRepository subscriptions,
            CustomerRepository customers,
            TermsChanges terms,
            Records records,
            Journal journal,
            Notifications notifications,
            CreditBureau bureau,
            SubscriptionConfig config,
            Clock clock) {
        this.orders = orders;
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.terms = terms;
        this.records = records;
        this.journal = journal;
        this.notifications = notifications;
        this.bureau = bureau;
        this.config = config;
        this.clock = clock;
    }

    // --- approval

    /** The credit bureau's answer decides the order's next step (R-ORD-04); the decision is recorded. */
    public void creditDecided(OrderEntity o, CreditDecision decision) {
        Instant now = clock.instant();
        o.updatedAt = now;
        switch (decision) {
            case CreditDecision.Approved a -> {
                o.creditDecision = CreditOutcome.APPROVED;
                o.creditReason = null;
                journal.timeline(o.id, null, o.customerId, "ORDER", "CREDIT_APPROVED", null);
                if (o.channel == Channel.TELESALES) {
                    awaitAcceptance(o, now);
                } else {
                    approve(o);
                }
            }
            case CreditDecision.Refused r -> refuse(o, r.reason());
            case CreditDecision.Unavailable u -> {
                o.creditAttempts++;
                LocalDate orderedOn = LocalDate.ofInstant(o.createdAt, BusinessTime.ZONE);
                // R-ORD-05: decide (and tell the customer) before the order would bind us by default
                if (!OrderDecision.mayWaitLonger(
                        orderedOn, BusinessTime.today(clock), o.creditAttempts, config.creditMaxAttempts())) {
                    refuse(o, "CREDIT_CHECK_UNAVAILABLE");
                } else {
                    o.status = OrderStatus.PENDING_CREDIT_CHECK;
                    records.schedule(TimerKind.CREDIT_RETRY.name(), o.id, now.plus(config.creditRetryInterval()));
                    journal.timeline(
                            o.id,
                            null,
                            o.customerId,
                            "ORDER",
                            "CREDIT_CHECK_PENDING",
                            "attempt " + o.creditAttempts + ": " + u.why() + "; asked again later");
                }
            }
        }
    }

    /** Timer: ask the bureau again for an order whose check went unanswered. */
    public void retryCreditCheck(UUID orderId) {
        OrderEntity o = orders.findById(orderId);
        if (o == null || o.status != OrderStatus.PENDING_CREDIT_CHECK) {
            return;
        }
        CustomerEntity c = customers.findById(o.customerId);
        creditDecided(o, bureau.check(c.cpr != null ? c.cpr : c.cvr, c.postalCode));
    }

    private void refuse(OrderEntity o, String reason) {
        o.status = OrderStatus.REFUSED;
        o.creditDecision = CreditOutcome.REFUSED;
        o.creditReason = reason;
        closeLines(o);
        // the reason is credit data: on the order for agents, never in the event or on the customer's timeline
        journal.orderEvent(o.id, new SubscriptionEvents.OrderRefused(o.id.toString(), o.customerId));
        journal.timeline(o.id, null, o.customerId, "ORDER", "ORDER_REFUSED", "by the credit check");
    }

    private void closeLines(OrderEntity o) {
        for (OrderLineEntity l : o.lines) {
            l.step = LineStep.CANCELLED;
            records.releaseNumber(l.id);
        }
    }

    /** R-ORD-08: held until the customer accepts through a one-time link; lapses after the configured time. */
    private void awaitAcceptance(OrderEntity o, Instant now) {
        OneTimeToken token = OneTimeToken.create();
        o.acceptanceTokenHash = token.hash();
        o.acceptanceExpiresAt = now.plus(config.acceptanceWindow());
        o.status = OrderStatus.AWAITING_ACCEPTANCE;
        records.schedule(TimerKind.ACCEPTANCE_LAPSE.name(), o.id, o.acceptanceExpiresAt);
        journal.orderEvent(
                o.id,
                new SubscriptionEvents.OrderAcceptanceRequested(o.id.toString(), o.customerId, o.acceptanceExpiresAt));
        journal.timeline(
                o.id,
                null,
                o.customerId,
                "ORDER",
                "ACCEPTANCE_REQUESTED",
                "confirmation link sent; lapses at " + o.acceptanceExpiresAt);
        notifications.sendAcceptanceLink(o.customerId, o.id.toString(), token.token());
    }

    /** The customer accepts a telesales order with the token from the link (R-ORD-08). */
    public void accept(UUID orderId, String customerId, String token) {
        OrderEntity o = orders.findById(orderId);
        if (o == null || !o.customerId.equals(customerId)) {
            throw ProblemException.notFound("Order");
        }
        if (o.status != OrderStatus.AWAITING_ACCEPTANCE) {
            throw ProblemException.conflict("not-awaiting-acceptance", "the order is " + o.status);
        }
        if (!clock.instant().isBefore(o.acceptanceExpiresAt)) {
            throw ProblemException.conflict("acceptance-lapsed", "the time to accept this order has run out");
        }
        if (!OneTimeToken.matches(token, o.acceptanceTokenHash)) {
            throw ProblemException.badRequest("token", "is not the token of this order's confirmation link");
        }
        records.cancelTimer(TimerKind.ACCEPTANCE_LAPSE.name(), o.id);
        o.acceptanceTokenHash = null;
        journal.timeline(o.id, null, o.customerId, "ORDER", "ACCEPTED_BY_CUSTOMER", null);
        approve(o);
    }

    /** Timer: a telesales order nobody accepted binds no one (R-ORD-08). */
    public void lapse(UUID orderId) {
        OrderEntity o = orders.findById(orderId);
        if (o == null || o.status != OrderStatus.AWAITING_ACCEPTANCE) {
            return;
        }
        o.status = OrderStatus.LAPSED;
        o.acceptanceTokenHash = null;
        o.updatedAt = clock.instant();
        closeLines(o);
        journal.orderEvent(o.id, new SubscriptionEvents.OrderLapsed(o.id.toString(), o.customerId));
        journal.timeline(o.id, null, o.customerId, "ORDER", "ORDER_LAPSED", "not accepted in time");
    }

    /**
     * The agreement is accepted: the withdrawal period starts (R-WDR-01), the creation fee is due (R-ORD-06), a
     * subscription is created per line and logistics is asked to ship.
     */
    private void approve(OrderEntity o) {
        LocalDate today = BusinessTime.today(clock);
        o.status = OrderStatus.IN_PROGRESS;
        o.acceptedOn = today;
        o.withdrawalDeadline = WithdrawalRules.deadline(today, o.device != null, o.deviceReceivedOn)
                .orElse(null);
        journal.timeline(
                o.id,
                null,
                o.customerId,
                "ORDER",
                "ORDER_APPROVED",
                o.withdrawalDeadline == null
                        ? "withdrawal period starts when the device is received"
                        : "withdrawal deadline " + o.withdrawalDeadline);
        CustomerKind kind = CustomerKind.valueOf(customers.findById(o.customerId).kind);
        for (OrderLineEntity l : o.lines) {
            SubscriptionEntity s = new SubscriptionEntity();
            s.id = UUID.randomUUID();
            s.customerId = o.customerId;
            s.orderId = o.id;
            s.lineId = l.id;
            s.number = l.number;
            s.planCode = l.planCode;
            s.status = SubscriptionStatus.PENDING;
            s.bindingMonths = l.bindingMonths;
            s.createdOn = today;
            if (!l.isPortIn()) {
                s.activationDueOn = today.plusDays(kind.activationDays());
                records.schedule(
                        TimerKind.ACTIVATION_DUE.name(),
                        s.id,
                        s.activationDueOn.atStartOfDay(BusinessTime.ZONE).toInstant());
            }
            subscriptions.persist(s);
            l.subscriptionId = s.id;
            l.step = LineStep.AWAITING_SHIPMENT;
            journal.orderEvent(
                    o.id,
                    new SubscriptionEvents.FulfilmentRequested(
                            o.id.toString(), l.id.toString(), o.customerId, l.simKind, o.device != null));
            journal.timeline(o.id, s.id, o.customerId, "SAGA", "FULFILMENT_REQUESTED", "line " + l.position);
        }
        // billing learns the lines to come with the approval, so an account is never settled while one is pending
        journal.orderEvent(
                o.id,
                new SubscriptionEvents.OrderApproved(
                        o.id.toString(),
                        o.customerId,
                        o.creationFeeOre,
                        o.creationFeeWaived,
                        o.lines.stream().map(l -> l.subscriptionId.toString()).toList()));
    }

    // --- fulfilment

    /** Logistics reports a line's SIM shipped or delivered; the same report twice changes nothing. */
    public void shipment(UUID orderId, UUID lineId, String status, LocalDate on, String simIccid) {
        OrderEntity o = orders.findById(orderId);
        OrderLineEntity l = o == null ? null : o.line(lineId);
        if (l == null) {
            throw ProblemException.notFound("Order line");
        }
        if (!o.status.approved()) {
            throw ProblemException.conflict(
                    "order-not-approved", "nothing is shipped for an order that is " + o.status + " (R-ORD-08)");
        }
        LocalDate today = BusinessTime.today(clock);
        LocalDate day = on == null ? today : on;
        if (day.isAfter(today)) {
            throw ProblemException.badRequest("on", "must not be in the future");
        }
        switch (status) {
            case "SHIPPED" -> shipped(o, l, day, simIccid);
            case "DELIVERED" -> {
                if (l.shippedOn == null) {
                    shipped(o, l, day, simIccid);
                }
                if (l.deliveredOn == null) {
                    l.deliveredOn = day;
                    journal.timeline(o.id, l.subscriptionId, o.customerId, "SAGA", "SIM_DELIVERED", "on " + day);
                    if (o.device != null && o.deviceReceivedOn == null) {
                        // R-WDR-01: with a device the 14 days run from its receipt
                        o.deviceReceivedOn = day;
                        o.withdrawalDeadline = WithdrawalRules.deadline(o.acceptedOn, true, day)
                                .orElse(null);
                        journal.timeline(
                                o.id,
                                null,
                                o.customerId,
                                "ORDER",
                                "DEVICE_RECEIVED",
                                "withdrawal deadline " + o.withdrawalDeadline);
                    }
                }
            }
            default -> throw ProblemException.badRequest("status", "must be SHIPPED or DELIVERED");
        }
        o.updatedAt = clock.instant();
    }

    private void shipped(OrderEntity o, OrderLineEntity l, LocalDate day, String simIccid) {
        if (l.shippedOn != null) {
            return;
        }
        if (l.step != LineStep.AWAITING_SHIPMENT) {
            throw ProblemException.conflict("line-not-awaiting-shipment", "the line is " + l.step);
        }
        if (!Iccid.isValid(simIccid)) {
            throw ProblemException.badRequest("simIccid", "must be the shipped SIM's ICCID (check digit)");
        }
        l.shippedOn = day;
        l.simIccid = simIccid;
        SubscriptionEntity s = subscriptions.findById(l.subscriptionId);
        s.iccid = simIccid;
        journal.orderEvent(o.id, new SubscriptionEvents.SimShipped(o.id.toString(), l.id.toString(), day));
        journal.timeline(o.id, s.id, o.customerId, "SAGA", "SIM_SHIPPED", "on " + day);
        if (l.isPortIn()) {
            requestPortIn(o, l);
        } else {
            l.step = LineStep.AWAITING_FIRST_USE;
        }
    }

    private void requestPortIn(OrderEntity o, OrderLineEntity l) {
        l.step = LineStep.PORT_REQUESTED;
        l.rejectCode = null;
        journal.portingCommand(
                o.id.toString(),
                new PortingCommands.RequestPortIn(
                        o.id.toString(),
                        l.id.toString(),
                        o.customerId,
                        l.number,
                        l.donorIccid,
                        l.portingMode,
                        l.donorTermEndsOn,
                        l.shippedOn));
        journal.timeline(o.id, l.subscriptionId, o.customerId, "SAGA", "PORT_IN_REQUESTED", null);
        refreshStatus(o);
    }

    /** The customer or an agent corrects a rejected port-in and resubmits it; nothing fails silently. */
    public void correctPortIn(UUID orderId, UUID lineId, String number, String donorIccid) {
        OrderEntity o = orders.findById(orderId);
        OrderLineEntity l = o == null ? null : o.line(lineId);
        if (l == null) {
            throw ProblemException.notFound("Order line");
        }
        if (!l.step.needsAction()) {
            throw ProblemException.conflict(
                    "line-not-rejected", "only a rejected or failed port-in can be corrected; the line is " + l.step);
        }
        List<Violation> v = new ArrayList<>();
        String normal =
                number == null ? l.number : DanishMobileNumber.normalise(number).orElse(null);
        if (normal == null) {
            v.add(new Violation("number", "must be a Danish mobile number"));
        }
        String iccid = donorIccid == null ? l.donorIccid : donorIccid;
        if (!Iccid.isValid(iccid)) {
            v.add(new Violation("donorIccid", "must be the donor SIM's ICCID (19-20 digits, check digit)"));
        }
        if (!v.isEmpty()) {
            throw CheckoutService.invalid(v);
        }
        l.number = normal;
        l.donorIccid = iccid;
        SubscriptionEntity s = subscriptions.findById(l.subscriptionId);
        s.number = normal;
        journal.timeline(o.id, s.id, o.customerId, "SAGA", "PORT_IN_CORRECTED", "after " + l.rejectCode);
        requestPortIn(o, l);
    }

    // --- porting events

    public void portInRequested(String portInId, UUID orderId, UUID lineId, LocalDate earliest) {
        withLine(orderId, lineId, (o, l) -> {
            l.portInId = portInId;
            journal.timeline(
                    o.id,
                    l.subscriptionId,
                    o.customerId,
                    "PORTING",
                    "PORT_IN_CASE_OPENED",
                    "earliest port date " + earliest);
        });
    }

    public void portInScheduled(UUID orderId, UUID lineId, LocalDate portDate, String donor) {
        withLine(orderId, lineId, (o, l) -> {
            if (l.step == LineStep.PORT_REQUESTED || l.step == LineStep.PORT_SCHEDULED) {
                l.step = LineStep.PORT_SCHEDULED;
                l.portDate = portDate;
                refreshStatus(o);
            }
            journal.timeline(
                    o.id,
                    l.subscriptionId,
                    o.customerId,
                    "PORTING",
                    "PORT_IN_SCHEDULED",
                    "for " + portDate + " with " + donor);
        });
    }

    public void portInRejected(UUID orderId, UUID lineId, String code, boolean failed) {
        withLine(orderId, lineId, (o, l) -> {
            if (l.step == LineStep.PORT_REQUESTED || l.step == LineStep.PORT_SCHEDULED) {
                l.step = failed ? LineStep.PORT_FAILED : LineStep.PORT_REJECTED;
                l.rejectCode = code;
                refreshStatus(o);
            }
            journal.timeline(
                    o.id,
                    l.subscriptionId,
                    o.customerId,
                    "PORTING",
                    failed ? "PORT_IN_FAILED" : "PORT_IN_REJECTED",
                    code + "; correct the data and resubmit");
        });
    }

    public void portInNoted(UUID orderId, UUID lineId, String what, String detail) {
        withLine(
                orderId,
                lineId,
                (o, l) -> journal.timeline(o.id, l.subscriptionId, o.customerId, "PORTING", what, detail));
    }

    /**
     * Porting credited a compensation (R-COMP-05): on the timeline of the order whose port-in case it was; true when
     * the case is one of our orders' port-ins.
     */
    public boolean compensationGranted(String caseId, String detail) {
        return orders.byPortIn(caseId)
                .map(o -> {
                    OrderLineEntity l = o.lines.stream()
                            .filter(x -> caseId.equals(x.portInId))
                            .findFirst()
                            .orElseThrow();
                    journal.timeline(o.id, l.subscriptionId, o.customerId, "PORTING", "COMPENSATION_GRANTED", detail);
                    return true;
                })
                .orElse(false);
    }

    /**
     * The number is ours (R-PORT-05/09): the subscription is active, and billed, from the day every operator routes
     * it to us, which is the agreed port date unless the port was late; never back-dated to the agreed date.
     */
    public void portInCompleted(UUID orderId, UUID lineId, LocalDate portDate, LocalDate completedOn) {
        withLine(orderId, lineId, (o, l) -> {
            journal.timeline(o.id, l.subscriptionId, o.customerId, "PORTING", "PORT_IN_COMPLETED", "on " + portDate);
            if (l.step == LineStep.WITHDRAWN) {
                // withdrawn while the port was executing: the number came anyway, so it may leave again (R-WDR-06)
                journal.portingCommand(
                        o.id.toString(), new PortingCommands.OpenPortOutWindow(l.number, o.customerId, portDate));
                return;
            }
            if (l.step == LineStep.ACTIVE || l.step == LineStep.CANCELLED) {
                return;
            }
            l.step = LineStep.ACTIVE;
            l.portDate = portDate;
            activate(subscriptions.findById(l.subscriptionId), completedOn);
            refreshStatus(o);
        });
    }

    /** Activates a pending subscription on {@code on} and tells billing and porting (R-PORT-05, R-SUB-01). */
    public void activate(SubscriptionEntity s, LocalDate on) {
        if (s.status != SubscriptionStatus.PENDING) {
            return;
        }
        s.status = SubscriptionStatus.ACTIVE;
        s.activatedOn = on;
        s.bindingEndsOn = s.bindingMonths > 0 ? on.plusMonths(s.bindingMonths) : null;
        records.cancelTimer(TimerKind.ACTIVATION_DUE.name(), s.id);
        journal.subscriptionEvent(
                s.id,
                new SubscriptionEvents.SubscriptionActivated(
                        s.id.toString(),
                        s.customerId,
                        s.number,
                        s.iccid,
                        s.planCode,
                        terms.priceOn(s.planCode, on),
                        on,
                        s.bindingEndsOn));
        journal.timeline(
                s.orderId,
                s.id,
                s.customerId,
                "SUBSCRIPTION",
                "SUBSCRIPTION_ACTIVATED",
                s.number + " on " + s.planCode + " from " + on
                        + (s.bindingEndsOn == null ? "" : ", bound until " + s.bindingEndsOn));
    }

    /** R-SUB-01: a new number's line activates on first use, or the timer activates it at the latest day. */
    public void activateNewNumber(UUID subscriptionId, String why) {
        SubscriptionEntity s = subscriptions.findById(subscriptionId);
        if (s == null || s.status != SubscriptionStatus.PENDING) {
            return;
        }
        OrderEntity o = orders.findById(s.orderId);
        OrderLineEntity l = o.line(s.lineId);
        if (l.isPortIn() || l.step == LineStep.WITHDRAWN || l.step == LineStep.CANCELLED) {
            return;
        }
        journal.timeline(o.id, s.id, o.customerId, "SUBSCRIPTION", "ACTIVATION_TRIGGER", why);
        l.step = LineStep.ACTIVE;
        activate(s, BusinessTime.today(clock));
        refreshStatus(o);
    }

    /** An approved order's status follows its lines (withdrawn lines no longer count). */
    void refreshStatus(OrderEntity o) {
        if (!o.status.approved()) {
            return;
        }
        var steps = o.lines.stream()
                .map(l -> l.step)
                .filter(s -> s != LineStep.WITHDRAWN)
                .toList();
        if (!steps.isEmpty()) {
            o.status = LineStep.orderStatus(steps);
        }
        o.updatedAt = clock.instant();
    }

    private interface LineAction {
        void apply(OrderEntity o, OrderLineEntity l);
    }

    private void withLine(UUID orderId, UUID lineId, LineAction action) {
        OrderEntity o = orders.findById(orderId);
        OrderLineEntity l = o == null ? null : o.line(lineId);
        if (l != null) {
            action.apply(o, l);
        }
    }
}
