package dk.flyt.gateway.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reads the {@link Queue} from the services that hold what waits: each service's own lists (orders, parked hub
 * messages, overdue complaints, reconciliation differences) and its dead letters, all at once.
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

    /** The seven lists, asked for side by side: the page waits as long as the slowest service, once. */
    public Queue read() {
        var orders = ServiceAnswer.async(
                CustomerPages.SUBSCRIPTION,
                () -> subscription.waiting(List.of("ACTION_REQUIRED", "PENDING_CREDIT_CHECK"), LIMIT));
        var subscriptionDead = ServiceAnswer.async(CustomerPages.SUBSCRIPTION, () -> subscription.deadLetters(LIMIT));
        var parked = ServiceAnswer.async(CustomerPages.PORTING, () -> porting.parked(LIMIT));
        var portingDead = ServiceAnswer.async(CustomerPages.PORTING, () -> porting.deadLetters(LIMIT));
        var complaints = ServiceAnswer.async(CustomerPages.BILLING, () -> billing.overdueComplaints());
        var differences = ServiceAnswer.async(CustomerPages.BILLING, () -> billing.reconciliationDifferences(LIMIT));
        var billingDead = ServiceAnswer.async(CustomerPages.BILLING, () -> billing.deadLetters(LIMIT));
        List<String> problems = new ArrayList<>();
        List<Queue.Item> dead = new ArrayList<>();
        dead.addAll(read(subscriptionDead, a -> Queue.deadLetters(CustomerPages.SUBSCRIPTION, a), problems));
        dead.addAll(read(portingDead, a -> Queue.deadLetters(CustomerPages.PORTING, a), problems));
        dead.addAll(read(billingDead, a -> Queue.deadLetters(CustomerPages.BILLING, a), problems));
        return new Queue(
                read(orders, Queue::orders, problems),
                read(parked, Queue::parked, problems),
                dead,
                read(complaints, Queue::complaints, problems),
                read(differences, Queue::differences, problems),
                problems.stream().distinct().toList());
    }

    private static List<Queue.Item> read(
            java.util.concurrent.CompletableFuture<ServiceAnswer> answer,
            java.util.function.Function<com.fasterxml.jackson.databind.JsonNode, List<Queue.Item>> items,
            List<String> problems) {
        ServiceAnswer a = answer.join();
        if (!a.ok()) {
            problems.add(a.detail());
            return List.of();
        }
        return items.apply(a.body());
    }
}
