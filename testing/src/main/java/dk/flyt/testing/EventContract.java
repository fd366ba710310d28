package dk.flyt.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.fge.jsonschema.core.exceptions.ProcessingException;
import com.github.fge.jsonschema.core.report.LogLevel;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import com.github.fge.jsonschema.main.JsonSchema;
import com.github.fge.jsonschema.main.JsonSchemaFactory;
import dk.flyt.contracts.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Holds every event the tests read from Kafka to the AsyncAPI document in {@code contracts}
 * ({@code asyncapi/flyt-events.yaml}): its type is a message of the topic's channel, its {@code ce_dataschema} the
 * document's, and its payload valid against the message's payload schema. Checked are the records the topic's own
 * producer wrote; a record a test wrote itself ({@link KafkaTestClient#send}, a hostile neighbour) and the dead-letter
 * topics, which hold what failed by definition, are not.
 */
public final class EventContract {
    static final String DOCUMENT = "asyncapi/flyt-events.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode ASYNCAPI = load();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final Set<String> WRITTEN_BY_TESTS = ConcurrentHashMap.newKeySet();

    private EventContract() {}

    /** A record a test wrote at this place: not a producer's, so not held to the contract. */
    static void writtenByATest(String topic, int partition, long offset) {
        WRITTEN_BY_TESTS.add(topic + "/" + partition + "/" + offset);
    }

    /** Fails with every way the record breaks the document; does nothing for a record it does not hold. */
    public static void check(ConsumerRecord<String, String> record) {
        String topic = record.topic();
        String source = KafkaTestClient.header(record, "ce_source");
        if (topic.endsWith(".dlq")
                || WRITTEN_BY_TESTS.contains(topic + "/" + record.partition() + "/" + record.offset())
                || source == null
                || !Topics.producer(topic).orElse("").equals(source)) {
            return;
        }
        String type = KafkaTestClient.header(record, "ce_type");
        List<String> problems = new ArrayList<>();
        JsonNode channel = channel(topic);
        if (channel == null) {
            problems.add("no channel for " + topic);
        } else if (type == null || !channel.path("messages").has(type)) {
            problems.add(type + " is not a message of " + topic);
        } else {
            JsonNode headers = ASYNCAPI.path("components")
                    .path("messages")
                    .path(type)
                    .path("headers")
                    .path("properties");
            String dataschema = headers.path("ce_dataschema").path("const").asText();
            if (!dataschema.equals(KafkaTestClient.header(record, "ce_dataschema"))) {
                problems.add("ce_dataschema " + KafkaTestClient.header(record, "ce_dataschema") + ", the document says "
                        + dataschema);
            }
            try {
                ProcessingReport report = schema(type).validate(JSON.readTree(record.value()));
                StreamSupport.stream(report.spliterator(), false)
                        .filter(m -> m.getLogLevel().compareTo(LogLevel.ERROR) >= 0)
                        .forEach(m -> problems.add(
                                m.getMessage() + " at " + m.asJson().path("instance")));
            } catch (IOException | ProcessingException e) {
                problems.add("the payload is not valid JSON: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(type + " on " + topic + " (offset " + record.offset()
                    + ") breaks the AsyncAPI document:\n  " + String.join("\n  ", problems));
        }
    }

    private static JsonNode channel(String topic) {
        for (JsonNode c : ASYNCAPI.path("channels")) {
            if (topic.equals(c.path("address").asText())) {
                return c;
            }
        }
        return null;
    }

    /**
     * The payload schema of a message type as a standalone JSON schema: the document's component schemas become its
     * definitions, so references between them resolve.
     */
    private static JsonSchema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            ObjectNode schema = JSON.createObjectNode();
            schema.put("$ref", "#/definitions/" + t);
            ObjectNode definitions = schema.putObject("definitions");
            ASYNCAPI.path("components").path("schemas").fields().forEachRemaining(e -> {
                JsonNode copy = e.getValue().deepCopy();
                rewriteRefs(copy);
                definitions.set(e.getKey(), copy);
            });
            try {
                return JsonSchemaFactory.byDefault().getJsonSchema(schema);
            } catch (ProcessingException e) {
                throw new IllegalStateException("the payload schema of " + t, e);
            }
        });
    }

    private static void rewriteRefs(JsonNode node) {
        if (node instanceof ObjectNode o) {
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.asText().startsWith("#/components/schemas/")) {
                o.set("$ref", TextNode.valueOf(ref.asText().replace("#/components/schemas/", "#/definitions/")));
            }
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
                rewriteRefs(it.next());
            }
        } else if (node != null && node.isArray()) {
            node.forEach(EventContract::rewriteRefs);
        }
    }

    private static JsonNode load() {
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the class path (module contracts)");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
