package dk.flyt.subscription.api;

import dk.flyt.subscription.domain.Channel;
import dk.flyt.subscription.domain.CreditOutcome;
import dk.flyt.subscription.domain.LineStep;
import dk.flyt.subscription.domain.OrderStatus;
import dk.flyt.subscription.persistence.OrderEntity;
import dk.flyt.subscription.persistence.OrderLineEntity;
import dk.flyt.subscription.persistence.Records;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the API shows of orders; ids, numbers and states, never CPR (R-DATA-01). */
public final class OrderViews {

    /**
     * An order. {@code withdrawalDeadline} is the extended deadline (R-WDR-07); it is null until the period starts
     * (acceptance of a telesales order, or receipt of the device).
     */
    public record OrderView(
            UUID id,
            String customerId,
            Channel channel,
            OrderStatus status,

            @org.eclipse.microprofile.openapi.annotations.media.Schema(
                    nullable = true,
                    description = "The credit check's decision; null while it is pending")
            CreditOutcome creditDecision,

            String refusalReason,
            long creationFee,
            boolean creationFeeWaived,
            String campaign,
            String device,
            LocalDate acceptedOn,
            LocalDate withdrawalDeadline,
            Instant acceptanceExpiresAt,
            LocalDate withdrawnOn,
            Instant createdAt,
            List<LineView> lines) {

        /** {@code withCreditData}: the refusal reason, for agents only (the security issue, credit data). */
        static OrderView of(OrderEntity o, boolean withCreditData) {
            return new OrderView(
                    o.id,
                    o.customerId,
                    o.channel,
                    o.status,
                    o.creditDecision,
                    withCreditData && o.creditDecision == CreditOutcome.REFUSED ? o.creditReason : null,
                    o.creationFeeOre,
                    o.creationFeeWaived,
                    o.campaign,
                    o.device,
                    o.acceptedOn,
                    o.withdrawalDeadline,
                    o.status == OrderStatus.AWAITING_ACCEPTANCE ? o.acceptanceExpiresAt : null,
                    o.withdrawnOn,
                    o.createdAt,
                    o.lines.stream().map(LineView::of).toList());
        }
    }

    /**
     * One line and the step its saga is at; {@code actionRequired} when a person must correct it; {@code portInId} the
     * porting service's case for a port-in line (compensation claims name it).
     */
    public record LineView(
            UUID id,
            String plan,
            String numberKind,
            String number,
            String simKind,
            int bindingMonths,
            LineStep step,
            boolean actionRequired,
            String rejectCode,
            LocalDate shippedOn,
            LocalDate deliveredOn,
            LocalDate portDate,
            UUID subscriptionId,
            String portInId) {
        static LineView of(OrderLineEntity l) {
            return new LineView(
                    l.id,
                    l.planCode,
                    l.numberKind,
                    l.number,
                    l.simKind,
                    l.bindingMonths,
                    l.step,
                    l.step.needsAction(),
                    l.rejectCode,
                    l.shippedOn,
                    l.deliveredOn,
                    l.portDate,
                    l.subscriptionId,
                    l.portInId);
        }
    }

    /** One line of a timeline, oldest first. */
    public record TimelineView(
            long seq, Instant at, String source, String what, String detail, UUID orderId, UUID subscriptionId) {
        static List<TimelineView> of(List<Records.TimelineEntry> entries) {
            return entries.stream()
                    .map(e -> new TimelineView(
                            e.seq(), e.at(), e.source(), e.what(), e.detail(), e.orderId(), e.subscriptionId()))
                    .toList();
        }
    }

    private OrderViews() {}
}
