package dk.flyt.billing.api;

import dk.flyt.billing.application.Complaints;
import dk.flyt.billing.persistence.AccountEntity;
import dk.flyt.billing.persistence.AccountRepository;
import dk.flyt.contracts.Roles;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How an account pays (R-BILL-04), and the older disputes API, now a thin front of complaints (R-CMPL-01). */
@Path("/api/v1/accounts/{customerId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts", description = AccountResource.TAG_DOC)
public class CollectionResource {
    private final AccountRepository accounts;
    private final Complaints complaints;
    private final dk.flyt.platform.audit.AuditTrail audit;
    private final Caller caller;

    public CollectionResource(
            AccountRepository accounts, Complaints complaints, dk.flyt.platform.audit.AuditTrail audit, Caller caller) {
        this.accounts = accounts;
        this.complaints = complaints;
        this.audit = audit;
        this.caller = caller;
    }

    /** {@code reference} is the provider's token for the card or MobilePay agreement, never a card number. */
    public record PaymentMethod(
            @NotNull @Pattern(regexp = "CARD|MOBILEPAY") String method,
            @NotBlank @Size(max = 100) String reference,

            @Positive @jakarta.validation.constraints.Max(dk.flyt.platform.json.Amounts.MAX_ORE)
            Long topUpTarget) {}

    public record Dispute(
            @NotBlank @Size(max = 100) String complaintId,

            @NotNull @Positive @jakarta.validation.constraints.Max(dk.flyt.platform.json.Amounts.MAX_ORE)
            Long amount) {}

    @PUT
    @Path("/payment-method")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT})
    @Transactional
    @Operation(
            operationId = "setPaymentMethod",
            summary = "Set automatic payment: the account is topped up to the target when negative")
    @APIResponse(responseCode = "204", description = "The payment method, stored")
    public Response paymentMethod(@PathParam("customerId") String customerId, @Valid @NotNull PaymentMethod body) {
        caller.requireAccessToCustomer(customerId, "Account");
        audit.authorize(caller, customerId);
        AccountEntity a = accounts.findByIdOptional(customerId).orElseThrow(() -> ProblemException.notFound("Account"));
        a.paymentMethod = body.method();
        a.paymentRef = body.reference();
        a.automaticPayment = true;
        if (body.topUpTarget() != null) {
            a.topUpTargetOre = body.topUpTarget();
        }
        audit.record(caller, "PAYMENT_METHOD_CHANGED", customerId, body.method(), null);
        return Response.noContent().build();
    }

    @POST
    @Path("/disputes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT)
    @Operation(
            operationId = "registerDispute",
            summary = "Deprecated: open a complaint with a disputed amount (use POST /complaints)",
            deprecated = true)
    @APIResponse(responseCode = "201", description = "The dispute, registered")
    @APIResponse(responseCode = "200", description = "The dispute was registered before; nothing changed")
    public Response dispute(@PathParam("customerId") String customerId, @Valid @NotNull Dispute body) {
        accounts.findByIdOptional(customerId).orElseThrow(() -> ProblemException.notFound("Account"));
        audit.authorize(caller, customerId);
        boolean known = complaints.find(customerId, body.complaintId()).isPresent();
        complaints.open(body.complaintId(), customerId, body.amount(), "disputed amount", false, caller.subject());
        audit.record(caller, "COMPLAINT_OPENED", customerId, body.complaintId(), "disputed amount");
        return Response.status(known ? 200 : 201).build();
    }

    @POST
    @Path("/disputes/{complaintId}/resolution")
    @RolesAllowed(Roles.AGENT)
    @Operation(
            operationId = "resolveDispute",
            summary = "Deprecated: reject the complaint, releasing the amount (use POST /complaints/{id}/decision)",
            deprecated = true)
    @APIResponse(responseCode = "204", description = "The dispute, resolved")
    public Response resolve(@PathParam("customerId") String customerId, @PathParam("complaintId") String complaintId) {
        audit.authorize(caller, customerId);
        complaints.decide(customerId, complaintId, Complaints.Outcome.REJECTED, null, caller.subject());
        audit.record(caller, "COMPLAINT_DECIDED", customerId, complaintId, "REJECTED");
        return Response.noContent().build();
    }
}
