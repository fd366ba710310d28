package dk.flyt.porting.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.messaging.loop.WorkerLoop;
import dk.flyt.porting.config.PortingConfig;
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
import org.jboss.logging.Logger;

/**
 * Messages from the hub. {@link #store} persists a message (deduplicated by its id) before the API acknowledges it;
 * a worker then processes each in its own transaction. A message that does not apply yet waits and is retried; one
 * that cannot be processed is answered with an ERROR message to its sender.
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

    public HubInbox(
            EntityManager em,
            ObjectMapper json,
            HubMessageHandler handler,
            HubOutbox outbox,
            PortingConfig config,
            Clock clock,
            TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.json = json;
        this.handler = handler;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.transactions = transactions;
        this.loop = new WorkerLoop("hub-inbox", config.hub().pollInterval(), this::processDue);
    }

    void start(@Observes StartupEvent event) {
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        loop.stop();
    }

    /** Persists the message; false when a message with its id was received before. */
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
                                ON CONFLICT (message_id) DO NOTHING
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
                            dk.flyt.contracts.hub.HubMessage.Codes.NOT_APPLICABLE,
                            "still not applicable after " + attempts + " tries: " + outcome.text());
                }
                record(seq, message, outcome, attempts);
                return outcome instanceof Outcome.Applied;
            });
        } catch (RuntimeException e) {
            LOG.warnf("Hub message %d failed, will retry: %s", seq, e.toString());
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "UPDATE hub_inbox SET attempts = attempts + 1, next_attempt_at = :next, outcome = :error WHERE seq = :seq")
                    .setParameter("next", OffsetDateTime.now(wall).plus(Duration.ofSeconds(5)))
                    .setParameter("error", "failed: " + e)
                    .setParameter("seq", seq)
                    .executeUpdate());
            return false;
        }
    }

    private void record(long seq, HubMessage message, Outcome outcome, int attempts) {
        String status =
                switch (outcome) {
                    case Outcome.Applied a -> "APPLIED";
                    case Outcome.Ignored i -> "IGNORED";
                    case Outcome.Deferred d -> "PENDING";
                    case Outcome.Rejected r -> "ERROR";
                };
        Duration pause = Duration.ofMillis(Math.min(60_000, 250L << Math.min(8, attempts)));
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
                .setParameter("next", OffsetDateTime.now(wall).plus(pause))
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
            LOG.infof("Hub message %s %s refused: %s", message.kind(), message.messageId(), r.text());
            if (message.kind() != dk.flyt.contracts.hub.HubMessageKind.ERROR) {
                outbox.enqueue(handler.errorReply(message, r));
            }
        }
        afterCommit(outcome);
    }

    private void afterCommit(Outcome outcome) {
        if (outcome instanceof Outcome.Applied) {
            loop.wakeAfterCommit(transactions);
        }
    }
}
