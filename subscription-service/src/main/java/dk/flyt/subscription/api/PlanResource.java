package dk.flyt.subscription.api;

import dk.flyt.subscription.persistence.PlanRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public plan catalogue. */
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "plans")
public class PlanResource {
    private final PlanRepository plans;

    public PlanResource(PlanRepository plans) {
        this.plans = plans;
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
    @Operation(summary = "All plans, readable without a token")
    public List<PlanView> list() {
        return plans.catalogue().stream()
                .map(p ->
                        new PlanView(p.code, p.name, p.type, p.monthlyPriceOre, p.streamingIncluded, p.basic, p.dataGb))
                .toList();
    }
}
