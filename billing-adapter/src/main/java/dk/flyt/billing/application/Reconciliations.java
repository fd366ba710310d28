package dk.flyt.billing.application;

import dk.flyt.contracts.BusinessTime;
import dk.flyt.platform.problem.ProblemException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Recomputes, in one set-based statement, what every subscription should have been charged for a month from its
 * terms schedule and live ranges (a second implementation of the rules in {@code MonthlyCharge}: joins for the
 * common case of one price all month, the SQL functions of migration V7 for a stretch in which the price changes),
 * and compares it with the ledger's entries for that month. Months due by today count: a
 * month the line was live on the 1st (and before it) from that 1st, the month it went live in from the next 1st, or
 * at once when the line ended (R-BILL-02, R-BILL-10). Withdrawn lines are left out: their money is the withdrawal's. The differences are kept,
 * answered, and counted in {@code flyt_billing_reconciliation_differences}.
 */
@ApplicationScoped
public class Reconciliations {
    private static final Logger LOG = Logger.getLogger(Reconciliations.class);

    /** The comparison, one row per subscription: id, customer, expected, booked (øre owed). */
    public static final String COMPARE = """
            WITH subs AS (
                SELECT s.subscription_id, s.status FROM billable_subscription s WHERE s.status IN ('ACTIVE', 'ENDED')
            ),
            whole AS (
                SELECT DISTINCT p.subscription_id FROM billing_period p JOIN subs USING (subscription_id)
                WHERE p.starts_on < :first AND (p.ends_on IS NULL OR p.ends_on > :first)
            ),
            stretches AS (
                SELECT w.subscription_id, CAST(:first AS date) AS a, CAST(:next AS date) AS b FROM whole w
                WHERE CAST(:first AS date) <= CAST(:today AS date)
                UNION ALL
                SELECT p.subscription_id, p.starts_on, least(coalesce(p.ends_on, :next), :next)
                FROM billing_period p JOIN subs s USING (subscription_id)
                WHERE p.starts_on >= :first AND p.starts_on < :next
                  AND least(coalesce(p.ends_on, :next), :next) > p.starts_on
                  AND NOT EXISTS (SELECT 1 FROM whole w WHERE w.subscription_id = p.subscription_id)
                  AND (CAST(:next AS date) <= CAST(:today AS date) OR s.status = 'ENDED')
            ),
            terms_at AS (
                SELECT DISTINCT ON (st.subscription_id, st.a)
                       st.subscription_id, st.a, st.b, t.plan_code, t.price_ore, t.effective_from AS terms_from
                FROM stretches st
                JOIN subscription_terms t ON t.subscription_id = st.subscription_id AND t.effective_from <= st.a
                ORDER BY st.subscription_id, st.a, t.effective_from DESC, t.seq DESC
            ),
            priced AS (
                SELECT ta.subscription_id, ta.a, ta.b,
                       CASE WHEN ta.plan_code IN (SELECT plan_code FROM plan_price WHERE effective_from <= ta.a)
                            THEN coalesce((SELECT pp.price_ore FROM plan_price pp
                                           WHERE pp.plan_code = ta.plan_code AND pp.effective_from >= ta.terms_from
                                             AND pp.effective_from <= ta.a
                                           ORDER BY pp.effective_from DESC, pp.seq DESC LIMIT 1),
                                          ta.price_ore)
                            ELSE ta.price_ore END AS price,
                       ta.plan_code IN (SELECT plan_code FROM plan_price
                                        WHERE effective_from > ta.a AND effective_from < ta.b)
                       OR EXISTS (SELECT 1 FROM subscription_terms t2
                                  WHERE t2.subscription_id = ta.subscription_id
                                    AND t2.effective_from > ta.a AND t2.effective_from < ta.b) AS changes
                FROM terms_at ta
            ),
            expected AS (
                SELECT subscription_id,
                       sum(CASE WHEN changes THEN billing_stretch(subscription_id, a, b, :days)
                                ELSE billing_half_up(price * (b - a), :days) END) AS expected
                FROM priced GROUP BY subscription_id
            ),
            booked AS (
                SELECT e.subscription_id, -sum(e.amount_ore) AS booked FROM ledger_entry e
                WHERE e.period_month = :first AND e.subscription_id IS NOT NULL
                GROUP BY e.subscription_id
            ),
            compared AS (
                SELECT coalesce(x.subscription_id, b.subscription_id) AS subscription_id,
                       coalesce(x.expected, 0) AS expected, coalesce(b.booked, 0) AS booked
                FROM expected x FULL OUTER JOIN booked b ON b.subscription_id = x.subscription_id
            )
            SELECT c.subscription_id, s.customer_id, c.expected, c.booked
            FROM compared c LEFT JOIN billable_subscription s ON s.subscription_id = c.subscription_id
            WHERE coalesce(s.status, 'UNKNOWN') <> 'WITHDRAWN'
            """;

    /** One subscription whose month does not agree with the ledger; amounts in øre owed. */
    public record Difference(String subscriptionId, String customerId, long expectedOre, long bookedOre) {
        public long differenceOre() {
            return bookedOre - expectedOre;
        }
    }

    public record Result(UUID id, YearMonth month, int subscriptions, List<Difference> differences, Instant at) {}

    private final EntityManager em;
    private final Clock clock;
    private final AtomicLong latestDifferences = new AtomicLong();

