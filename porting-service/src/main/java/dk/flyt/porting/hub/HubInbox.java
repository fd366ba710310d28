package dk.flyt.porting.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.hub.HubMessageKind;
import dk.flyt.messaging.loop.WorkerLoop;
import dk.flyt.porting.config.PortingConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Messages from the hub, once they passed {@link HubIngress}. {@link #store} persists a message (once per sender and
 * message id) before the API acknowledges it; a worker then processes each in its own transaction. A message that
 * does not apply yet waits and is retried with a growing pause. One that cannot be processed (refused by its case,
 * still not applicable after {@code max-deferrals} tries, or failing {@code max-attempts} times) is answered once
 * with an ERROR to its sender and PARKED with its reason for an agent ({@code GET /api/v1/interop/parked}); it is
 * never retried forever.
 */
@ApplicationScoped
public class HubInbox {
    private static final Logger LOG = Logger.getLogger(HubInbox.class);

    /** Retry timing is technical, not business time. */
    private final Clock wall = Clock.systemUTC();

    private final EntityManager em;
    private final ObjectMapper json;
    private final HubMessageHandler handler;
    private final HubOutbox outbox;
    private final PortingConfig config;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final WorkerLoop loop;
    private final AtomicLong parked = new AtomicLong();

    public HubInbox(
            EntityManager em,
            ObjectMapper json,
            HubMessageHandler handler,
            HubOutbox outbox,
            PortingConfig config,
            Clock clock,
            TransactionSynchronizationRegistry transactions,
            MeterRegistry registry) {
        this.em = em;
        this.json = json;
        this.handler = handler;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.transactions = transactions;
        this.loop = new WorkerLoop("hub-inbox", config.hub().pollInterval(), this::processDue);
        registry.gauge("flyt.hub.inbox.parked", parked);
    }

    void start(@Observes StartupEvent event) {
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        loop.stop();
    }

    /** Persists the message; false when its sender sent a message with its id before. */
    public boolean store(HubMessage message) {
        String payload;
        try {
            payload = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        boolean stored = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("""
                                INSERT INTO hub_inbox (message_id, sender, kind, dossier_id, payload, received_at, status,
                                                       next_attempt_at)
                                VALUES (:id, :sender, :kind, :dossier, CAST(:payload AS jsonb), :now, 'PENDING', :due)
                                ON CONFLICT (sender, message_id) DO NOTHING
                                """)
                                .setParameter("id", message.messageId())
                                .setParameter("sender", message.sender())
                                .setParameter("kind", message.kind().name())
                                .setParameter("dossier", message.dossierId())
                                .setParameter("payload", payload)
                                .setParameter("now", OffsetDateTime.now(clock))
                                .setParameter("due", OffsetDateTime.now(wall).minusSeconds(1))
                                .executeUpdate()
                        == 1);
        if (stored) {
            loop.wake();
        }
        return stored;
    }

