package dk.flyt.subscription.application;

import dk.flyt.subscription.domain.CustomerQuery;
import dk.flyt.subscription.persistence.CustomerEntity;
import dk.flyt.subscription.persistence.CustomerRepository;
import dk.flyt.subscription.persistence.OrderRepository;
import dk.flyt.subscription.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Finds the customers a query names: by CPR number, by a mobile number (a subscription's, any state, or the
 * profile's contact number), by e-mail address, or by id (the customer's, or an order's). At most 20, oldest first.
 */
@ApplicationScoped
public class CustomerSearch {
    static final int LIMIT = 20;

    private final CustomerRepository customers;
    private final SubscriptionRepository subscriptions;
    private final OrderRepository orders;

    public CustomerSearch(CustomerRepository customers, SubscriptionRepository subscriptions, OrderRepository orders) {
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.orders = orders;
    }

    public List<CustomerEntity> find(CustomerQuery query) {
        Stream<CustomerEntity> found =
                switch (query) {
                    case CustomerQuery.ByCpr q -> customers.byCpr(q.cpr().reveal()).stream();
                    case CustomerQuery.ByEmail q -> customers.list("lower(email) = ?1", q.address()).stream();
                    case CustomerQuery.ByNumber q ->
                        Stream.concat(
                                subscriptions.list("number = ?1", q.e164()).stream()
                                        .map(s -> s.customerId)
                                        .distinct()
                                        .flatMap(id -> customers.findByIdOptional(id).stream()),
                                customers.list("contactNumber = ?1", q.e164()).stream());
                    case CustomerQuery.ById q ->
                        Stream.concat(customers.findByIdOptional(q.id()).stream(), byOrder(q.id()));
                };
        Map<String, CustomerEntity> distinct = new LinkedHashMap<>();
        found.forEach(c -> distinct.putIfAbsent(c.id, c));
        return distinct.values().stream()
                .sorted(Comparator.comparing((CustomerEntity c) -> c.createdAt).thenComparing(c -> c.id))
                .limit(LIMIT)
                .toList();
    }

    private Stream<CustomerEntity> byOrder(String id) {
        UUID orderId;
        try {
            orderId = UUID.fromString(id);
        } catch (IllegalArgumentException notAnOrderId) {
            return Stream.empty();
        }
        return orders.findByIdOptional(orderId).stream()
                .flatMap(o -> customers.findByIdOptional(o.customerId).stream());
    }
}
