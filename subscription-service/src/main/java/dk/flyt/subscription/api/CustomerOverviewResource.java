package dk.flyt.subscription.api;

import dk.flyt.contracts.Roles;
import dk.flyt.platform.audit.AuditResource;
import dk.flyt.platform.audit.AuditResource.AuditView;
import dk.flyt.subscription.api.CustomerResource.CustomerView;
import dk.flyt.subscription.api.OrderViews.OrderView;
import dk.flyt.subscription.api.OrderViews.TimelineView;
import dk.flyt.subscription.api.SubscriptionResource.SubscriptionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Everything the agents' console shows of a customer from this service, in one answer: the console's customer page
 * makes one round trip here. Each part is read as its own endpoint reads it, with the same checks and the same audit.
 */
@Path("/api/v1/customers/{customerId}/overview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customers")
public class CustomerOverviewResource {
    private final CustomerResource customers;
    private final SubscriptionResource subscriptions;
    private final OrderResource orders;
    private final AuditResource audit;
    private final PlanResource plans;

    public CustomerOverviewResource(
            CustomerResource customers,
            SubscriptionResource subscriptions,
            OrderResource orders,
            AuditResource audit,
            PlanResource plans) {
        this.plans = plans;
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.orders = orders;
        this.audit = audit;
    }

    /**
     * The profile, the subscriptions, the orders (newest first), the timeline and the staff's audit (oldest first),
     * and the plans on sale (what a plan change may choose).
     */
    public record CustomerOverview(
            CustomerView customer,
            List<SubscriptionView> subscriptions,
            List<OrderView> orders,
            List<TimelineView> timeline,
            List<AuditView> audit,
            List<PlanResource.PlanView> plans) {}

    @GET
    @RolesAllowed(Roles.AGENT)
    @Operation(
            summary = "A customer's profile, subscriptions, orders, timeline and audit at once (the console's page)",
            description = "As GET /customers/{id}, /subscriptions, /orders, /timeline and /audit each answer, within"
                    + " the agent's contact (Flyt-Contact-Id) and audited alike; X-Reveal-Reason shows the CPR number"
                    + " whole, as on GET /customers/{id}.")
    public CustomerOverview overview(
            @PathParam("customerId") String customerId, @HeaderParam("X-Reveal-Reason") String revealReason) {
        CustomerView customer = customers.get(customerId, revealReason);
        return new CustomerOverview(
                customer,
                subscriptions.ofCustomer(customerId),
                orders.ofCustomer(customerId),
                orders.customerTimeline(customerId),
                audit.audit(customerId),
                plans.list());
    }
}
