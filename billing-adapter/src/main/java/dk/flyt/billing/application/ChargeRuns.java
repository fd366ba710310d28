package dk.flyt.billing.application;

import dk.flyt.billing.persistence.ChargeRunEntity;
import dk.flyt.billing.persistence.ChargeRunRepository;
import dk.flyt.contracts.BusinessTime;
import dk.flyt.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The monthly charge run (R-BILL-01, R-BILL-08). One run per month; it works through the live subscriptions in
 * slices of their key space side by side ({@code flyt.billing.charge-run.parallelism}, a connection each), each slice
 * chunk by chunk ({@link ChargeRunSql}), each chunk one transaction that also records the slice's progress, and
 * charges the few it cannot price in bulk from their schedule ({@link SubscriptionBook}). The replica running it holds a lease; if it dies,
 * the next start after the lease expired resumes where it stopped, and the unique cause of every charge makes any
 * repeated chunk book nothing twice. A month whose run never happened (the service was down on the 1st) is run
 * before the next one; a subscription billing hears of after its month's run is charged by its review, at once
 * (R-BILL-10). A finished run is reconciled against the schedules ({@link Reconciliations}).
 */
@ApplicationScoped
public class ChargeRuns {
    private static final Logger LOG = Logger.getLogger(ChargeRuns.class);

    /** Leases are technical time and follow the wall clock, not the business clock tests move. */
    private final Clock wall = Clock.systemUTC();

