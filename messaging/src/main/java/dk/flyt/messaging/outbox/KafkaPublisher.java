package dk.flyt.messaging.outbox;

import dk.flyt.messaging.MessagingConfig;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends outbox rows to Kafka as CloudEvents 1.0 in binary mode: the attributes as {@code ce_*} headers, the JSON
 * payload as the value, the aggregate id as the key. Only the relay uses it; the producer is idempotent and waits
 * for all in-sync replicas.
 */
@ApplicationScoped
class KafkaPublisher {
    private final String bootstrapServers;
    private final MessagingConfig config;
    private final dk.flyt.messaging.kafka.KafkaSecurity security;
    private volatile KafkaProducer<String, byte[]> producer;

    KafkaPublisher(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            MessagingConfig config,
            dk.flyt.messaging.kafka.KafkaSecurity security) {
        this.security = security;
        this.bootstrapServers = bootstrapServers;
        this.config = config;
    }

    /** Why an event was not acknowledged, and whether trying again can help. */
    record Failure(String reason, boolean permanent) {
        static Failure of(Throwable e) {
            return new Failure(describe(e), !(e instanceof RetriableException));
        }

        static Failure retriable(String reason) {
            return new Failure(reason, false);
        }
    }

    /**
     * Sends the events in order and waits for the broker's acknowledgements. Returns, for each event that was not
     * acknowledged, the failure; an empty map means every event is safely stored by the broker.
     */
    Map<Long, Failure> publish(List<PendingEvent> events) {
        Map<Long, Failure> failures = new LinkedHashMap<>();
        List<Map.Entry<PendingEvent, Future<RecordMetadata>>> sent = new ArrayList<>();
        KafkaProducer<String, byte[]> kafka = producer();
        for (PendingEvent event : events) {
            try {
                sent.add(Map.entry(event, kafka.send(toRecord(event))));
            } catch (RuntimeException e) {
                // the producer could not even queue it (no metadata within max.block.ms, or refused): the rest waits
                failures.put(event.seq(), Failure.of(e));
                events.stream()
                        .filter(e2 -> e2.seq() > event.seq())
                        .forEach(e2 -> failures.put(e2.seq(), Failure.retriable("not sent after an earlier failure")));
                break;
            }
        }
        kafka.flush();
        long deadline = System.nanoTime() + config.outbox().sendTimeout().toNanos();
        for (Map.Entry<PendingEvent, Future<RecordMetadata>> entry : sent) {
            try {
                entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                failures.put(entry.getKey().seq(), Failure.of(e.getCause()));
            } catch (TimeoutException e) {
                failures.put(
                        entry.getKey().seq(),
                        Failure.retriable(
                                "no acknowledgement within " + config.outbox().sendTimeout()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.put(entry.getKey().seq(), Failure.retriable("interrupted"));
            }
        }
        return failures;
    }

    private ProducerRecord<String, byte[]> toRecord(PendingEvent event) {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(event.id().toString())
                .withSource(URI.create(config.source()))
                .withType(event.type())
                .withSubject(event.aggregateId())
                .withTime(event.occurredAt())
                .withDataContentType("application/json")
                .withDataSchema(URI.create("urn:flyt:" + event.type() + ":v" + event.schemaVersion()))
                .withData(event.payload().getBytes(StandardCharsets.UTF_8))
                .build();
        // The record timestamp is the producer's wall time: brokers refuse timestamps far from their own clock,
        // and business time (which tests move) travels in ce_time.
        return KafkaMessageFactory.<String>createWriter(event.topic(), null, null, event.aggregateId())
                .writeBinary(cloudEvent);
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(settings(), new StringSerializer(), new ByteArraySerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    private Properties settings() {
        Duration timeout = config.outbox().sendTimeout();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.putAll(security.properties());
        props.put(
                ProducerConfig.CLIENT_ID_CONFIG,
                "outbox-relay" + config.source().replace('/', '-'));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1000, timeout.toMillis() / 2)));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(2000, timeout.toMillis())));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(Math.max(1000, timeout.toMillis() / 2)));
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        return props;
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @PreDestroy
    void close() {
        KafkaProducer<String, byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }
}
