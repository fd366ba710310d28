package dk.flyt.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The broker's own latency, as a limit for the services' paths: records produced with {@code acks=all} at a steady
 * rate and consumed by a plain consumer in this JVM, each timed from before its send until the consumer has it. The
 * consumer uses the client's defaults, as the services' consumers do.
 */
final class KafkaRoundTrip implements AutoCloseable {
    private final String topic =
            "bench.roundtrip." + UUID.randomUUID().toString().substring(0, 8);
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Recorder recorder = new Recorder(3);
    private volatile boolean running;
    private Thread sending;
    private Thread receiving;

    KafkaRoundTrip(String bootstrap) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition);
    }

    /** Starts sending {@code rate} records a second and timing their arrival. */
    void start(int rate) {
        running = true;
        receiving = new Thread(
                () -> {
                    while (running) {
                        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                            long sent = ByteBuffer.wrap(r.value()).getLong();
                            recorder.recordValue((System.nanoTime() - sent) / 1000);
                        }
                    }
                },
                "kafka-round-trip-consumer");
        sending = new Thread(
                () -> {
                    long interval = 1_000_000_000L / rate;
                    long next = System.nanoTime();
                    while (running) {
                        LockSupport.parkNanos(next - System.nanoTime());
                        next += interval;
                        byte[] value = ByteBuffer.allocate(8)
                                .putLong(System.nanoTime())
                                .array();
                        producer.send(new ProducerRecord<>(topic, value));
                    }
                },
                "kafka-round-trip-producer");
        receiving.start();
        sending.start();
    }

    /** Stops sending, lets the last records arrive, and answers the round trips measured. */
    Histogram stop() throws InterruptedException {
        running = false;
        sending.join();
        producer.flush();
        receiving.join();
        return recorder.getIntervalHistogram();
    }

    @Override
    public void close() {
        running = false;
        producer.close(Duration.ofSeconds(2));
        if (receiving == null || !receiving.isAlive()) {
            consumer.close(Duration.ofSeconds(2));
        }
    }
}
