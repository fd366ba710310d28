package dk.flyt.subscription.persistence;

import dk.flyt.subscription.domain.Plan;
import dk.flyt.subscription.domain.PlanType;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<PlanEntity, String> {
    /** The plan as the rules see it; a code that is not in the catalogue is a programming error here. */
    public Plan plan(String code) {
        PlanEntity p = findById(code);
        if (p == null) {
            throw new IllegalArgumentException("no plan " + code);
        }
        return new Plan(p.code, p.name, PlanType.valueOf(p.type), p.monthlyPriceOre, p.streamingIncluded, p.basic);
    }

    public List<PlanEntity> catalogue() {
        return listAll(Sort.by("type").and("monthlyPriceOre").and("code"));
    }
}
