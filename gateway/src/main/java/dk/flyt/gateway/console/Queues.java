package dk.flyt.gateway.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reads the {@link Queue} from the services that hold what waits: each service's own list (orders, parked hub
 * messages, overdue complaints) and its dead letters.
 */
@RequestScoped
public class Queues {
    /** Enough for a day's work; the services list the longest waiting first. */
    static final int LIMIT = 200;

    @Inject
    @RestClient
    SubscriptionApi subscription;

    @Inject
    @RestClient
    BillingApi billing;

    @Inject
    @RestClient
    PortingApi porting;

    public Queue read() {
        List<String> problems = new ArrayList<>();
        ServiceAnswer orders = ServiceAnswer.call(
                CustomerPages.SUBSCRIPTION,
                () -> subscription.waiting(List.of("ACTION_REQUIRED", "PENDING_CREDIT_CHECK"), LIMIT));
        ServiceAnswer parked = ServiceAnswer.call(CustomerPages.PORTING, () -> porting.parked(LIMIT));
        ServiceAnswer complaints = ServiceAnswer.call(CustomerPages.BILLING, () -> billing.overdueComplaints());
        ServiceAnswer differences =
                ServiceAnswer.call(CustomerPages.BILLING, () -> billing.reconciliationDifferences(LIMIT));
        ServiceAnswer subscriptionDead =
                ServiceAnswer.call(CustomerPages.SUBSCRIPTION, () -> subscription.deadLetters(LIMIT));
        ServiceAnswer portingDead = ServiceAnswer.call(CustomerPages.PORTING, () -> porting.deadLetters(LIMIT));
        ServiceAnswer billingDead = ServiceAnswer.call(CustomerPages.BILLING, () -> billing.deadLetters(LIMIT));
        List<Queue.Item> dead = new ArrayList<>();
        if (subscriptionDead.ok()) {
            dead.addAll(Queue.deadLetters(CustomerPages.SUBSCRIPTION, subscriptionDead.body()));
        }
        if (portingDead.ok()) {
            dead.addAll(Queue.deadLetters(CustomerPages.PORTING, portingDead.body()));
        }
        if (billingDead.ok()) {
            dead.addAll(Queue.deadLetters(CustomerPages.BILLING, billingDead.body()));
        }
        for (ServiceAnswer a :
                List.of(orders, parked, complaints, differences, subscriptionDead, portingDead, billingDead)) {
            if (!a.ok()) {
                problems.add(a.detail());
            }
        }
        return new Queue(
                orders.ok() ? Queue.orders(orders.body()) : List.of(),
                parked.ok() ? Queue.parked(parked.body()) : List.of(),
                dead,
                complaints.ok() ? Queue.complaints(complaints.body()) : List.of(),
                differences.ok() ? Queue.differences(differences.body()) : List.of(),
                problems);
    }
}
