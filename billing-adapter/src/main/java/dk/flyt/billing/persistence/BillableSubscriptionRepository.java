package dk.flyt.billing.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class BillableSubscriptionRepository implements PanacheRepositoryBase<BillableSubscriptionEntity, String> {}
