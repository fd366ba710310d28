package dk.flyt.subscription.api;

import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.Roles;
import dk.flyt.platform.audit.AuditTrail;
import dk.flyt.platform.idempotency.IdempotencyFilter;
import dk.flyt.platform.idempotency.Idempotent;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.platform.problem.ProblemResponses;
import dk.flyt.platform.security.Caller;
import dk.flyt.subscription.api.OrderViews.TimelineView;
import dk.flyt.subscription.application.OwnershipTransfers;
import dk.flyt.subscription.application.PlanChanges;
import dk.flyt.subscription.application.SubscriptionLifecycle;
import dk.flyt.subscription.domain.CancellationRules;
import dk.flyt.subscription.domain.EndReason;
import dk.flyt.subscription.domain.OrderDraft;
import dk.flyt.subscription.domain.PlanChangeStatus;
import dk.flyt.subscription.domain.SubscriptionStatus;
import dk.flyt.subscription.domain.TransferStatus;
import dk.flyt.subscription.persistence.OwnershipTransferEntity;
import dk.flyt.subscription.persistence.PlanChangeEntity;
import dk.flyt.subscription.persistence.Records;
import dk.flyt.subscription.persistence.SubscriptionEntity;
import dk.flyt.subscription.persistence.SubscriptionRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Subscriptions: reading, plan changes, cancellation, block, usage, ownership transfer and the timeline. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "subscriptions",
        description = "Active subscriptions: plan changes, cancellation, blocking, usage and ownership transfers")
public class SubscriptionResource {
    private final SubscriptionLifecycle lifecycle;
    private final PlanChanges planChanges;
    private final OwnershipTransfers transfers;
    private final SubscriptionRepository subscriptions;
    private final Records records;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;

    public SubscriptionResource(
            SubscriptionLifecycle lifecycle,
            PlanChanges planChanges,
            OwnershipTransfers transfers,
            SubscriptionRepository subscriptions,
            Records records,
            AuditTrail audit,
            Caller caller,
            Clock clock) {
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.planChanges = planChanges;
        this.transfers = transfers;
        this.subscriptions = subscriptions;
        this.records = records;
        this.audit = audit;
        this.caller = caller;
    }

    /**
     * A subscription; while BLOCKED only 112 is reachable (R-SUB-10). {@code earliestEndOn}: the end a notice given
     * today would have (R-SUB-07), while no notice is given.
     */
    public record SubscriptionView(
            UUID id,
            String customerId,
            UUID orderId,
            String number,
            String iccid,
            String plan,
            SubscriptionStatus status,
            String blockReason,
            boolean onlyEmergencyCalls,

            @org.eclipse.microprofile.openapi.annotations.media.Schema(
                    nullable = true,
                    description = "Why it ended; null while it has not")
            EndReason endReason,

            LocalDate createdOn,
            LocalDate activationDueOn,
            LocalDate activatedOn,
            LocalDate bindingEndsOn,
            LocalDate noticeGivenOn,
            LocalDate endsOn,
            LocalDate endedOn,
            LocalDate earliestEndOn,
            List<PlanChangeView> planChanges) {
        static SubscriptionView of(SubscriptionEntity s, List<PlanChangeEntity> changes, LocalDate today) {
            return new SubscriptionView(
                    s.id,
                    s.customerId,
                    s.orderId,
                    s.number,
                    s.iccid,
                    s.planCode,
                    s.status,
                    s.blockReason,
                    s.status == SubscriptionStatus.BLOCKED,
                    s.endReason,
                    s.createdOn,
                    s.activationDueOn,
                    s.activatedOn,
                    s.bindingEndsOn,
                    s.noticeGivenOn,
                    s.endsOn,
                    s.endedOn,
                    s.endsOn == null && s.isLive() ? CancellationRules.earliestEnd(today, s.bindingEndsOn) : null,
                    changes.stream().map(PlanChangeView::of).toList());
        }
    }

    /**
     * A plan change, the day it takes effect and why then (R-SUB-03); SCHEDULED ones can be cancelled (R-SUB-04).
     */
    public record PlanChangeView(
            UUID id,
            String fromPlan,
            String toPlan,
            boolean immediate,
            LocalDate orderedOn,
            LocalDate effectiveOn,
            String effectiveWhy,
            PlanChangeStatus status) {
        static PlanChangeView of(PlanChangeEntity c) {
            return new PlanChangeView(
                    c.id,
                    c.fromPlan,
                    c.toPlan,
                    c.immediate,
                    c.orderedOn,
                    c.effectiveOn,
                    dk.flyt.subscription.domain.PlanChangeRules.whyEffective(c.immediate),
                    c.status);
        }
    }

