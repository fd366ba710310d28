package dk.flyt.billing.application;

import dk.flyt.billing.persistence.ChargeRunEntity;
import dk.flyt.billing.persistence.ChargeRunRepository;
import dk.flyt.contracts.BusinessTime;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The monthly charge run (R-BILL-01, R-BILL-08). One run per month; it works through the due subscriptions in
 * chunks of set-based SQL ({@link ChargeRunSql}), each chunk one transaction that also records progress. The
 * replica running it holds a lease; if it dies, the next start after the lease expired resumes where it stopped, and
 * the unique cause of every charge makes any repeated chunk book nothing twice.
 */
@ApplicationScoped
public class ChargeRuns {
    private static final Logger LOG = Logger.getLogger(ChargeRuns.class);

    /** Leases are technical time and follow the wall clock, not the business clock tests move. */
    private final Clock wall = Clock.systemUTC();

    private final ChargeRunRepository runs;
    private final EntityManager em;
    private final Clock clock;
    private final int chunkSize;
    private final Duration lease;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "charge-run");
        t.setDaemon(true);
        return t;
    });

    public ChargeRuns(
            ChargeRunRepository runs,
            EntityManager em,
            Clock clock,
            @ConfigProperty(name = "flyt.billing.charge-run.chunk-size", defaultValue = "5000") int chunkSize,
            @ConfigProperty(name = "flyt.billing.charge-run.lease", defaultValue = "2m") Duration lease) {
        this.runs = runs;
        this.em = em;
        this.clock = clock;
        this.chunkSize = chunkSize;
        this.lease = lease;
    }

    /** The scheduled run on the 1st (R-BILL-01); on every replica, but only one gets the month's lease. */
    @Scheduled(
            identity = "monthly-charge-run",
            cron = "${flyt.billing.charge-run.cron:0 0 3 1 * ?}",
            timeZone = "Europe/Copenhagen")
    void monthly() {
        start(YearMonth.from(BusinessTime.today(clock)));
    }

    /**
     * Starts the run for {@code month}, or resumes it when its last runner's lease expired; a running or finished
     * run is left alone. Returns the run's id; the work goes on in the background.
     */
    public UUID start(YearMonth month) {
        Claim claim = QuarkusTransaction.requiringNew().call(() -> claim(month));
        if (claim.owned()) {
            worker.submit(() -> {
                try {
                    runChunks(claim.id(), Integer.MAX_VALUE);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Charge run %s for %s stopped; it resumes when started again", claim.id(), month);
                    QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                                    "UPDATE charge_run SET failures = failures + 1, lease_until = :now WHERE id = :id")
                            .setParameter("now", wall.instant())
                            .setParameter("id", claim.id())
                            .executeUpdate());
                }
            });
        }
        return claim.id();
    }

    record Claim(UUID id, boolean owned) {}

    Claim claim(YearMonth month) {
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
            if (run.done == 0) {
                run.total = session().doReturningWork(c -> ChargeRunSql.countDue(c, month));
            }
        }
        return new Claim(run.id, owned);
    }

    /** Works through at most {@code maxChunks} chunks; returns how many it did. */
    int runChunks(UUID id, int maxChunks) {
        int chunks = 0;
        while (chunks < maxChunks) {
            boolean finished = QuarkusTransaction.requiringNew().call(() -> {
                ChargeRunEntity run = runs.findById(id, LockModeType.PESSIMISTIC_WRITE);
                if (!"RUNNING".equals(run.status)) {
                    return true;
                }
                YearMonth month = YearMonth.from(run.month);
                ChargeRunSql.Chunk chunk = session()
                        .doReturningWork(
                                c -> ChargeRunSql.chargeChunk(c, month, run.lastKey, chunkSize, clock.instant()));
                run.done += chunk.subscriptions();
                run.charged += chunk.booked();
                if (chunk.lastKey() != null) {
                    run.lastKey = chunk.lastKey();
                }
                run.leaseUntil = wall.instant().plus(lease);
                if (chunk.subscriptions() < chunkSize) {
                    run.status = "FINISHED";
                    run.finishedAt = clock.instant();
                    LOG.infof("Charge run for %s finished: %d subscriptions, %d charged", month, run.done, run.charged);
                    return true;
                }
                return false;
            });
            chunks++;
            if (finished) {
                break;
            }
        }
        return chunks;
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