    @SuppressWarnings("unchecked")
    boolean processDue() {
        List<Number> due = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT seq FROM hub_inbox WHERE status = 'PENDING' AND next_attempt_at <= :now ORDER BY seq LIMIT 50")
                .setParameter("now", OffsetDateTime.now(wall))
                .getResultList());
        boolean anyApplied = false;
        for (Number seq : due) {
            anyApplied |= processOne(seq.longValue());
        }
        parked.set(QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM hub_inbox WHERE status = 'PARKED'")
                                .getSingleResult())
                        .longValue()));
        return anyApplied;
    }

    /** Processes one stored message in its own transaction; true when it changed a case. */
    @SuppressWarnings("unchecked")
    private boolean processOne(long seq) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                List<Object[]> rows = em.createNativeQuery(
                                "SELECT payload::text, attempts FROM hub_inbox WHERE seq = :seq AND status = 'PENDING' FOR UPDATE SKIP LOCKED")
                        .setParameter("seq", seq)
                        .getResultList();
                if (rows.isEmpty()) {
                    return false;
                }
                HubMessage message = json.readValue((String) rows.get(0)[0], HubMessage.class);
                int attempts = ((Number) rows.get(0)[1]).intValue() + 1;
                Outcome outcome = handler.handle(message);
                if (outcome instanceof Outcome.Deferred
                        && attempts >= config.hub().maxDeferrals()) {
                    outcome = Outcome.rejected(
                            HubMessage.Codes.NOT_APPLICABLE,
                            "still not applicable after " + attempts + " tries: " + outcome.text());
                }
                record(seq, message, outcome, attempts);
                return outcome instanceof Outcome.Applied;
            });
        } catch (RuntimeException e) {
            failed(seq, e);
            return false;
        }
    }

    /** Processing threw: try again after a pause, or park the message after {@code max-attempts}. */
    @SuppressWarnings("unchecked")
    private void failed(long seq, RuntimeException e) {
        String reason = e.getClass().getSimpleName();
        QuarkusTransaction.requiringNew().run(() -> {
            List<Object[]> rows = em.createNativeQuery(
                            "SELECT payload::text, attempts FROM hub_inbox WHERE seq = :seq AND status = 'PENDING' FOR UPDATE")
                    .setParameter("seq", seq)
                    .getResultList();
            if (rows.isEmpty()) {
                return;
            }
            int attempts = ((Number) rows.get(0)[1]).intValue() + 1;
            if (attempts >= config.hub().maxAttempts()) {
                HubMessage message;
                try {
                    message = json.readValue((String) rows.get(0)[0], HubMessage.class);
                } catch (JsonProcessingException unreadable) {
                    throw new IllegalStateException(unreadable);
                }
                LOG.warnf("Hub message %d failed %d times, parked: %s", seq, attempts, reason);
                record(
                        seq,
                        message,
                        Outcome.rejected(
                                HubMessage.Codes.UNPROCESSABLE,
                                "processing failed " + attempts + " times (" + reason + ")"),
                        attempts);
                return;
            }
            Duration pause = pause(attempts);
            LOG.warnf("Hub message %d failed (attempt %d), next try in %s: %s", seq, attempts, pause, reason);
            em.createNativeQuery(
                            "UPDATE hub_inbox SET attempts = :attempts, next_attempt_at = :next, outcome = :error WHERE seq = :seq")
                    .setParameter("attempts", attempts)
                    .setParameter("next", OffsetDateTime.now(wall).plus(pause))
                    .setParameter("error", "failed: " + reason)
                    .setParameter("seq", seq)
                    .executeUpdate();
        });
    }

    private static Duration pause(int attempts) {
        return Duration.ofMillis(Math.min(60_000, 250L << Math.min(8, attempts)));
    }

    private void record(long seq, HubMessage message, Outcome outcome, int attempts) {
        String status =
                switch (outcome) {
                    case Outcome.Applied a -> "APPLIED";
                    case Outcome.Ignored i -> "IGNORED";
                    case Outcome.Deferred d -> "PENDING";
                    case Outcome.Rejected r -> "PARKED";
                };
        em.createNativeQuery("""
                        UPDATE hub_inbox SET status = :status, attempts = :attempts, outcome = :outcome,
                               processed_at = CASE WHEN :status = 'PENDING' THEN NULL ELSE CAST(:now AS timestamptz) END,
                               next_attempt_at = :next
                        WHERE seq = :seq
                        """)
                .setParameter("status", status)
                .setParameter("attempts", attempts)
                .setParameter("outcome", outcome.text())
                .setParameter("now", OffsetDateTime.now(clock))
                .setParameter("next", OffsetDateTime.now(wall).plus(pause(attempts)))
                .setParameter("seq", seq)
                .executeUpdate();
        if (outcome instanceof Outcome.Applied && message.dossierId() != null) {
            // something changed for this dossier: messages waiting for it may apply now
            em.createNativeQuery(
                            "UPDATE hub_inbox SET next_attempt_at = :now WHERE status = 'PENDING' AND dossier_id = :dossier AND seq <> :seq")
                    .setParameter("now", OffsetDateTime.now(wall))
                    .setParameter("dossier", message.dossierId())
                    .setParameter("seq", seq)
                    .executeUpdate();
        }
        if (outcome instanceof Outcome.Rejected r) {
            LOG.infof("Hub message %s %s parked: %s", message.kind(), message.messageId(), r.text());
            if (message.kind() != HubMessageKind.ERROR) {
                outbox.enqueue(HubMessages.error(config.operatorId(), message, r.code(), clock.instant()));
            }
        }
        if (outcome instanceof Outcome.Applied) {
            loop.wakeAfterCommit(transactions);
        }
    }

    /** A message that could not be processed, for an agent to look into. */
    public record Parked(
            long seq,
            String messageId,
            String sender,
            String kind,
            String dossierId,
            OffsetDateTime receivedAt,
            OffsetDateTime parkedAt,
            int attempts,
            String reason) {}

    /** The parked messages, newest first. */
    @SuppressWarnings("unchecked")
    public List<Parked> parked(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows =
                    em.createNativeQuery("""
                            SELECT seq, message_id, sender, kind, dossier_id, received_at, processed_at, attempts, outcome
                            FROM hub_inbox WHERE status = 'PARKED' ORDER BY seq DESC LIMIT :limit
                            """).setParameter("limit", limit).getResultList();
            return rows.stream()
                    .map(r -> new Parked(
                            ((Number) r[0]).longValue(),
                            (String) r[1],
                            (String) r[2],
                            (String) r[3],
                            (String) r[4],
                            timestamp(r[5]),
                            timestamp(r[6]),
                            ((Number) r[7]).intValue(),
                            (String) r[8]))
                    .toList();
        });
    }

    private static OffsetDateTime timestamp(Object value) {
        return switch (value) {
            case null -> null;
            case OffsetDateTime o -> o;
            case java.time.Instant i -> i.atOffset(java.time.ZoneOffset.UTC);
            case java.sql.Timestamp t -> t.toInstant().atOffset(java.time.ZoneOffset.UTC);
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }
}
