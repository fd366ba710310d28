package dk.flyt.subscription.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<PlanEntity, String> {
    public List<PlanEntity> catalogue() {
        return listAll(Sort.by("type").and("monthlyPriceOre").and("code"));
    }
}
