package dk.flyt.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads and writes raw records on the test broker, as a neighbouring service or a misbehaving one would. Every record
 * a producer of ours wrote is checked against the AsyncAPI document as it is read ({@link EventContract}).
 */
public final class KafkaTestClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every record on the topic so far, from the beginning, until {@code until} matches one or time is up. */
    public static List<ConsumerRecord<String, String>> readUntil(
            String topic, Predicate<ConsumerRecord<String, String>> until, Duration timeout) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(2));
                partitions = infos == null
                        ? List.of()
                        : infos.stream()
                                .map(p -> new TopicPartition(topic, p.partition()))
                                .toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    // every event a test reads is one the AsyncAPI document describes
                    EventContract.check(r);
                    seen.add(r);
                    if (until.test(r)) {
                        return seen;
                    }
                }
            }
        }
        return seen;
    }

    /**
     * Every record on the topic now (up to the end offsets when it is called), each checked against the AsyncAPI
     * document; an empty list for a topic that does not exist.
     */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos == null || infos.isEmpty()) {
                return seen;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            java.util.Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(5));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end in 30 s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    EventContract.check(r);
                    seen.add(r);
                }
            }
        }
        return seen;
    }

    /** The end offset of every partition of the topics (missing topics count as empty), for "nothing published". */
    public static java.util.Map<String, Long> endOffsets(java.util.Collection<String> topics) {
        java.util.Map<String, Long> offsets = new java.util.TreeMap<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos == null) {
                    continue;
                }
                List<TopicPartition> partitions = infos.stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
                consumer.endOffsets(partitions, Duration.ofSeconds(5))
                        .forEach((tp, offset) -> offsets.put(tp.toString(), offset));
            }
        }
        return offsets;
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Servers.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            var written = producer.send(record).get(10, TimeUnit.SECONDS);
            EventContract.writtenByATest(topic, written.partition(), written.offset());
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /**
     * The JSON bodies of the records of one CloudEvents type for one key, in order, read from the beginning until
     * {@code enough} holds for them or time is up.
     */
    public static List<JsonNode> bodies(
            String topic, String type, String key, Predicate<List<JsonNode>> enough, Duration timeout) {
        List<JsonNode> found = new ArrayList<>();
        readUntil(
                topic,
                r -> {
                    if (key.equals(r.key()) && type.equals(header(r, "ce_type"))) {
                        try {
                            found.add(JSON.readTree(r.value()));
                        } catch (IOException e) {
                            throw new IllegalStateException("not JSON on " + topic + ": " + r.value(), e);
                        }
                    }
                    return enough.test(found);
                },
                timeout);
        return found;
    }

    /** The first such record's body; an assertion error when none comes within {@code timeout}. */
    public static JsonNode first(String topic, String type, String key, Duration timeout) {
        List<JsonNode> found = bodies(topic, type, key, l -> !l.isEmpty(), timeout);
        if (found.isEmpty()) {
            throw new AssertionError("no " + type + " for " + key + " on " + topic + " within " + timeout);
        }
        return found.get(0);
    }

    /** All such records on the topic within {@code window}: for counting what was published. */
    public static List<JsonNode> all(String topic, String type, String key, Duration window) {
        return bodies(topic, type, key, l -> false, window);
    }

    /** The value of a header as text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Servers.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private KafkaTestClient() {}
}
