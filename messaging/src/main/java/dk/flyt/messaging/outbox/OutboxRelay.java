package dk.flyt.messaging.outbox;

import dk.flyt.messaging.MessagingConfig;
import dk.flyt.messaging.loop.WorkerLoop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka. Each pass locks a batch of pending rows with {@code FOR UPDATE SKIP LOCKED}, so
 * several replicas relay side by side without taking the same row; sends them; and marks as published only what
 * the broker acknowledged. What failed stays pending and is tried again on the next pass, so an outage of the
 * broker delays events but loses none. A consumer may see an event twice (after a crash between the broker's ack
 * and our commit); consumers are idempotent for that reason.
 *
 * <p>The relay runs on its own thread: right after a transaction that wrote to the outbox commits, and otherwise
 * every {@code flyt.messaging.outbox.poll-interval} (for rows of other replicas, and retries).
 *
 * <p>Order per aggregate: a pass publishes an aggregate's events only up to the first pending event of that
 * aggregate it does not hold itself (one another replica has locked, or one beyond the batch), so two replicas
 * never interleave one aggregate's events.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager em;
    private final KafkaPublisher publisher;
    private final MessagingConfig config;
    private final Clock clock;
    private final Counter published;
    private final Counter failed;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private final AtomicLong failedCount = new AtomicLong();
    private static final long LAG_REFRESH_NANOS = 1_000_000_000L;

    private final WorkerLoop loop;
    private volatile long lagRefreshedAt = System.nanoTime() - 2 * LAG_REFRESH_NANOS;

    OutboxRelay(
            EntityManager em, KafkaPublisher publisher, MessagingConfig config, Clock clock, MeterRegistry registry) {
        this.em = em;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
        this.loop = new WorkerLoop("outbox-relay", config.outbox().pollInterval(), this::drain);
        this.published = Counter.builder("flyt.outbox.published")
                .description("Outbox events acknowledged by the broker")
                .register(registry);
        this.failed = Counter.builder("flyt.outbox.publish.failures")
                .description("Attempts to publish an outbox event that the broker did not acknowledge")
                .register(registry);
        Gauge.builder("flyt.outbox.pending", pending, AtomicLong::get)
                .description("Outbox events not yet published")
                .register(registry);
        Gauge.builder("flyt.outbox.failed", failedCount, AtomicLong::get)
                .description("Outbox events the broker refused for good, waiting for an operator")
                .register(registry);
        Gauge.builder("flyt.outbox.lag.seconds", oldestPendingSeconds, AtomicLong::get)
                .description("Age of the oldest unpublished outbox event")
                .baseUnit("seconds")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        loop.start();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        loop.stop();
    }

    /** Publish right after the current transaction commits rather than at the next poll. */
    void wakeAfterCommit(jakarta.transaction.TransactionSynchronizationRegistry transactions) {
        loop.wakeAfterCommit(transactions);
    }

    /** Publishes what is pending; true while a full batch suggests there is more. */
    private boolean drain() {
        int batchSize = config.outbox().batchSize();
        int done = relayBatch(batchSize);
        if (done < batchSize && System.nanoTime() - lagRefreshedAt > LAG_REFRESH_NANOS) {
            // every commit wakes the relay; counting the pending rows once a second is plenty for the gauges
            refreshLag();
            lagRefreshedAt = System.nanoTime();
        }
        return done == batchSize && !loop.isStopping();
    }

    /** One pass: returns how many events it published. */
    int relayBatch(int batchSize) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<PendingEvent> batch = lockBatch(batchSize);
            if (batch.isEmpty()) {
                return 0;
            }
            List<PendingEvent> sendable = keepAggregateOrder(batch);
            if (sendable.isEmpty()) {
                return 0;
            }
            Map<Long, KafkaPublisher.Failure> failures = publisher.publish(sendable);
            List<Long> acknowledged = new ArrayList<>();
            for (PendingEvent event : sendable) {
                if (!failures.containsKey(event.seq())) {
                    acknowledged.add(event.seq());
                }
            }
            markPublished(acknowledged);
            failures.forEach(this::recordFailure);
            published.increment(acknowledged.size());
            if (!failures.isEmpty()) {
                failed.increment(failures.size());
                LOG.warnf(
                        "Outbox relay: %d of %d events not acknowledged, kept for the next pass (%s)",
                        failures.size(),
                        sendable.size(),
                        failures.values().iterator().next().reason());
            }
            return acknowledged.size();
        });
    }

    @SuppressWarnings("unchecked")
    private List<PendingEvent> lockBatch(int batchSize) {
        List<Object[]> rows =
                em.createNativeQuery("""
                        SELECT seq, id, topic, aggregate_type, aggregate_id, type, payload::text,
                               COALESCE((headers->>'schemaVersion')::int, 1), occurred_at
                        FROM outbox_event
                        WHERE published_at IS NULL AND failed_at IS NULL
                        ORDER BY seq
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED
                        """).setParameter("limit", batchSize).getResultList();
        List<PendingEvent> events = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            events.add(new PendingEvent(
                    ((Number) r[0]).longValue(),
                    (UUID) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    ((Number) r[7]).intValue(),
                    toOffset(r[8])));
        }
        return events;
    }

    /** Drops, per aggregate, everything from the first pending event of it this pass does not hold. */
    @SuppressWarnings("unchecked")
    private List<PendingEvent> keepAggregateOrder(List<PendingEvent> batch) {
        long maxSeq = batch.get(batch.size() - 1).seq();
        Set<String> keys = new HashSet<>();
        batch.forEach(e -> keys.add(e.aggregateKey()));
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT aggregate_type || ':' || aggregate_id, seq
                        FROM outbox_event
                        WHERE published_at IS NULL AND seq <= :maxSeq
                          AND aggregate_type || ':' || aggregate_id IN (:keys)
                        ORDER BY seq
                        """)
                .setParameter("maxSeq", maxSeq)
                .setParameter("keys", keys)
                .getResultList();
        Set<Long> held = new HashSet<>();
        batch.forEach(e -> held.add(e.seq()));
        Map<String, Long> firstGap = new HashMap<>();
        for (Object[] r : rows) {
            String key = (String) r[0];
            long seq = ((Number) r[1]).longValue();
            if (!held.contains(seq)) {
                firstGap.putIfAbsent(key, seq);
            }
        }
        Map<Long, PendingEvent> kept = new LinkedHashMap<>();
        for (PendingEvent e : batch) {
            Long gap = firstGap.get(e.aggregateKey());
            if (gap == null || e.seq() < gap) {
                kept.put(e.seq(), e);
            }
        }
        return new ArrayList<>(kept.values());
    }

    private void markPublished(List<Long> seqs) {
        if (seqs.isEmpty()) {
            return;
        }
        em.createNativeQuery(
                        "UPDATE outbox_event SET published_at = :now, attempts = attempts + 1, last_error = NULL WHERE seq IN (:seqs)")
                .setParameter("now", OffsetDateTime.now(clock))
                .setParameter("seqs", seqs)
                .executeUpdate();
    }

    private void recordFailure(long seq, KafkaPublisher.Failure failure) {
        int marked = em
                .createNativeQuery("""
                        UPDATE outbox_event
                        SET attempts = attempts + 1, last_error = left(:error, 2000),
                            permanent_failures = permanent_failures + :permanent,
                            failed_at = CASE WHEN permanent_failures + :permanent >= :max THEN CAST(:now AS timestamptz) END
                        WHERE seq = :seq
                        RETURNING failed_at
                        """)
                .setParameter("error", failure.reason())
                .setParameter("permanent", failure.permanent() ? 1 : 0)
                .setParameter("max", config.outbox().maxPermanentFailures())
                .setParameter("now", OffsetDateTime.now(clock))
                .setParameter("seq", seq)
                .getResultList()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList()
                .size();
        if (marked > 0) {
            LOG.errorf(
                    "Outbox event %d refused by the broker %d times, marked failed; its aggregate waits: %s",
                    seq, config.outbox().maxPermanentFailures(), failure.reason());
        }
    }

    private void refreshLag() {
        QuarkusTransaction.requiringNew().run(() -> {
            Object[] r = (Object[]) em.createNativeQuery(
                            "SELECT count(*) FILTER (WHERE failed_at IS NULL), min(occurred_at) FILTER (WHERE failed_at IS NULL), count(*) FILTER (WHERE failed_at IS NOT NULL) FROM outbox_event WHERE published_at IS NULL")
                    .getSingleResult();
            pending.set(((Number) r[0]).longValue());
            failedCount.set(((Number) r[2]).longValue());
            oldestPendingSeconds.set(
                    r[1] == null
                            ? 0
                            : Math.max(
                                    0,
                                    Duration.between(toOffset(r[1]).toInstant(), clock.instant())
                                            .toSeconds()));
        });
    }

    @Scheduled(identity = "outbox-purge", every = "1h", delayed = "1m")
    void purge() {
        OffsetDateTime outboxCutoff =
                OffsetDateTime.now(clock).minus(config.outbox().retention());
        OffsetDateTime inboxCutoff =
                OffsetDateTime.now(clock).minus(config.consumer().inboxRetention());
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM outbox_event WHERE published_at < :cutoff")
                    .setParameter("cutoff", outboxCutoff)
                    .executeUpdate();
            em.createNativeQuery("DELETE FROM inbox_message WHERE processed_at < :cutoff")
                    .setParameter("cutoff", inboxCutoff)
                    .executeUpdate();
        });
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
