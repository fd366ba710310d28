package dk.flyt.subscription.api;

import dk.flyt.contracts.Roles;
import dk.flyt.platform.audit.AuditResource;
import dk.flyt.platform.audit.AuditResource.AuditView;
import dk.flyt.platform.audit.AuditTrail;
import dk.flyt.platform.security.Caller;
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
@Tag(name = "customers", description = CustomerResource.TAG)
public class CustomerOverviewResource {
    private final CustomerResource customers;
    private final SubscriptionResource subscriptions;
    private final OrderResource orders;
    private final AuditResource audit;
    private final PlanResource plans;
    private final ContactResource contacts;
    private final AuditTrail trail;
    private final Caller caller;

    public CustomerOverviewResource(
            CustomerResource customers,
            SubscriptionResource subscriptions,
            OrderResource orders,
            AuditResource audit,
            PlanResource plans,
            ContactResource contacts,
            AuditTrail trail,
            Caller caller) {
        this.plans = plans;
        this.contacts = contacts;
        this.trail = trail;
        this.caller = caller;
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.orders = orders;
        this.audit = audit;
    }

    /**
     * The agent's contact it was read within, the profile, the subscriptions, the orders (newest first), the timeline and the staff's audit (oldest first),
     * and the plans on sale (what a plan change may choose).
     */
    public record CustomerOverview(
            ContactResource.ContactView contact,
            CustomerView customer,
            List<SubscriptionView> subscriptions,
            List<OrderView> orders,
            List<TimelineView> timeline,
            List<AuditView> audit,
            List<PlanResource.PlanView> plans) {}

    @GET
    @RolesAllowed(Roles.AGENT)
    @Operation(
            operationId = "getCustomerOverview",
            summary = "A customer's profile, subscriptions, orders, timeline and audit at once (the console's page)",
            description = "As GET /customers/{id}, /subscriptions, /orders, /timeline and /audit each answer, within"
                    + " the agent's contact (Flyt-Contact-Id) and audited alike; X-Reveal-Reason shows the CPR number"
                    + " whole, as on GET /customers/{id}.")
    public CustomerOverview overview(
            @PathParam("customerId") String customerId, @HeaderParam("X-Reveal-Reason") String revealReason) {
        CustomerView customer = customers.get(customerId, revealReason);
        List<SubscriptionView> lines = subscriptions.ofCustomer(customerId);
        List<OrderView> placed = orders.ofCustomer(customerId);
        List<TimelineView> timeline = orders.customerTimeline(customerId);
        List<AuditView> staff = audit.audit(customerId);
        java.util.UUID within = trail.authorize(caller, customerId).orElseThrow();
        return new CustomerOverview(
                contacts.get(customerId, within), customer, lines, placed, timeline, staff, plans.list());
    }
}