    private final ChargeRunRepository runs;
    private final SubscriptionBook book;
    private final PlanPrices planPrices;
    private final Reconciliations reconciliations;
    private final EntityManager em;
    private final Clock clock;
    private final int chunkSize;
    private final int parallelism;
    private final Duration lease;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "charge-run");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService slicers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "charge-run-slice");
        t.setDaemon(true);
        return t;
    });

    public ChargeRuns(
            ChargeRunRepository runs,
            SubscriptionBook book,
            PlanPrices planPrices,
            Reconciliations reconciliations,
            EntityManager em,
            Clock clock,
            @ConfigProperty(name = "flyt.billing.charge-run.chunk-size", defaultValue = "5000") int chunkSize,
            @ConfigProperty(name = "flyt.billing.charge-run.parallelism", defaultValue = "2") int parallelism,
            @ConfigProperty(name = "flyt.billing.charge-run.lease", defaultValue = "2m") Duration lease) {
        this.runs = runs;
        this.book = book;
        this.planPrices = planPrices;
        this.reconciliations = reconciliations;
        this.em = em;
        this.clock = clock;
        this.chunkSize = chunkSize;
        this.parallelism = Math.max(1, parallelism);
        this.lease = lease;
    }

    /**
     * Every day at 03:00 Copenhagen (R-BILL-01: the run of a month on its 1st; a day later if the service was down
     * then), on every replica; only one gets the month's lease, and a finished run is not repeated.
     */
    @Scheduled(
            identity = "monthly-charge-run",
            cron = "${flyt.billing.charge-run.cron:0 0 3 * * ?}",
            timeZone = "Europe/Copenhagen")
    void daily() {
        start(YearMonth.from(BusinessTime.today(clock)));
    }

    /**
     * Starts the run for {@code month} (and for any earlier month that had live subscriptions and no finished run),
     * or resumes it when its last runner's lease expired; a running or finished run is left alone. Returns the
     * month's run id; the work goes on in the background. A month that has not begun is refused (422).
     */
    public UUID start(YearMonth month) {
        List<Claim> claims = claimUpTo(month);
        List<Claim> owned = claims.stream().filter(Claim::owned).toList();
        if (!owned.isEmpty()) {
            worker.submit(() -> owned.forEach(this::runSafely));
        }
        return claims.get(claims.size() - 1).id();
    }

    /** Runs the month (and any earlier one due) here and now, to its end; for tests and the benchmark. */
    public UUID runNow(YearMonth month) {
        List<Claim> claims = claimUpTo(month);
        claims.stream().filter(Claim::owned).forEach(this::runSafely);
        return claims.get(claims.size() - 1).id();
    }

    private List<Claim> claimUpTo(YearMonth month) {
        YearMonth current = YearMonth.from(BusinessTime.today(clock));
        if (month.isAfter(current)) {
            throw ProblemException.unprocessable(
                    "month-not-begun",
                    "the charge run for " + month + " can start on " + month.atDay(1) + " at the earliest (R-BILL-01)");
        }
        List<YearMonth> months = QuarkusTransaction.requiringNew().call(() -> monthsUpTo(month));
        List<Claim> claims = new ArrayList<>();
        for (YearMonth m : months) {
            claims.add(QuarkusTransaction.requiringNew().call(() -> claim(m)));
        }
        return claims;
    }

    /** {@code month}, after the earlier months that had live subscriptions and never finished a run. */
    @SuppressWarnings("unchecked")
    private List<YearMonth> monthsUpTo(YearMonth month) {
        List<Object> finished = em.createNativeQuery(
                        "SELECT max(month) FROM charge_run WHERE status = 'FINISHED' AND month < :m")
                .setParameter("m", month.atDay(1))
                .getResultList();
        YearMonth from;
        if (!finished.isEmpty() && finished.get(0) != null) {
            from = YearMonth.from(Ledger.date(finished.get(0))).plusMonths(1);
        } else {
            List<Object> oldest = em.createNativeQuery(
                            "SELECT min(activated_on) FROM billable_subscription WHERE status = 'ACTIVE'")
                    .getResultList();
            from = oldest.isEmpty() || oldest.get(0) == null
                    ? month
                    : YearMonth.from(Ledger.date(oldest.get(0))).plusMonths(1);
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from.isBefore(month) ? from : month; m.isBefore(month); m = m.plusMonths(1)) {
            months.add(m);
        }
        months.add(month);
        return months;
    }

    record Claim(UUID id, YearMonth month, boolean owned) {}

    Claim claim(YearMonth month) {
        // waits for reviews in flight, so that each either is seen by this run or sees that it has started
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:k)")
                .setParameter("k", SubscriptionBook.HORIZON_LOCK)
                .getSingleResult();
        em.createNativeQuery("""
                        INSERT INTO charge_run (id, month, status, total, lease_until, started_at)
                        VALUES (:id, :month, 'RUNNING', 0, :expired, :now)
                        ON CONFLICT (month) DO NOTHING
                        """)
                .setParameter("id", UUID.randomUUID())
                .setParameter("month", month.atDay(1))
                .setParameter("expired", Instant.EPOCH)
                .setParameter("now", clock.instant())
                .executeUpdate();
        ChargeRunEntity run = runs.find("month", month.atDay(1))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        boolean owned = "RUNNING".equals(run.status) && run.leaseUntil.isBefore(wall.instant());
        if (owned) {
            run.leaseUntil = wall.instant().plus(lease);
            boolean sliced = ((Number) em.createNativeQuery("SELECT count(*) FROM charge_run_slice WHERE run_id = :id")
                                    .setParameter("id", run.id)
                                    .getSingleResult())
                            .intValue()
                    > 0;
            if (!sliced) {
                run.total = session().doReturningWork(c -> ChargeRunSql.countDue(c, month));
                List<String[]> slices = session().doReturningWork(c -> ChargeRunSql.slices(c, month, parallelism));
                for (int n = 0; n < slices.size(); n++) {
                    em.createNativeQuery("""
                                    INSERT INTO charge_run_slice (run_id, n, from_key, to_key, last_key)
                                    VALUES (:id, :n, :from, :to, :from)
                                    """)
                            .setParameter("id", run.id)
                            .setParameter("n", n)
                            .setParameter("from", slices.get(n)[0])
                            .setParameter("to", slices.get(n)[1])
                            .executeUpdate();
                }
            }
        }
        return new Claim(run.id, month, owned);
    }

    private void runSafely(Claim claim) {
        try {
            runSlices(claim.id());
            if (QuarkusTransaction.requiringNew().call(() -> "FINISHED".equals(runs.findById(claim.id()).status))) {
                reconciliations.reconcile(claim.month());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Charge run %s for %s stopped; it resumes when started again", claim.id(), claim.month());
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "UPDATE charge_run SET failures = failures + 1, lease_until = :now WHERE id = :id")
                    .setParameter("now", wall.instant())
                    .setParameter("id", claim.id())
                    .executeUpdate());
        }
    }

    /** Works through the run's unfinished slices side by side, each on a connection of its own, to the end. */
    @SuppressWarnings("unchecked")
    void runSlices(UUID id) {
        List<Number> open = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT n FROM charge_run_slice WHERE run_id = :id AND NOT finished ORDER BY n")
                .setParameter("id", id)
                .getResultList());
        List<java.util.concurrent.Future<Integer>> running = new ArrayList<>();
        for (Number n : open) {
            running.add(slicers.submit(() -> runSlice(id, n.intValue(), Integer.MAX_VALUE)));
        }
        for (var f : running) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        finishIfDone(id);
    }

    /** Works through at most {@code maxChunks} chunks, slice after slice; returns how many it did. For tests. */
    @SuppressWarnings("unchecked")
    int runChunks(UUID id, int maxChunks) {
        List<Number> open = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT n FROM charge_run_slice WHERE run_id = :id AND NOT finished ORDER BY n")
                .setParameter("id", id)
                .getResultList());
        int chunks = 0;
        for (Number n : open) {
            if (chunks >= maxChunks) {
                break;
            }
            chunks += runSlice(id, n.intValue(), maxChunks - chunks);
        }
        finishIfDone(id);
        return chunks;
    }

    /** One slice, chunk by chunk, each chunk one transaction with the slice's progress and the run's lease. */
    @SuppressWarnings("unchecked")
    private int runSlice(UUID id, int n, int maxChunks) {
        int chunks = 0;
        while (chunks < maxChunks) {
            boolean finished = QuarkusTransaction.requiringNew().call(() -> {
                List<Object[]> rows = em.createNativeQuery("""
                                SELECT s.last_key, s.to_key, s.finished, r.month, r.status
                                FROM charge_run_slice s JOIN charge_run r ON r.id = s.run_id
                                WHERE s.run_id = :id AND s.n = :n FOR UPDATE OF s
                                """)
                        .setParameter("id", id)
                        .setParameter("n", n)
                        .getResultList();
                Object[] slice = rows.get(0);
                if ((Boolean) slice[2] || !"RUNNING".equals(slice[4])) {
                    return true;
                }
                String lastKey = (String) slice[0];
                String toKey = (String) slice[1];
                YearMonth month = YearMonth.from(Ledger.date(slice[3]));
                LocalDate first = month.atDay(1);
                LocalDate next = month.plusMonths(1).atDay(1);
                List<String> changingInMonth = planPrices.changingBetween(first.plusDays(1), next);
                List<String> changingSincePrevious =
                        planPrices.changingBetween(month.minusMonths(1).atDay(2), next);
                List<String> repriced = planPrices.changedBy(first);
                ChargeRunSql.Chunk chunk = session()
                        .doReturningWork(c -> ChargeRunSql.chargeChunk(
                                c,
                                month,
                                lastKey,
                                toKey,
                                chunkSize,
                                clock.instant(),
                                changingInMonth,
                                changingSincePrevious,
                                repriced));
                int charged = chunk.booked();
                for (String irregular : chunk.irregular()) {
                    book.chargeDue(irregular, "run-" + month);
                    charged++;
                }
                boolean done = chunk.subscriptions() < chunkSize
                        || chunk.lastKey() == null
                        || chunk.lastKey().equals(toKey);
                em.createNativeQuery("""
                                UPDATE charge_run_slice SET last_key = :last, done = done + :done, charged = charged + :charged,
                                       finished = :finished
                                WHERE run_id = :id AND n = :n
                                """)
                        .setParameter("last", chunk.lastKey() == null ? lastKey : chunk.lastKey())
                        .setParameter("done", chunk.subscriptions())
                        .setParameter("charged", charged)
                        .setParameter("finished", done)
                        .setParameter("id", id)
                        .setParameter("n", n)
                        .executeUpdate();
                // the run's progress and lease: one short update at the end, so that slices do not wait on each other
                em.createNativeQuery("""
                                UPDATE charge_run SET done = done + :done, charged = charged + :charged, lease_until = :lease
                                WHERE id = :id
                                """)
                        .setParameter("done", chunk.subscriptions())
                        .setParameter("charged", charged)
                        .setParameter("lease", wall.instant().plus(lease))
                        .setParameter("id", id)
                        .executeUpdate();
                return done;
            });
            chunks++;
            if (finished) {
                break;
            }
        }
        return chunks;
    }

    private void finishIfDone(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> {
            ChargeRunEntity run = runs.findById(id, LockModeType.PESSIMISTIC_WRITE);
            long open = ((Number) em.createNativeQuery(
                                    "SELECT count(*) FROM charge_run_slice WHERE run_id = :id AND NOT finished")
                            .setParameter("id", id)
                            .getSingleResult())
                    .longValue();
            if (open == 0 && "RUNNING".equals(run.status)) {
                run.status = "FINISHED";
                run.finishedAt = clock.instant();
                LOG.infof(
                        "Charge run for %s finished: %d subscriptions, %d charged",
                        YearMonth.from(run.month), run.done, run.charged);
            }
        });
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
        slicers.shutdownNow();
    }
}
