package dk.flyt.subscription.application;

import dk.flyt.platform.problem.ProblemException;
import dk.flyt.subscription.persistence.OrderEntity;
import dk.flyt.subscription.persistence.OrderRepository;
import dk.flyt.subscription.persistence.Records;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The order use cases the API calls, each one transaction. {@code onlyFor} is the customer a customer token may act
 * for (null for staff): another customer's order answers 404, as if it did not exist (R-DATA-02).
 */
@ApplicationScoped
@Transactional
public class OrderDesk {
    private final OrderRepository orders;
    private final OrderSaga saga;
    private final WithdrawalService withdrawals;
    private final Records records;

    public OrderDesk(OrderRepository orders, OrderSaga saga, WithdrawalService withdrawals, Records records) {
        this.orders = orders;
        this.saga = saga;
        this.withdrawals = withdrawals;
        this.records = records;
    }

    public <T> T read(UUID orderId, String onlyFor, Function<OrderEntity, T> view) {
        return view.apply(find(orderId, onlyFor));
    }

    public <T> List<T> ofCustomer(String customerId, Function<OrderEntity, T> view) {
        return orders.ofCustomer(customerId).stream().map(view).toList();
    }

    /** Orders in one of the {@code status}es across customers, the longest unchanged first. */
    public <T> List<T> inStatus(
            java.util.Set<dk.flyt.subscription.domain.OrderStatus> status, int limit, Function<OrderEntity, T> view) {
        return orders.inStatus(status, limit).stream().map(view).toList();
    }

    public List<Records.TimelineEntry> timeline(UUID orderId, String onlyFor) {
        find(orderId, onlyFor);
        return records.timelineOfOrder(orderId);
    }

    /** The customer's whole timeline (orders, sagas, port cases, subscriptions, money), the newest 1,000 entries. */
    public List<Records.TimelineEntry> timelineOfCustomer(String customerId) {
        return records.timelineOfCustomer(customerId, 1_000);
    }

    public <T> T accept(UUID orderId, String customerId, String token, Function<OrderEntity, T> view) {
        saga.accept(orderId, customerId, token);
        return view.apply(orders.findById(orderId));
    }

    public <T> T shipment(
            UUID orderId, UUID lineId, String status, LocalDate on, String simIccid, Function<OrderEntity, T> view) {
        saga.shipment(orderId, lineId, status, on, simIccid);
        return view.apply(orders.findById(orderId));
    }

    public <T> T correctPortIn(
            UUID orderId,
            String onlyFor,
            UUID lineId,
            String number,
            String donorIccid,
            Function<OrderEntity, T> view) {
        find(orderId, onlyFor);
        saga.correctPortIn(orderId, lineId, number, donorIccid);
        return view.apply(orders.findById(orderId));
    }

    public WithdrawalService.Withdrawn withdraw(UUID orderId, String onlyFor, List<UUID> lineIds, String by) {
        return withdrawals.withdraw(find(orderId, onlyFor), lineIds, by);
    }

    private OrderEntity find(UUID orderId, String onlyFor) {
        OrderEntity o = orders.findById(orderId);
        if (o == null || (onlyFor != null && !onlyFor.equals(o.customerId))) {
            throw ProblemException.notFound("Order");
        }
        return o;
    }
}