    public Reconciliations(EntityManager em, Clock clock, MeterRegistry registry) {
        this.em = em;
        this.clock = clock;
        Gauge.builder("flyt.billing.reconciliation.differences", latestDifferences, AtomicLong::get)
                .description("Subscriptions whose charges for the latest reconciled month differ from the schedules")
                .register(registry);
    }

    /** Reconciles {@code month}; a month that has not begun is refused (422). */
    public Result reconcile(YearMonth month) {
        LocalDate today = BusinessTime.today(clock);
        if (month.isAfter(YearMonth.from(today))) {
            throw ProblemException.unprocessable(
                    "month-not-begun", "there is nothing to reconcile for " + month + " before " + month.atDay(1));
        }
        Result result = QuarkusTransaction.requiringNew().call(() -> compare(month, today));
        latestDifferences.set(result.differences().size());
        if (!result.differences().isEmpty()) {
            LOG.warnf(
                    "Reconciliation of %s: %d of %d subscriptions differ from their schedules",
                    month, result.differences().size(), result.subscriptions());
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private Result compare(YearMonth month, LocalDate today) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        em.createNativeQuery("SET LOCAL jit = off").executeUpdate();
        List<Object[]> rows = em.createNativeQuery(COMPARE)
                .setParameter("first", month.atDay(1))
                .setParameter("next", month.plusMonths(1).atDay(1))
                .setParameter("today", today)
                .setParameter("days", month.lengthOfMonth())
                .getResultList();
        List<Difference> differences = new ArrayList<>();
        for (Object[] r : rows) {
            long expected = ((Number) r[2]).longValue();
            long booked = ((Number) r[3]).longValue();
            if (expected != booked) {
                differences.add(new Difference((String) r[0], (String) r[1], expected, booked));
            }
        }
        em.createNativeQuery("""
                        INSERT INTO reconciliation (id, month, started_at, finished_at, subscriptions, differences)
                        VALUES (:id, :month, :now, :now, :subs, :diffs)
                        """)
                .setParameter("id", id)
                .setParameter("month", month.atDay(1))
                .setParameter("now", now)
                .setParameter("subs", rows.size())
                .setParameter("diffs", differences.size())
                .executeUpdate();
        for (Difference d : differences) {
            em.createNativeQuery("""
                            INSERT INTO reconciliation_difference (reconciliation_id, subscription_id, customer_id,
                                                                   expected_ore, booked_ore)
                            VALUES (:id, :s, :c, :e, :b)
                            """)
                    .setParameter("id", id)
                    .setParameter("s", d.subscriptionId())
                    .setParameter("c", d.customerId())
                    .setParameter("e", d.expectedOre())
                    .setParameter("b", d.bookedOre())
                    .executeUpdate();
        }
        return new Result(id, month, rows.size(), differences, now);
    }

    /** A difference the latest reconciliation of its month found, with that reconciliation. */
    public record Open(UUID reconciliationId, YearMonth month, Instant at, Difference difference) {}

    /**
     * The differences of the latest reconciliation of each of the last {@code months} reconciled months, newest month
     * first: what a person must look into (a later reconciliation of a month that finds none clears its month).
     */
    @SuppressWarnings("unchecked")
    public List<Open> open(int months, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT r.id, r.month, r.finished_at, d.subscription_id, d.customer_id, d.expected_ore,
                                   d.booked_ore
                            FROM (SELECT DISTINCT ON (month) id, month, finished_at FROM reconciliation
                                  ORDER BY month DESC, finished_at DESC, seq DESC LIMIT :months) r
                            JOIN reconciliation_difference d ON d.reconciliation_id = r.id
                            ORDER BY r.month DESC, d.subscription_id
                            LIMIT :limit
                            """)
                    .setParameter("months", months)
                    .setParameter("limit", limit)
                    .getResultList();
            return rows.stream()
                    .map(r -> new Open(
                            (UUID) r[0],
                            YearMonth.from(Ledger.date(r[1])),
                            dk.flyt.platform.sql.SqlTime.instant(r[2]),
                            new Difference(
                                    (String) r[3],
                                    (String) r[4],
                                    ((Number) r[5]).longValue(),
                                    ((Number) r[6]).longValue())))
                    .toList();
        });
    }

    /** A stored reconciliation, or empty. */
    @SuppressWarnings("unchecked")
    public java.util.Optional<Result> find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> runs = em.createNativeQuery(
                            "SELECT month, subscriptions, finished_at FROM reconciliation WHERE id = :id")
                    .setParameter("id", id)
                    .getResultList();
            if (runs.isEmpty()) {
                return java.util.Optional.<Result>empty();
            }
            List<Object[]> rows =
                    em.createNativeQuery("""
                            SELECT subscription_id, customer_id, expected_ore, booked_ore
                            FROM reconciliation_difference WHERE reconciliation_id = :id ORDER BY subscription_id
                            """).setParameter("id", id).getResultList();
            List<Difference> differences = rows.stream()
                    .map(r -> new Difference(
                            (String) r[0], (String) r[1], ((Number) r[2]).longValue(), ((Number) r[3]).longValue()))
                    .toList();
            Object at = runs.get(0)[2];
            return java.util.Optional.of(new Result(
                    id,
                    YearMonth.from(Ledger.date(runs.get(0)[0])),
                    ((Number) runs.get(0)[1]).intValue(),
                    differences,
                    at instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) at));
        });
    }
}
