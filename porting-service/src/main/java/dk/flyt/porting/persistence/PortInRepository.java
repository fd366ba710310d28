package dk.flyt.porting.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PortInRepository implements PanacheRepositoryBase<PortInEntity, UUID> {
    public List<PortInEntity> byNumber(String number) {
        return list("number", Sort.by("createdAt").descending(), number);
    }
}
