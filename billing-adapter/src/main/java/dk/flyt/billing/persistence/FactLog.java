package dk.flyt.billing.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.flyt.billing.domain.BillingFact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every fact billing holds about each subscription ({@code billing_fact}), in the order it learned them. A fact is
 * kept once per subscription and event id: a redelivery adds nothing.
 */
@ApplicationScoped
public class FactLog {
    private static final Map<String, Class<? extends BillingFact>> TYPES = Map.of(
            "Approved", BillingFact.Approved.class,
            "Activated", BillingFact.Activated.class,
            "PlanChanged", BillingFact.PlanChanged.class,
            "PlanChangeCancelled", BillingFact.PlanChangeCancelled.class,
            "Ended", BillingFact.Ended.class,
            "PortedOut", BillingFact.PortedOut.class,
            "PortOutReverted", BillingFact.PortOutReverted.class,
            "Withdrawn", BillingFact.Withdrawn.class,
            "Transferred", BillingFact.Transferred.class);

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    public FactLog(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /** Keeps the fact (its {@code seq} is given here); false when this subscription already holds it. */
    public boolean append(String subscriptionId, BillingFact fact) {
        String payload;
        try {
            payload = json.writeValueAsString(fact);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("fact not serialisable", e);
        }
        return em.createNativeQuery("""
                                INSERT INTO billing_fact (subscription_id, fact_id, type, payload, recorded_at)
                                VALUES (:s, :id, :type, CAST(:payload AS jsonb), :now)
                                ON CONFLICT (subscription_id, fact_id, type) DO NOTHING
                                """)
                        .setParameter("s", subscriptionId)
                        .setParameter("id", fact.factId())
                        .setParameter("type", fact.getClass().getSimpleName())
                        .setParameter("payload", payload)
                        .setParameter("now", OffsetDateTime.now(clock))
                        .executeUpdate()
                == 1;
    }

    /** Every fact about the subscription, oldest first, each with the order it was learned in. */
    @SuppressWarnings("unchecked")
    public List<BillingFact> of(String subscriptionId) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT seq, type, payload::text FROM billing_fact WHERE subscription_id = :s ORDER BY seq")
                .setParameter("s", subscriptionId)
                .getResultList();
        List<BillingFact> facts = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Class<? extends BillingFact> type = TYPES.get((String) r[1]);
            if (type == null) {
                throw new IllegalStateException("unknown billing fact type " + r[1]);
            }
            try {
                ObjectNode node = (ObjectNode) json.readTree((String) r[2]);
                node.put("seq", ((Number) r[0]).longValue());
                facts.add(json.treeToValue(node, type));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("billing fact " + r[0] + " is not readable", e);
            }
        }
        return facts;
    }
}
