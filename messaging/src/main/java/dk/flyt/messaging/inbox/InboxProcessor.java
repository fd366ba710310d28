package dk.flyt.messaging.inbox;

import dk.flyt.messaging.MessagingConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Runs a handler for an incoming Kafka message effectively once: each attempt is one transaction that records the
 * message id in the inbox and applies the effect, so a redelivered message is skipped. A failing handler is tried
 * {@code flyt.messaging.consumer.max-attempts} times with a growing pause; then the message is nacked, which the
 * channel's {@code failure-strategy=dead-letter-queue} turns into a record on {@code <topic>.dlq}, and the consumer
 * carries on with the next message. An attempt that meets the database out of reach is not the message's failure: the
 * consumer waits for the database and tries again, without counting it (found by the fault workload, where messages
 * of a PostgreSQL restart went to the dead-letter topic).
 */
@ApplicationScoped
public class InboxProcessor {
    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);

    private final Inbox inbox;
    private final MessagingConfig config;
    private final MeterRegistry registry;
    private final dk.flyt.messaging.deadletter.DeadLetters deadLetters;

    public InboxProcessor(
            Inbox inbox,
            MessagingConfig config,
            MeterRegistry registry,
            dk.flyt.messaging.deadletter.DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.inbox = inbox;
        this.config = config;
        this.registry = registry;
    }

    private volatile boolean stopping;

    /**
     * From here on a message is neither applied nor given up on: the datasource is about to close, so an attempt could
     * only fail for that reason, and a message that failed for it must not go to the dead-letter topic. It stays
     * unacknowledged; its offset is not committed, and it is delivered again after the restart (once, by the inbox).
     */
    void onShutdown(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    /** Call from a {@code @Blocking} {@code @Incoming} method and return what it returns. */
    public CompletionStage<Void> process(String consumer, Message<String> message, EventHandler handler) {
        IncomingEvent event = toEvent(message);
        if (stopping) {
            return leftForRedelivery(consumer, event);
        }
        java.util.Optional<String> owner = ownerOf(event.topic());
        if (owner.isPresent() && !owner.get().equals(event.source())) {
            // not retried and never applied: the dead-letter topic keeps it for whoever investigates
            Counter.builder("flyt.messaging.foreign.events")
                    .description("Records refused because their source does not own the topic")
                    .tag("consumer", consumer)
                    .tag("topic", event.topic())
                    .register(registry)
                    .increment();
            LOG.warnf(
                    "%s: %s %s on %s comes from source %s, not from %s; refused, sent to %s.dlq",
                    consumer, event.type(), event.id(), event.topic(), event.source(), owner.get(), event.topic());
            IllegalStateException refused = new IllegalStateException(
                    "source " + event.source() + " does not own " + event.topic() + " (" + owner.get() + " does)");
            deadLetters.record(consumer, event, refused.getMessage());
            return message.nack(refused);
        }
        int maxAttempts = Math.max(1, config.consumer().maxAttempts());
        Duration pause = config.consumer().backoff();
        Exception last = null;
        Duration databaseWait = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!inbox.firstDelivery(consumer, event.id())) {
                        return false;
                    }
                    handler.handle(event);
                    return true;
                });
                if (!applied) {
                    LOG.debugf("%s: %s %s already processed, skipped", consumer, event.type(), event.id());
                }
                return message.ack();
            } catch (Exception e) {
                if (stopping) {
                    return leftForRedelivery(consumer, event);
                }
                if (dk.flyt.platform.sql.DatabaseUnreachable.in(e)) {
                    // the database, not the message: wait until it is back, and try again without counting it
                    databaseWait = awaitDatabase(consumer, event, e, databaseWait);
                    attempt--;
                    continue;
                }
                last = e;
                LOG.warnf(
                        "%s: attempt %d/%d of %s %s failed: %s",
                        consumer, attempt, maxAttempts, event.type(), event.id(), rootMessage(e));
                if (attempt < maxAttempts) {
                    sleep(pause.multipliedBy(1L << (attempt - 1)));
                }
            }
        }
        Counter.builder("flyt.messaging.dead.letters")
                .description("Messages sent to a dead-letter topic after their retries")
                .tag("consumer", consumer)
                .tag("topic", event.topic())
                .register(registry)
                .increment();
        LOG.errorf(
                "%s: %s %s failed %d times, sent to %s.dlq",
                consumer, event.type(), event.id(), maxAttempts, event.topic());
        deadLetters.record(
                consumer, event, "failed " + maxAttempts + " times: " + (last == null ? "" : rootMessage(last)));
        return message.nack(last);
    }

    /**
     * The database is out of reach (a restart, a failover): the message is not at fault, so it is neither counted
     * against its attempts nor dead-lettered. The consumer pauses here, keeping its place in the partition, and tries
     * again after {@code flyt.messaging.consumer.backoff} doubling up to 5 s; readiness is DOWN meanwhile.
     */
    private Duration awaitDatabase(String consumer, IncomingEvent event, Exception e, Duration waitedLast) {
        Duration wait = waitedLast == null ? config.consumer().backoff() : waitedLast.multipliedBy(2);
        if (wait.compareTo(DATABASE_WAIT_CAP) > 0) {
            wait = DATABASE_WAIT_CAP;
        }
        if (waitedLast == null) {
            LOG.warnf(
                    "%s: the database cannot be reached (%s); %s %s waits for it, not counted as a failed attempt",
                    consumer, rootMessage(e), event.type(), event.id());
        }
        Counter.builder("flyt.messaging.database.waits")
                .description("Attempts that met the database out of reach and waited for it")
                .tag("consumer", consumer)
                .register(registry)
                .increment();
        sleep(wait);
        return wait;
    }

    private static final Duration DATABASE_WAIT_CAP = Duration.ofSeconds(5);

    private static CompletionStage<Void> leftForRedelivery(String consumer, IncomingEvent event) {
        LOG.infof(
                "%s: shutting down; %s %s is left unacknowledged for redelivery after the restart",
                consumer, event.type(), event.id());
        return new java.util.concurrent.CompletableFuture<>();
    }

    /**
     * Applies one event once, synchronously, in a transaction of its own: what {@link #process} does for a Kafka
     * record, for a caller that already holds the event (a test driving a service through its handlers, say). Returns
     * false when the consumer had processed this event before. Failures are thrown, not retried.
     */
    public boolean processOnce(String consumer, IncomingEvent event, EventHandler handler) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!inbox.firstDelivery(consumer, event.id())) {
                return false;
            }
            handler.handle(event);
            return true;
        });
    }

    /** The source a topic's records must come from: the configured one, else the one the contracts name. */
    java.util.Optional<String> ownerOf(String topic) {
        String configured = config.consumer().sources().get(topic);
        return configured != null ? java.util.Optional.of(configured) : dk.flyt.contracts.Topics.producer(topic);
    }

    static IncomingEvent toEvent(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("not a Kafka message"));
        Headers headers = kafka.getHeaders();
        String id = header(headers, "ce_id");
        if (id == null) {
            id = kafka.getTopic() + "-" + kafka.getPartition() + "-" + kafka.getOffset();
        }
        Object key = kafka.getKey();
        return new IncomingEvent(
                id,
                header(headers, "ce_type"),
                header(headers, "ce_source"),
                header(headers, "ce_subject"),
                key == null ? null : key.toString(),
                kafka.getTopic(),
                kafka.getPartition(),
                kafka.getOffset(),
                message.getPayload());
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
