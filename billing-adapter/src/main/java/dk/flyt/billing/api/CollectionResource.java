package dk.flyt.billing.api;

import dk.flyt.billing.persistence.AccountEntity;
import dk.flyt.billing.persistence.AccountRepository;
import dk.flyt.contracts.Roles;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How an account pays (R-BILL-04) and amounts under complaint (R-CMPL-01). */
@Path("/api/v1/accounts/{customerId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
public class CollectionResource {
    private final AccountRepository accounts;
    private final EntityManager em;
    private final Caller caller;
    private final Clock clock;

    public CollectionResource(AccountRepository accounts, EntityManager em, Caller caller, Clock clock) {
        this.accounts = accounts;
        this.em = em;
        this.caller = caller;
        this.clock = clock;
    }

    /** {@code reference} is the provider's token for the card or MobilePay agreement, never a card number. */
    public record PaymentMethod(
            @NotNull @Pattern(regexp = "CARD|MOBILEPAY") String method,
            @NotBlank String reference,
            @Positive Long topUpTarget) {}

    public record Dispute(
            @NotBlank String complaintId, @NotNull @Positive Long amount) {}

    @PUT
    @Path("/payment-method")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT})
    @Transactional
    @Operation(summary = "Set automatic payment: the account is topped up to the target when negative")
    public Response paymentMethod(@PathParam("customerId") String customerId, @Valid @NotNull PaymentMethod body) {
        caller.requireAccessToCustomer(customerId, "Account");
        AccountEntity a = accounts.findByIdOptional(customerId).orElseThrow(() -> ProblemException.notFound("Account"));
        a.paymentMethod = body.method();
        a.paymentRef = body.reference();
        a.automaticPayment = true;
        if (body.topUpTarget() != null) {
            a.topUpTargetOre = body.topUpTarget();
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/disputes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT)
    @Transactional
    @Operation(summary = "An amount under complaint: not collected while the complaint runs")
    public Response dispute(@PathParam("customerId") String customerId, @Valid @NotNull Dispute body) {
        accounts.findByIdOptional(customerId).orElseThrow(() -> ProblemException.notFound("Account"));
        int inserted = em.createNativeQuery("""
                        INSERT INTO dispute (complaint_id, customer_id, amount_ore, opened_at)
                        VALUES (:id, :customer, :amount, :now) ON CONFLICT (complaint_id) DO NOTHING
                        """)
                .setParameter("id", body.complaintId())
                .setParameter("customer", customerId)
                .setParameter("amount", body.amount())
                .setParameter("now", clock.instant())
                .executeUpdate();
        return Response.status(inserted == 1 ? 201 : 200).build();
    }

    @POST
    @Path("/disputes/{complaintId}/resolution")
    @RolesAllowed(Roles.AGENT)
    @Transactional
    @Operation(summary = "The complaint is decided: the amount is collectible again (credit a refund separately)")
    public Response resolve(@PathParam("customerId") String customerId, @PathParam("complaintId") String complaintId) {
        int updated = em.createNativeQuery(
                        "UPDATE dispute SET resolved_at = :now WHERE complaint_id = :id AND customer_id = :c AND resolved_at IS NULL")
                .setParameter("now", clock.instant())
                .setParameter("id", complaintId)
                .setParameter("c", customerId)
                .executeUpdate();
        if (updated == 0) {
            throw ProblemException.notFound("Open dispute");
        }
        return Response.noContent().build();
    }
}
