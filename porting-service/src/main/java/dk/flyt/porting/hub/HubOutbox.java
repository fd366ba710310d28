package dk.flyt.porting.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.messaging.loop.WorkerLoop;
import dk.flyt.porting.application.PortInRequests;
import dk.flyt.porting.config.PortingConfig;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Messages to the hub, written in the transaction of the state change that causes them and delivered by a worker:
 * in order per dossier, with retries and a doubling backoff while the hub is away, so an outage delays but loses
 * nothing. A message the hub refuses (4xx) is marked FAILED for an agent to see, never retried blindly. A porting
 * request gets its donor from the hub's number register first ({@link #prepareRequests}).
 */
@ApplicationScoped
public class HubOutbox {
    private static final Logger LOG = Logger.getLogger(HubOutbox.class);

    /** Retry timing is technical, not business time: it follows the wall clock even when tests move the business clock. */
    private final Clock wall = Clock.systemUTC();

    private final EntityManager em;
    private final ObjectMapper json;
    private final HubClient hub;
    private final PortInRequests requests;
    private final PortingConfig config;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final WorkerLoop loop;
    private final AtomicLong pending = new AtomicLong();

    public HubOutbox(
            EntityManager em,
            ObjectMapper json,
            HubClient hub,
            PortInRequests requests,
            PortingConfig config,
            Clock clock,
            TransactionSynchronizationRegistry transactions,
            MeterRegistry registry) {
        this.em = em;
        this.json = json;
        this.hub = hub;
        this.requests = requests;
        this.config = config;
        this.clock = clock;
        this.transactions = transactions;
        this.loop = new WorkerLoop("hub-sender", config.hub().pollInterval(), this::sendDue);
        registry.gauge("flyt.hub.outbox.pending", pending);
    }

    void start(@Observes StartupEvent event) {
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        loop.stop();
    }

    /** A new message id, unique across our messages. */
    public static String newMessageId() {
        return "FLYT-" + UUID.randomUUID();
    }

    /** Queues the message for the hub; must run in the transaction of the change that causes it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(HubMessage message) {
        String payload;
        try {
            payload = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        em.createNativeQuery("""
                        INSERT INTO hub_outbox (message_id, kind, recipient, dossier_id, payload, created_at, status,
                                                next_attempt_at)
                        VALUES (:id, :kind, :recipient, :dossier, CAST(:payload AS jsonb), :now, 'PENDING', :due)
                        """)
                .setParameter("id", message.messageId())
                .setParameter("kind", message.kind().name())
                .setParameter("recipient", message.recipient())
                .setParameter("dossier", message.dossierId())
                .setParameter("payload", payload)
                .setParameter("now", OffsetDateTime.now(clock))
                .setParameter("due", OffsetDateTime.now(wall).minusSeconds(1))
                .executeUpdate();
        loop.wakeAfterCommit(transactions);
    }

    /**
     * One pass: fixes the donor of new porting requests, then sends what is due, oldest first, in dossier order. True
     * while a full batch on either side says there may be more due right now, so a burst is sent back to back rather
     * than one batch per poll interval.
     */
    boolean sendDue() {
        boolean morePrepared = prepareRequests() == PREPARE_BATCH;
        boolean moreSent = sendPrepared() == SEND_BATCH;
        return morePrepared || moreSent;
    }

    static final int PREPARE_BATCH = 20;
    static final int SEND_BATCH = 50;

