package dk.flyt.billing.application;

import dk.flyt.messaging.loop.WorkerLoop;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A plan's price change that billing learns when it is already in force (a cut may take effect at once, R-SUB-11)
 * can change months already charged to every line on the plan. Those lines are queued ({@code billing_review}) and
 * reviewed in batches by a worker, each in its own transaction, so a plan with a million lines does not become one
 * transaction.
 */
@ApplicationScoped
public class PriceReviews {
    private static final Logger LOG = Logger.getLogger(PriceReviews.class);
    private static final int BATCH = 200;

    private final EntityManager em;
    private final SubscriptionBook book;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final WorkerLoop loop;

    private final boolean background;

    public PriceReviews(
            EntityManager em,
            SubscriptionBook book,
            Clock clock,
            TransactionSynchronizationRegistry transactions,
            @ConfigProperty(name = "flyt.billing.price-reviews.background", defaultValue = "true") boolean background) {
        this.em = em;
        this.book = book;
        this.clock = clock;
        this.transactions = transactions;
        this.background = background;
        this.loop = new WorkerLoop("billing-price-reviews", Duration.ofSeconds(5), this::reviewBatch);
    }

    void start(@Observes StartupEvent event) {
        if (background) {
            loop.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        loop.stop();
    }

    /** Queues every line that has terms on the plan, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queuePlan(String planCode, String factId) {
        em.createNativeQuery("""
                        INSERT INTO billing_review (subscription_id, fact_id, queued_at)
                        SELECT DISTINCT t.subscription_id, CAST(:fact AS text), CAST(:now AS timestamptz)
                        FROM subscription_terms t JOIN billable_subscription s USING (subscription_id)
                        WHERE t.plan_code = :plan AND s.status IN ('ACTIVE', 'ENDED')
                        ON CONFLICT DO NOTHING
                        """)
                .setParameter("fact", factId)
                .setParameter("now", OffsetDateTime.now(clock))
                .setParameter("plan", planCode)
                .executeUpdate();
        loop.wakeAfterCommit(transactions);
    }

    /** Reviews everything queued; returns how many lines it reviewed. For tests and the worker. */
    public int drain() {
        int done = 0;
        while (true) {
            int n = batch();
            done += n;
            if (n < BATCH) {
                return done;
            }
        }
    }

    private boolean reviewBatch() {
        return batch() == BATCH && !loop.isStopping();
    }

    @SuppressWarnings("unchecked")
    private int batch() {
        List<Object[]> due = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT subscription_id, fact_id FROM billing_review ORDER BY queued_at LIMIT " + BATCH)
                .getResultList());
        for (Object[] r : due) {
            String subscription = (String) r[0];
            String fact = (String) r[1];
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    int taken = em.createNativeQuery(
                                    "DELETE FROM billing_review WHERE subscription_id = :s AND fact_id = :f")
                            .setParameter("s", subscription)
                            .setParameter("f", fact)
                            .executeUpdate();
                    if (taken == 1) {
                        book.chargeDue(subscription, fact);
                    }
                });
            } catch (RuntimeException e) {
                LOG.warnf("Price review of one subscription failed, tried again later: %s", e.toString());
            }
        }
        return due.size();
    }
}
