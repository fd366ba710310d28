package dk.flyt.subscription.api;

import dk.flyt.contracts.Roles;
import dk.flyt.platform.audit.AuditTrail;
import dk.flyt.platform.idempotency.IdempotencyFilter;
import dk.flyt.platform.idempotency.Idempotent;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.platform.problem.ProblemResponses;
import dk.flyt.platform.security.Caller;
import dk.flyt.subscription.api.OrderViews.OrderView;
import dk.flyt.subscription.api.OrderViews.TimelineView;
import dk.flyt.subscription.application.CheckoutService;
import dk.flyt.subscription.application.OrderDesk;
import dk.flyt.subscription.application.WithdrawalService;
import dk.flyt.subscription.domain.OrderDraft;
import dk.flyt.subscription.domain.OrderStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Checkout, acceptance, fulfilment callbacks, port-in corrections, withdrawal and the order timeline. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "orders",
        description =
                "Checkout from the web shop and by agents, written acceptance, shipment, port-in corrections, the 14-day withdrawal and each order's timeline")
public class OrderResource {
    private final CheckoutService checkout;
    private final OrderDesk desk;
    private final AuditTrail audit;
    private final Caller caller;
    private final dk.flyt.subscription.application.CustomerDirectory directory;

    public OrderResource(
            CheckoutService checkout,
            OrderDesk desk,
            AuditTrail audit,
            Caller caller,
            dk.flyt.subscription.application.CustomerDirectory directory) {
        this.directory = directory;
        this.checkout = checkout;
        this.desk = desk;
        this.audit = audit;
        this.caller = caller;
    }