    @GET
    @Path("/subscriptions/{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT})
    @Transactional
    @Operation(operationId = "getSubscription", summary = "A subscription with its plan changes")
    public SubscriptionView get(@PathParam("id") UUID id) {
        SubscriptionEntity s = owned(id);
        audit.record(caller, "SUBSCRIPTION_READ", s.customerId, id.toString(), null);
        return view(s);
    }

    @GET
    @Path("/customers/{customerId}/subscriptions")
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT})
    @Transactional
    @Operation(operationId = "listCustomerSubscriptions", summary = "A customer's subscriptions")
    public List<SubscriptionView> ofCustomer(@PathParam("customerId") String customerId) {
        caller.requireAccessToCustomer(customerId, "Customer");
        audit.record(caller, "SUBSCRIPTIONS_READ", customerId, null, null);
        return subscriptions.ofCustomer(customerId).stream().map(this::view).toList();
    }

    @GET
    @Path("/subscriptions/{id}/timeline")
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT})
    @Transactional
    @Operation(
            operationId = "getSubscriptionTimeline",
            summary = "Everything that happened to the subscription, in order")
    public List<TimelineView> timeline(@PathParam("id") UUID id) {
        owned(id);
        audit.record(caller, "SUBSCRIPTION_TIMELINE_READ", lifecycle.get(id).customerId, id.toString(), null);
        return TimelineView.of(records.timelineOfSubscription(id));
    }

    public record PlanChangeRequest(String planCode) {}

    @POST
    @Path("/subscriptions/{id}/plan-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT})
    @Operation(
            operationId = "changePlan",
            summary = "Change plan (R-SUB-02..05)",
            description = "Immediate for a plan with streaming or away from Basic, otherwise from the next 1st;"
                    + " at most once per calendar month; during binding only to the same type at the same or a"
                    + " higher price. The response gives the effective date.")
    @APIResponse(
            responseCode = "201",
            description = "The plan change, scheduled or made",
            content = @Content(schema = @Schema(implementation = PlanChangeView.class)))
    @Extension(name = ProblemResponses.CONFLICT, value = "not-active")
    @Extension(name = ProblemResponses.UNPROCESSABLE, value = "same-plan,once-per-month,irreversible,binding")
    @Idempotent
    @Parameter(name = IdempotencyFilter.HEADER, in = ParameterIn.HEADER, description = IdempotencyFilter.DOC)
    public Response changePlan(@PathParam("id") UUID id, PlanChangeRequest request) {
        SubscriptionEntity s = owned(id);
        PlanChangeEntity c = planChanges.changePlan(id, request == null ? null : request.planCode(), caller.actor());
        audit.record(caller, "PLAN_CHANGE", s.customerId, c.id.toString(), null);
        return Response.status(201).entity(PlanChangeView.of(c)).build();
    }

    @DELETE
    @Path("/subscriptions/{id}/plan-changes/{changeId}")
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT})
    @Operation(
            operationId = "cancelPlanChange",
            summary = "Cancel a scheduled plan change before it takes effect (R-SUB-04)")
    @Extension(name = ProblemResponses.CONFLICT, value = "plan-change-in-effect")
    @Idempotent
    @Parameter(name = IdempotencyFilter.HEADER, in = ParameterIn.HEADER, description = IdempotencyFilter.DOC)
    public PlanChangeView cancelPlanChange(@PathParam("id") UUID id, @PathParam("changeId") UUID changeId) {
        SubscriptionEntity s = owned(id);
        PlanChangeEntity c = planChanges.cancelPlanChange(id, changeId, caller.actor());
        audit.record(caller, "PLAN_CHANGE_CANCELLED", s.customerId, changeId.toString(), null);
        return PlanChangeView.of(c);
    }

    public record CancellationRequest(LocalDate endOn) {}

    @POST
    @Path("/subscriptions/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT})
    @Operation(
            operationId = "cancelSubscription",
            summary = "Give notice (R-SUB-07/08)",
            description = "Only the agreement holder (or an agent for them). 30 days' notice; with binding never"
                    + " before the binding ends. The response gives the end date.")
    @Extension(name = ProblemResponses.CONFLICT, value = "not-active,already-cancelled")
    @Idempotent
    @Parameter(name = IdempotencyFilter.HEADER, in = ParameterIn.HEADER, description = IdempotencyFilter.DOC)
    public SubscriptionView cancel(@PathParam("id") UUID id, CancellationRequest request) {
        SubscriptionEntity s = owned(id);
        lifecycle.cancel(id, request == null ? null : request.endOn(), caller.actor());
        audit.record(caller, "CANCELLATION", s.customerId, id.toString(), null);
        return QuarkusTx.read(() -> view(subscriptions.findById(id)));
    }

    @POST
    @Path("/subscriptions/{id}/block")
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT})
    @Operation(
            operationId = "blockSubscription",
            summary = "Block a lost or stolen SIM at once; 112 stays reachable (R-SUB-10)")
    @Extension(name = ProblemResponses.CONFLICT, value = "not-active")
    @Idempotent
    @Parameter(name = IdempotencyFilter.HEADER, in = ParameterIn.HEADER, description = IdempotencyFilter.DOC)
    public SubscriptionView block(@PathParam("id") UUID id) {
        SubscriptionEntity s = owned(id);
        lifecycle.block(id, caller.actor());
        audit.record(caller, "BLOCK", s.customerId, id.toString(), null);
        return QuarkusTx.read(() -> view(subscriptions.findById(id)));
    }

    public record UnblockRequest(String newSimIccid) {}

    @POST
    @Path("/subscriptions/{id}/unblock")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT})
    @Operation(
            operationId = "unblockSubscription",
            summary = "Open a blocked line again, optionally on a new SIM (49 kr, R-SUB-10)")
    @Extension(name = ProblemResponses.CONFLICT, value = "not-blocked")
    @Idempotent
    @Parameter(name = IdempotencyFilter.HEADER, in = ParameterIn.HEADER, description = IdempotencyFilter.DOC)
    public SubscriptionView unblock(@PathParam("id") UUID id, UnblockRequest request) {
        SubscriptionEntity s = owned(id);
        lifecycle.unblock(id, request == null ? null : request.newSimIccid(), caller.actor());
        audit.record(caller, "UNBLOCK", s.customerId, id.toString(), null);
        return QuarkusTx.read(() -> view(subscriptions.findById(id)));
    }

    /** More than a year of seconds, or a petabyte in megabytes, in one report is a client's mistake. */
    static final long MAX_USAGE = 1_000_000_000L;

    public record UsageReport(
            String usageId, LocalDate usedOn, long voiceSeconds, long dataMegabytes, long amountOre) {}

    @POST
    @Path("/subscriptions/{id}/usage")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.NETWORK)
    @Operation(
            operationId = "reportUsage",
            summary = "The network reports usage (once per usageId)",
            description = "The first report activates a new number's line (R-SUB-01); usage beyond the plan"
                    + " (amountOre > 0) goes to billing.")
    public SubscriptionView usage(@PathParam("id") UUID id, UsageReport report) {
        if (report == null || report.usageId() == null || report.usageId().isBlank()) {
            throw ProblemException.badRequest("usageId", "is required");
        }
        if (report.usedOn() == null) {
            throw ProblemException.badRequest("usedOn", "is required");
        }
        if (report.voiceSeconds() < 0 || report.voiceSeconds() > MAX_USAGE) {
            throw ProblemException.badRequest("voiceSeconds", "must be from 0 to " + MAX_USAGE);
        }
        if (report.dataMegabytes() < 0 || report.dataMegabytes() > MAX_USAGE) {
            throw ProblemException.badRequest("dataMegabytes", "must be from 0 to " + MAX_USAGE);
        }
        if (!dk.flyt.platform.json.Amounts.plausible(report.amountOre())) {
            throw ProblemException.badRequest(
                    "amountOre", "must be from 0 to " + dk.flyt.platform.json.Amounts.MAX_ORE + " øre");
        }
        lifecycle.get(id);
        lifecycle.usage(
                id,
                report.usageId(),
                report.usedOn(),
                report.voiceSeconds(),
                report.dataMegabytes(),
                report.amountOre());
        return QuarkusTx.read(() -> view(subscriptions.findById(id)));
    }

    public record TransferRequest(OrderDraft.CustomerDraft newOwner, String paymentMethodRef) {}

    /** {@code toCustomerId} is shown to the new owner and to agents, never to the old owner. */
    public record TransferView(
            UUID id, UUID subscriptionId, String toCustomerId, TransferStatus status, Instant expiresAt) {
        static TransferView of(OwnershipTransferEntity t, boolean showNewOwner) {
            return new TransferView(
                    t.id, t.subscriptionId, showNewOwner ? t.toCustomerId : null, t.status, t.expiresAt);
        }
    }

    private TransferView transferView(OwnershipTransferEntity t) {
        return TransferView.of(t, !caller.isOnlyCustomer() || caller.subject().equals(t.toCustomerId));
    }

    @POST
    @Path("/subscriptions/{id}/ownership-transfers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT})
    @Operation(
            operationId = "requestOwnershipTransfer",
            summary = "Offer the subscription to a new owner (R-SUB-09)",
            description = "Not during binding; the new owner 18+, Danish address, another e-mail, credit-checked;"
                    + " they have 48 hours to accept through the link sent to them.")
    @APIResponse(
            responseCode = "201",
            description = "The transfer, waiting for the new owner's acceptance",
            content = @Content(schema = @Schema(implementation = TransferView.class)))
    @Extension(name = ProblemResponses.CONFLICT, value = "not-active,transfer-pending")
    @Extension(name = ProblemResponses.UNPROCESSABLE, value = "transfer-not-allowed,same-owner,credit-refused")
    @Extension(name = ProblemResponses.UNAVAILABLE, value = "credit-check-unavailable")
    @Idempotent
    @Parameter(name = IdempotencyFilter.HEADER, in = ParameterIn.HEADER, description = IdempotencyFilter.DOC)
    public Response requestTransfer(@PathParam("id") UUID id, TransferRequest request) {
        SubscriptionEntity s = owned(id);
        if (request == null) {
            throw ProblemException.badRequest("newOwner", "is required");
        }
        OwnershipTransferEntity t =
                transfers.requestTransfer(id, request.newOwner(), request.paymentMethodRef(), caller.actor());
        audit.record(caller, "OWNERSHIP_TRANSFER_REQUESTED", s.customerId, t.id.toString(), null);
        return Response.status(201).entity(transferView(t)).build();
    }

    public record TransferAcceptance(String token) {}

    @POST
    @Path("/ownership-transfers/{transferId}/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(
            operationId = "acceptOwnershipTransfer",
            summary = "The new owner accepts within 48 hours with the token of the link")
    @Extension(name = ProblemResponses.CONFLICT, value = "transfer-not-pending,transfer-lapsed,not-active")
    public TransferView acceptTransfer(@PathParam("transferId") UUID transferId, TransferAcceptance request) {
        return transferView(
                transfers.acceptTransfer(transferId, caller.subject(), request == null ? null : request.token()));
    }

    @GET
    @Path("/ownership-transfers/{transferId}")
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT})
    @Operation(
            operationId = "getOwnershipTransfer",
            summary = "An ownership transfer, for the old owner, the new owner or an agent")
    public TransferView transfer(@PathParam("transferId") UUID transferId) {
        OwnershipTransferEntity t = transfers.transfer(transferId);
        if (caller.isOnlyCustomer()
                && !caller.subject().equals(t.fromCustomerId)
                && !caller.subject().equals(t.toCustomerId)) {
            throw ProblemException.notFound("Ownership transfer");
        }
        audit.record(caller, "OWNERSHIP_TRANSFER_READ", t.fromCustomerId, transferId.toString(), null);
        return transferView(t);
    }

    /** The subscription, if the caller may see it; another customer's answers 404 (R-DATA-02, R-SUB-08). */
    private SubscriptionEntity owned(UUID id) {
        SubscriptionEntity s = lifecycle.get(id);
        caller.requireAccessToCustomer(s.customerId, "Subscription");
        audit.authorize(caller, s.customerId);
        return s;
    }

    private SubscriptionView view(SubscriptionEntity s) {
        return SubscriptionView.of(s, planChanges.planChanges(s.id), BusinessTime.today(clock));
    }
}