    /**
     * A porting request we lead goes to the donor, and the donor is fixed before it leaves: the hub's number register
     * names the operator that holds the number; the case records it (only that operator may answer) and the request
     * is addressed to it. A number the register does not know is a rejection (UNKNOWN_NUMBER); a request whose case
     * moved on meanwhile (cancelled) is not sent at all.
     */
    @SuppressWarnings("unchecked")
    int prepareRequests() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT seq, payload::text, attempts FROM hub_outbox
                            WHERE status = 'PENDING' AND kind = 'PORTING_REQUEST' AND recipient IS NULL
                              AND next_attempt_at <= :now
                            ORDER BY seq LIMIT :limit
                            FOR UPDATE SKIP LOCKED
                            """)
                    .setParameter("limit", PREPARE_BATCH)
                    .setParameter("now", OffsetDateTime.now(wall))
                    .getResultList();
            for (Object[] r : rows) {
                long seq = ((Number) r[0]).longValue();
                int attempts = ((Number) r[2]).intValue();
                HubMessage message = json.readValue((String) r[1], HubMessage.class);
                UUID caseId = UUID.fromString(message.dossierId());
                try {
                    Optional<String> holder = hub.holderOf(message.number());
                    if (holder.isEmpty() || holder.get().equals(config.operatorId())) {
                        String why =
                                holder.isEmpty() ? "the hub does not know the number" : "the number is ours already";
                        requests.numberUnknown(caseId, why);
                        finish(seq, "SKIPPED", "not sent: " + why);
                    } else {
                        Optional<String> donor = requests.donorFixed(caseId, holder.get());
                        if (donor.isPresent()) {
                            em.createNativeQuery(
                                            "UPDATE hub_outbox SET recipient = :to, payload = CAST(:payload AS jsonb) WHERE seq = :seq")
                                    .setParameter("to", donor.get())
                                    .setParameter("payload", json.writeValueAsString(message.to(donor.get())))
                                    .setParameter("seq", seq)
                                    .executeUpdate();
                        } else {
                            finish(seq, "SKIPPED", "not sent: the case moved on before its donor was known");
                        }
                    }
                } catch (HubClient.HubUnavailable e) {
                    retryLater(seq, message, attempts, e.getMessage());
                } catch (HubClient.HubRefused e) {
                    LOG.errorf("Hub refused the number lookup for %s: %s", message.messageId(), e.getMessage());
                    finish(seq, "FAILED", "number lookup refused: " + e.getMessage());
                }
            }
            return rows.size();
        });
    }

    private void finish(long seq, String status, String why) {
        em.createNativeQuery(
                        "UPDATE hub_outbox SET status = :status, attempts = attempts + 1, last_error = :error WHERE seq = :seq")
                .setParameter("status", status)
                .setParameter("error", why)
                .setParameter("seq", seq)
                .executeUpdate();
    }

    private void retryLater(long seq, HubMessage message, int attempts, String why) {
        Duration pause = backoff(attempts + 1);
        LOG.warnf(
                "Hub unavailable for %s %s (attempt %d), next try in %s: %s",
                message.kind(), message.messageId(), attempts + 1, pause, why);
        em.createNativeQuery(
                        "UPDATE hub_outbox SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error WHERE seq = :seq")
                .setParameter("next", OffsetDateTime.ofInstant(wall.instant().plus(pause), ZoneOffset.UTC))
                .setParameter("error", why)
                .setParameter("seq", seq)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    int sendPrepared() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT o.seq, o.payload::text, o.attempts FROM hub_outbox o
                            WHERE o.status = 'PENDING' AND o.next_attempt_at <= :now
                              AND NOT (o.kind = 'PORTING_REQUEST' AND o.recipient IS NULL)
                              AND NOT EXISTS (SELECT 1 FROM hub_outbox e
                                              WHERE e.status = 'PENDING' AND e.dossier_id = o.dossier_id
                                                AND e.seq < o.seq)
                            ORDER BY o.seq LIMIT :limit
                            FOR UPDATE SKIP LOCKED
                            """)
                    .setParameter("limit", SEND_BATCH)
                    .setParameter("now", OffsetDateTime.now(wall))
                    .getResultList();
            for (Object[] r : rows) {
                long seq = ((Number) r[0]).longValue();
                int attempts = ((Number) r[2]).intValue();
                HubMessage message = json.readValue((String) r[1], HubMessage.class);
                try {
                    hub.send(message);
                    em.createNativeQuery(
                                    "UPDATE hub_outbox SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = :now, last_error = NULL WHERE seq = :seq")
                            .setParameter("now", OffsetDateTime.now(clock))
                            .setParameter("seq", seq)
                            .executeUpdate();
                } catch (HubClient.HubUnavailable e) {
                    retryLater(seq, message, attempts, e.getMessage());
                } catch (HubClient.HubRefused e) {
                    LOG.errorf("Hub refused %s %s: %s", message.kind(), message.messageId(), e.getMessage());
                    finish(seq, "FAILED", e.getMessage());
                }
            }
            pending.set(((Number) em.createNativeQuery("SELECT count(*) FROM hub_outbox WHERE status = 'PENDING'")
                            .getSingleResult())
                    .longValue());
            return rows.size();
        });
    }

    Duration backoff(int attempt) {
        Duration initial = config.hub().initialBackoff();
        Duration max = config.hub().maxBackoff();
        long factor = 1L << Math.min(20, Math.max(0, attempt - 1));
        Duration d = initial.multipliedBy(factor);
        return d.compareTo(max) > 0 ? max : d;
    }
}
