package dk.flyt.subscription.application;

import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.porting.PortingCommands;
import dk.flyt.contracts.subscription.SubscriptionEvents;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.subscription.domain.EndReason;
import dk.flyt.subscription.domain.LineStep;
import dk.flyt.subscription.domain.OrderStatus;
import dk.flyt.subscription.domain.SubscriptionStatus;
import dk.flyt.subscription.domain.WithdrawalRules;
import dk.flyt.subscription.persistence.OrderEntity;
import dk.flyt.subscription.persistence.OrderLineEntity;
import dk.flyt.subscription.persistence.OrderRepository;
import dk.flyt.subscription.persistence.Records;
import dk.flyt.subscription.persistence.SubscriptionEntity;
import dk.flyt.subscription.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The right of withdrawal (R-WDR-01..07): inside the deadline only; an order with a device as a whole; a pending
 * port-in is cancelled at the donor; a completed one opens the 14-day port-out window; billing refunds from the
 * {@code OrderWithdrawn} fact and the usage measured here.
 */
@ApplicationScoped
public class WithdrawalService {
    private final OrderRepository orders;
    private final SubscriptionRepository subscriptions;
    private final Records records;
    private final Journal journal;
    private final OrderSaga saga;
    private final Clock clock;

    public WithdrawalService(
            OrderRepository orders,
            SubscriptionRepository subscriptions,
            Records records,
            Journal journal,
            OrderSaga saga,
            Clock clock) {
        this.orders = orders;
        this.subscriptions = subscriptions;
        this.records = records;
        this.journal = journal;
        this.saga = saga;
        this.clock = clock;
    }

    public record Withdrawn(UUID orderId, List<UUID> lineIds, LocalDate withdrawnOn, OrderStatus orderStatus) {}

    @Transactional
    public Withdrawn withdraw(OrderEntity o, List<UUID> requestedLines, String by) {
        LocalDate today = BusinessTime.today(clock);
        if (o.status == OrderStatus.REFUSED || o.status == OrderStatus.LAPSED || o.status == OrderStatus.WITHDRAWN) {
            throw ProblemException.conflict("nothing-to-withdraw", "the order is " + o.status);
        }
        if (!WithdrawalRules.inTime(o.acceptedOn, o.device != null, o.deviceReceivedOn, today)) {
            throw ProblemException.unprocessable(
                    "withdrawal-period-over",
                    "the withdrawal period ended on " + o.withdrawalDeadline + " (R-WDR-01, R-WDR-07)");
        }
        Set<UUID> open = o.lines.stream()
                .filter(l -> l.step != LineStep.WITHDRAWN && l.step != LineStep.CANCELLED)
                .map(l -> l.id)
                .collect(Collectors.toSet());
        Set<UUID> chosen = requestedLines == null || requestedLines.isEmpty() ? open : Set.copyOf(requestedLines);
        if (!open.containsAll(chosen)) {
            throw ProblemException.badRequest("lineIds", "name open lines of this order");
        }
        if (!WithdrawalRules.partAllowed(o.device != null, chosen, open)) {
            throw ProblemException.unprocessable(
                    "whole-purchase-only",
                    "a subscription bought with a device can only be withdrawn as a whole (R-WDR-02)");
        }
        List<String> subscriptionIds = new ArrayList<>();
        List<SubscriptionEvents.WithdrawnLine> withdrawnLines = new ArrayList<>();
        long voice = 0;
        long data = 0;
        for (OrderLineEntity l : o.lines) {
            if (!chosen.contains(l.id)) {
                continue;
            }
            withdrawLine(o, l);
            if (l.subscriptionId != null) {
                SubscriptionEntity s = subscriptions.findById(l.subscriptionId);
                voice += s.voiceSecondsUsed;
                data += s.dataMegabytesUsed;
                subscriptionIds.add(s.id.toString());
                // R-WDR-04: the 2 hours / 2 GB exception is assessed per line
                withdrawnLines.add(
                        new SubscriptionEvents.WithdrawnLine(s.id.toString(), s.voiceSecondsUsed, s.dataMegabytesUsed));
                s.status = SubscriptionStatus.ENDED;
                s.endReason = EndReason.WITHDRAWN;
                s.endedOn = today;
                records.cancelTimer(TimerKind.ACTIVATION_DUE.name(), s.id);
                records.cancelTimer(TimerKind.SUBSCRIPTION_END.name(), s.id);
            }
        }
        boolean whole = chosen.equals(open);
        if (whole) {
            o.status = OrderStatus.WITHDRAWN;
            o.withdrawnOn = today;
            records.cancelTimer(TimerKind.ACCEPTANCE_LAPSE.name(), o.id);
            records.cancelTimer(TimerKind.CREDIT_RETRY.name(), o.id);
        } else {
            saga.refreshStatus(o);
        }
        o.updatedAt = clock.instant();
        journal.orderEvent(
                o.id,
                new SubscriptionEvents.OrderWithdrawn(
                        o.id.toString(),
                        o.customerId,
                        subscriptionIds,
                        today,
                        voice,
                        data,
                        UUID.randomUUID().toString(),
                        withdrawnLines));
        journal.timeline(
                o.id,
                null,
                o.customerId,
                "ORDER",
                "ORDER_WITHDRAWN",
                (whole ? "whole order" : chosen.size() + " line(s)") + " by " + by);
        return new Withdrawn(o.id, List.copyOf(chosen), today, o.status);
    }

    private void withdrawLine(OrderEntity o, OrderLineEntity l) {
        LineStep before = l.step;
        l.step = LineStep.WITHDRAWN;
        if (l.isPortIn()) {
            if (before.portPending() || before.needsAction()) {
                // R-WDR-05: the donor stops the port
                journal.portingCommand(
                        o.id.toString(),
                        new PortingCommands.CancelPortIn(o.id.toString(), l.id.toString(), "WITHDRAWAL"));
                journal.timeline(o.id, l.subscriptionId, o.customerId, "SAGA", "PORT_IN_CANCEL_REQUESTED", null);
            } else if (before == LineStep.ACTIVE) {
                // R-WDR-06: a new recipient may take the number within 14 days of the port date
                journal.portingCommand(
                        o.id.toString(), new PortingCommands.OpenPortOutWindow(l.number, o.customerId, l.portDate));
                journal.timeline(
                        o.id,
                        l.subscriptionId,
                        o.customerId,
                        "SAGA",
                        "PORT_OUT_WINDOW_OPENED",
                        "14 days from " + l.portDate);
            }
        } else {
            records.releaseNumber(l.id);
        }
    }
}
