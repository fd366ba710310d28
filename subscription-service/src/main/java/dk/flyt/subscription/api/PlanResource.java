package dk.flyt.subscription.api;

import dk.flyt.contracts.Roles;
import dk.flyt.platform.problem.ProblemResponses;
import dk.flyt.platform.security.Caller;
import dk.flyt.subscription.application.TermsChanges;
import dk.flyt.subscription.persistence.PlanRepository;
import dk.flyt.subscription.persistence.TermsChangeEntity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public plan catalogue. */
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "plans",
        description = "The plans on sale and their announced price changes (R-SUB-05); readable without a token")
public class PlanResource {
    private final PlanRepository plans;
    private final TermsChanges terms;
    private final Caller caller;

    public PlanResource(PlanRepository plans, TermsChanges terms, Caller caller) {
        this.plans = plans;
        this.terms = terms;
        this.caller = caller;
    }

    /** A price change: {@code newPrice} in øre from {@code effectiveOn}. */
    public record PriceChangeRequest(Long newPrice, LocalDate effectiveOn) {}

    public record PriceChangeView(
            UUID id,
            String plan,
            long oldPrice,
            long newPrice,
            LocalDate announcedOn,
            LocalDate effectiveOn,
            boolean favourable,
            dk.flyt.subscription.domain.TermsChangeStatus status) {
        static PriceChangeView of(TermsChangeEntity c) {
            return new PriceChangeView(
                    c.id,
                    c.planCode,
                    c.oldPriceOre,
                    c.newPriceOre,
                    c.announcedOn,
                    c.effectiveOn,
                    c.favourable,
                    c.status);
        }
    }

    @POST
    @Path("/{code}/price-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BILLING_ADMIN)
    @Operation(
            operationId = "announcePriceChange",
            summary = "Announce a new monthly price (R-SUB-11)",
            description = "A rise takes effect at least one month after the announcement, and the plan's customers"
                    + " may cancel with effect no later than that date until a month after it; a cut may be"
                    + " immediate.")
    @APIResponse(
            responseCode = "201",
            description = "The price change, announced",
            content = @Content(schema = @Schema(implementation = PriceChangeView.class)))
    @Extension(name = ProblemResponses.CONFLICT, value = "terms-change-pending")
    public Response announce(@PathParam("code") String code, PriceChangeRequest request) {
        TermsChangeEntity c = terms.announce(
                code,
                request == null ? null : request.newPrice(),
                request == null ? null : request.effectiveOn(),
                caller.subject());
        return Response.status(201).entity(PriceChangeView.of(c)).build();
    }

    @GET
    @Path("/{code}/price-changes")
    @PermitAll
    @Operation(
            operationId = "listPriceChanges",
            summary = "The plan's announced and past price changes, readable without a token")
    public List<PriceChangeView> priceChanges(@PathParam("code") String code) {
        return terms.ofPlan(code).stream().map(PriceChangeView::of).toList();
    }

    /** A plan; {@code monthlyPrice} is in øre incl. VAT. */
    public record PlanView(
            String code,
            String name,
            String type,
            long monthlyPrice,
            boolean streamingIncluded,
            boolean basic,
            Integer dataGb) {}

    @GET
    @PermitAll
    @Operation(operationId = "listPlans", summary = "All plans, readable without a token")
    public List<PlanView> list() {
        return plans.catalogue().stream()
                .map(p ->
                        new PlanView(p.code, p.name, p.type, p.monthlyPriceOre, p.streamingIncluded, p.basic, p.dataGb))
                .toList();
    }
}