    @POST
    @Path("/orders")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.WEBSHOP, Roles.AGENT, Roles.CUSTOMER})
    @Operation(
            operationId = "placeOrder",
            summary = "Place an order",
            description = "Validates every field (R-ORD-01/02/03), checks credit (R-ORD-04) and stores the order."
                    + " 201 with the order and its withdrawal deadline; a retry with the same Idempotency-Key answers"
                    + " 200 with the same order (R-ORD-07); the same key with another body is a 422. An order joins"
                    + " an existing profile only with proof that it is that customer: customer.id is the logged-in"
                    + " customer's subject (a customer's own token sets it). A known CPR/CVR without that proof is"
                    + " refused with 422 identity-refused, and no order ever changes a profile's data.")
    @APIResponse(
            responseCode = "201",
            description = "The order, stored; Location is its address",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(
            responseCode = "200",
            description = "The same order again: a retry with the same Idempotency-Key and body (R-ORD-07)",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @Extension(name = ProblemResponses.CONFLICT, value = "concurrent-order")
    @Extension(
            name = ProblemResponses.UNPROCESSABLE,
            value = "identity-refused,no-consent,consent-recorded-by-seller,subscription-limit,idempotency-key-reused")
    @Extension(name = ProblemResponses.UNAVAILABLE, value = "number-pool-exhausted")
    public Response place(
            @Parameter(
                            required = true,
                            description = "New for each order (a UUID); a retry with the same key and body answers the"
                                    + " same order (R-ORD-07)")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            OrderDraft draft,
            UriInfo uri) {
        // an agent ordering for an existing customer works within a contact with them; a new customer has none yet
        String existing = draft == null || draft.customer() == null
                ? null
                : draft.customer().id();
        UUID contact =
                directory.exists(existing) ? audit.authorize(caller, existing).orElse(null) : null;
        CheckoutService.Placed placed = checkout.place(
                draft,
                idempotencyKey,
                new CheckoutService.PlacedBy(
                        caller.subject(),
                        caller.actor(),
                        caller.hasRole(Roles.AGENT),
                        caller.isOnlyCustomer() ? caller.subject() : null,
                        contact));
        // a new order is answered as its own transaction stored it; a replayed one is read
        OrderView view =
                placed.stored() != null ? view(placed.stored()) : desk.read(placed.orderId(), null, this::view);
        if (!placed.replayed()) {
            audit.recordWithin(
                    caller,
                    contact,
                    "ORDER_PLACED",
                    view.customerId(),
                    view.id().toString(),
                    null);
        }
        return Response.status(placed.replayed() ? 200 : 201)
                .location(uri.getBaseUriBuilder().path("api/v1/orders/{id}").build(view.id()))
                .entity(view)
                .build();
    }

    @GET
    @Path("/orders/{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.WEBSHOP})
    @Operation(operationId = "getOrder", summary = "An order with the step each line's saga is at")
    public OrderView get(@PathParam("id") UUID id) {
        OrderView view = desk.read(id, onlyFor(), o -> {
            if (caller.hasRole(Roles.WEBSHOP)
                    && !caller.hasRole(Roles.AGENT)
                    && !caller.isOnlyCustomer()
                    && !caller.subject().equals(o.placedBy)) {
                // the web shop reads the orders it placed, nobody else's (as if they did not exist)
                throw dk.flyt.platform.problem.ProblemException.notFound("Order");
            }
            return view(o);
        });
        audit.record(caller, "ORDER_READ", view.customerId(), id.toString(), null);
        return view;
    }

    /** What the agents' queue may ask for: the states in which an order waits for a person. */
    static final java.util.Set<OrderStatus> WAITING =
            java.util.EnumSet.of(OrderStatus.ACTION_REQUIRED, OrderStatus.PENDING_CREDIT_CHECK);

    @GET
    @Path("/orders")
    @RolesAllowed(Roles.AGENT)
    @Operation(
            operationId = "listWaitingOrders",
            summary = "The orders that wait for a person, across customers (the agents' queue)",
            description =
                    "status (repeatable) ACTION_REQUIRED (a rejected or failed port-in to correct) or PENDING_CREDIT_CHECK"
                            + " (the bureau has not answered yet); the longest unchanged first, at most limit (1 to 500,"
                            + " 100 by default). Ids, states and line steps only: no customer's personal data.")
    public List<OrderView> waiting(
            @Parameter(description = "The states to list, one or more", required = true) @QueryParam("status")
                    List<String> status,
            @Parameter(
                            description = "How many at most, 1 to 500",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "500",
                                            defaultValue = "100"))
                    @QueryParam("limit")
                    String limit,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo query) {
        if (status == null || status.isEmpty() || status.stream().allMatch(String::isBlank)) {
            throw ProblemException.badRequest("status", "is required: one or more of " + WAITING);
        }
        java.util.Set<OrderStatus> asked = java.util.EnumSet.noneOf(OrderStatus.class);
        for (String named : status) {
            OrderStatus s = java.util.Arrays.stream(OrderStatus.values())
                    .filter(o -> o.name().equals(named.strip()))
                    .findFirst()
                    .filter(WAITING::contains)
                    .orElseThrow(() -> ProblemException.badRequest("status", "must be one or more of " + WAITING));
            asked.add(s);
        }
        return desk.inStatus(asked, dk.flyt.platform.json.Limit.of(query, 100, 500), this::view);
    }

    @GET
    @Path("/customers/{customerId}/orders")
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT})
    @Operation(operationId = "listCustomerOrders", summary = "A customer's orders, newest first")
    public List<OrderView> ofCustomer(@PathParam("customerId") String customerId) {
        caller.requireAccessToCustomer(customerId, "Customer");
        audit.record(caller, "ORDERS_READ", customerId, null, null);
        return desk.ofCustomer(customerId, this::view);
    }

    @GET
    @Path("/orders/{id}/timeline")
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT})
    @Operation(
            operationId = "getOrderTimeline",
            summary = "Every state change of the order, its saga, its port cases and its money, in order")
    public List<TimelineView> timeline(@PathParam("id") UUID id) {
        String customerId = desk.read(id, onlyFor(), o -> o.customerId);
        audit.authorize(caller, customerId);
        List<TimelineView> timeline = TimelineView.of(desk.timeline(id, onlyFor()));
        audit.record(caller, "ORDER_TIMELINE_READ", customerId, id.toString(), null);
        return timeline;
    }

    @GET
    @Path("/customers/{customerId}/timeline")
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT})
    @Operation(
            operationId = "getCustomerTimeline",
            summary = "Everything that happened to the customer's orders and subscriptions, in order",
            description = "Order steps, the saga's steps, port cases as the saga saw them, subscription changes and"
                    + " the money they caused; the newest 1,000 entries, oldest first. The customer's own, or an agent's"
                    + " within a contact (audited).")
    public List<TimelineView> customerTimeline(@PathParam("customerId") String customerId) {
        caller.requireAccessToCustomer(customerId, "Customer");
        audit.authorize(caller, customerId);
        List<TimelineView> timeline = TimelineView.of(desk.timelineOfCustomer(customerId));
        audit.record(caller, "CUSTOMER_TIMELINE_READ", customerId, null, null);
        return timeline;
    }

    public record AcceptanceRequest(@NotNull String token) {}

    @POST
    @Path("/orders/{id}/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(
            operationId = "acceptOrder",
            summary = "The customer accepts a telesales order in writing with the token of the link (R-ORD-08)")
    @Extension(name = ProblemResponses.CONFLICT, value = "not-awaiting-acceptance,acceptance-lapsed")
    public OrderView accept(@PathParam("id") UUID id, AcceptanceRequest request) {
        return desk.accept(id, caller.subject(), request == null ? null : request.token(), this::view);
    }

    public record ShipmentReport(String status, LocalDate on, String simIccid) {}

    @POST
    @Path("/orders/{id}/lines/{lineId}/shipment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(
            operationId = "reportShipment",
            summary = "Logistics reports a line's SIM SHIPPED (with its ICCID) or DELIVERED")
    @Extension(name = ProblemResponses.CONFLICT, value = "order-not-approved,line-not-awaiting-shipment")
    public OrderView shipment(@PathParam("id") UUID id, @PathParam("lineId") UUID lineId, ShipmentReport report) {
        if (report == null || report.status() == null) {
            throw dk.flyt.platform.problem.ProblemException.badRequest("status", "must be SHIPPED or DELIVERED");
        }
        return desk.shipment(id, lineId, report.status(), report.on(), report.simIccid(), this::view);
    }

    public record PortInCorrection(String number, String donorIccid) {}

    @POST
    @Path("/orders/{id}/lines/{lineId}/port-in-correction")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT})
    @Operation(
            operationId = "correctPortIn",
            summary = "Correct the number or donor ICCID of a rejected port-in and send it again")
    @Extension(name = ProblemResponses.CONFLICT, value = "line-not-rejected")
    @Idempotent
    @Parameter(name = IdempotencyFilter.HEADER, in = ParameterIn.HEADER, description = IdempotencyFilter.DOC)
    public OrderView correct(@PathParam("id") UUID id, @PathParam("lineId") UUID lineId, PortInCorrection correction) {
        PortInCorrection c = correction == null ? new PortInCorrection(null, null) : correction;
        audit.authorize(caller, desk.read(id, onlyFor(), o -> o.customerId));
        OrderView view = desk.correctPortIn(id, onlyFor(), lineId, c.number(), c.donorIccid(), this::view);
        audit.record(caller, "PORT_IN_CORRECTED", view.customerId(), lineId.toString(), null);
        return view;
    }

    public record WithdrawalRequest(List<UUID> lineIds) {}

    public record WithdrawalView(UUID orderId, List<UUID> lineIds, LocalDate withdrawnOn, String orderStatus) {}

    @POST
    @Path("/orders/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT})
    @Operation(
            operationId = "withdrawFromOrder",
            summary = "Withdraw from the order within the deadline (R-WDR-01..07)",
            description = "Without lineIds the whole order; an order with a device only as a whole (R-WDR-02).")
    @Extension(name = ProblemResponses.CONFLICT, value = "nothing-to-withdraw")
    @Extension(name = ProblemResponses.UNPROCESSABLE, value = "withdrawal-period-over,whole-purchase-only")
    @Idempotent
    @Parameter(name = IdempotencyFilter.HEADER, in = ParameterIn.HEADER, description = IdempotencyFilter.DOC)
    public WithdrawalView withdraw(@PathParam("id") UUID id, WithdrawalRequest request) {
        String customerId = desk.read(id, onlyFor(), o -> o.customerId);
        audit.authorize(caller, customerId);
        WithdrawalService.Withdrawn w =
                desk.withdraw(id, onlyFor(), request == null ? null : request.lineIds(), caller.actor());
        audit.record(caller, "ORDER_WITHDRAWN", customerId, id.toString(), null);
        return new WithdrawalView(
                w.orderId(), w.lineIds(), w.withdrawnOn(), w.orderStatus().name());
    }

    /** Credit data (R-ORD-04's refusal reason) is for agents only; customers and the web shop see "refused". */
    private OrderView view(dk.flyt.subscription.persistence.OrderEntity o) {
        return OrderView.of(o, caller.hasRole(Roles.AGENT));
    }

    private String onlyFor() {
        return caller.isOnlyCustomer() ? caller.subject() : null;
    }
}
