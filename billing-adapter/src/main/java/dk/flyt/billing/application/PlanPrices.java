package dk.flyt.billing.application;

import dk.flyt.billing.domain.PlanPrice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Plans' announced price changes (R-SUB-11), for every line on the plan, whether it is live yet or not. */
@ApplicationScoped
public class PlanPrices {
    private final EntityManager em;
    private final Clock clock;

    public PlanPrices(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Keeps a price change; false when it was known before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(String changeId, String planCode, LocalDate from, long priceOre) {
        return em.createNativeQuery("""
                                INSERT INTO plan_price (change_id, plan_code, effective_from, price_ore, learned_at)
                                VALUES (:id, :plan, :from, :price, :now) ON CONFLICT (change_id) DO NOTHING
                                """)
                        .setParameter("id", changeId)
                        .setParameter("plan", planCode)
                        .setParameter("from", from)
                        .setParameter("price", priceOre)
                        .setParameter("now", OffsetDateTime.now(clock))
                        .executeUpdate()
                == 1;
    }

    /** The price changes of the given plans. */
    @SuppressWarnings("unchecked")
    public List<PlanPrice> of(Collection<String> plans) {
        if (plans.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT change_id, plan_code, effective_from, price_ore, seq FROM plan_price WHERE plan_code IN (:plans)")
                .setParameter("plans", plans)
                .getResultList();
        List<PlanPrice> prices = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            prices.add(new PlanPrice(
                    (String) r[0],
                    (String) r[1],
                    Ledger.date(r[2]),
                    ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue()));
        }
        return prices;
    }

    /** Plans whose price changes on a day in [{@code from}, {@code until}). */
    @SuppressWarnings("unchecked")
    public List<String> changingBetween(LocalDate from, LocalDate until) {
        return em.createNativeQuery(
                        "SELECT DISTINCT plan_code FROM plan_price WHERE effective_from >= :from AND effective_from < :until")
                .setParameter("from", from)
                .setParameter("until", until)
                .getResultList();
    }

    /** Plans with any price change on or before {@code day}. */
    @SuppressWarnings("unchecked")
    public List<String> changedBy(LocalDate day) {
        return em.createNativeQuery("SELECT DISTINCT plan_code FROM plan_price WHERE effective_from <= :day")
                .setParameter("day", day)
                .getResultList();
    }
}
