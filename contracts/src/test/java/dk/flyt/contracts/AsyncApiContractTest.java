package dk.flyt.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document ({@code src/main/resources/asyncapi/flyt-events.yaml}) against the Java records: every topic of {@link
 * Topics#all()} has a channel; every record the catalogue puts on a topic is a message of that channel, with its
 * CloudEvents headers (type and schema version fixed) and a payload schema whose properties, types, formats and
 * required list are the record's components. A field added to a record without the document fails here.
 */
class AsyncApiContractTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Path DOCUMENT = Path.of("src/main/resources/asyncapi/flyt-events.yaml");

    private final JsonNode doc = read();

    @Test
    void everyTopicAndItsDeadLetterTopicIsAChannel() {
        Set<String> addresses = new TreeSet<>();
        doc.path("channels").forEach(c -> addresses.add(c.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.all());
    }

    @Test
    void everyMessageOfATopicHasThePayloadOfItsRecord() {
        List<String> problems = new ArrayList<>();
        for (EventCatalogue.Channel c : EventCatalogue.channels()) {
            JsonNode channel = channel(c.topic());
            Set<String> documented = new TreeSet<>();
            channel.path("messages").fieldNames().forEachRemaining(documented::add);
            Set<String> records = new TreeSet<>();
            c.messages().forEach(r -> records.add(r.getSimpleName()));
            if (!documented.equals(records)) {
                problems.add(c.topic() + " documents " + documented + " but carries " + records);
            }
            JsonNode dlq = channel(Topics.deadLetter(c.topic()));
            Set<String> parked = new TreeSet<>();
            dlq.path("messages").fieldNames().forEachRemaining(parked::add);
            if (!parked.equals(records)) {
                problems.add(Topics.deadLetter(c.topic()) + " documents " + parked + " but may hold " + records);
            }
            for (Class<?> record : c.messages()) {
                String name = record.getSimpleName();
                JsonNode message = doc.path("components").path("messages").path(name);
                if (message.isMissingNode()) {
                    problems.add("no message " + name);
                    continue;
                }
                String version = "urn:flyt:" + name + ":v" + c.version();
                JsonNode headers = message.path("headers").path("properties");
                if (!name.equals(headers.path("ce_type").path("const").asText())) {
                    problems.add(name + ": headers.ce_type must be const " + name);
                }
                if (!version.equals(headers.path("ce_dataschema").path("const").asText())) {
                    problems.add(name + ": headers.ce_dataschema must be const " + version);
                }
                problems.addAll(payloadProblems(record, new LinkedHashSet<>()));
            }
        }
        assertThat(problems).as("the AsyncAPI document against the records").isEmpty();
    }

    @Test
    void eachTopicIsSentByItsProducerAndReceivedByItsConsumers() {
        for (EventCatalogue.Channel c : EventCatalogue.channels()) {
            String ref = "#/channels/" + channelKey(c.topic());
            List<String> senders = new ArrayList<>();
            List<String> receivers = new ArrayList<>();
            doc.path("operations").forEach(op -> {
                if (ref.equals(op.path("channel").path("$ref").asText())) {
                    String who = op.path("x-service").asText();
                    (op.path("action").asText().equals("send") ? senders : receivers).add(who);
                }
            });
            assertThat(senders).as("who sends on %s", c.topic()).containsExactly(c.producer());
            assertThat(receivers).as("who receives %s", c.topic()).containsExactlyInAnyOrderElementsOf(c.consumers());
        }
    }

    /** The record's payload schema and those of the records it holds, against the document's. */
    private List<String> payloadProblems(Class<?> record, Set<Class<?>> seen) {
        List<String> problems = new ArrayList<>();
        if (!seen.add(record)) {
            return problems;
        }
        String name = record.getSimpleName();
        JsonNode documented = doc.path("components").path("schemas").path(name);
        ObjectNode expected = schemaOf(record);
        if (documented.isMissingNode()) {
            problems.add("no schema " + name + "; expected\n" + yaml(name, expected));
            return problems;
        }
        ObjectNode actual = documented.deepCopy();
        strip(actual);
        if (!actual.equals(expected)) {
            problems.add("schema " + name + " differs from the record; expected\n" + yaml(name, expected));
        }
        for (RecordComponent c : record.getRecordComponents()) {
            Type element = c.getGenericType() instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : null;
            if (element instanceof Class<?> k && k.isRecord()) {
                problems.addAll(payloadProblems(k, seen));
            }
        }
        return problems;
    }

    /**
     * What a record is on the wire (Jackson writes every component, a missing value as null): an object with each
     * component required, primitives never null.
     */
    static ObjectNode schemaOf(Class<?> record) {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        ArrayNode required = schema.putArray("required");
        ObjectNode properties = schema.putObject("properties");
        for (RecordComponent c : record.getRecordComponents()) {
            required.add(c.getName());
            properties.set(c.getName(), typeOf(c.getGenericType()));
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode typeOf(Type type) {
        ObjectNode s = NODES.objectNode();
        if (type instanceof ParameterizedType p) {
            s.set("type", nullable("array"));
            s.set("items", typeOf(p.getActualTypeArguments()[0]));
            return s;
        }
        Class<?> k = (Class<?>) type;
        if (k == long.class || k == int.class) {
            s.put("type", "integer");
            s.put("format", k == long.class ? "int64" : "int32");
        } else if (k == boolean.class) {
            s.put("type", "boolean");
        } else if (k == String.class) {
            s.set("type", nullable("string"));
        } else if (k == LocalDate.class) {
            s.set("type", nullable("string"));
            s.put("format", "date");
        } else if (k == Instant.class) {
            s.set("type", nullable("string"));
            s.put("format", "date-time");
        } else if (k.isRecord()) {
            s.put("$ref", "#/components/schemas/" + k.getSimpleName());
        } else {
            throw new IllegalArgumentException("no JSON type for " + k);
        }
        return s;
    }

    private static ArrayNode nullable(String type) {
        return NODES.arrayNode().add(type).add("null");
    }

    /** Descriptions and examples are the document's own; the test compares the shape. */
    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(List.of("description", "examples", "title"));
            o.elements().forEachRemaining(AsyncApiContractTest::strip);
        } else if (node instanceof ArrayNode a) {
            a.elements().forEachRemaining(AsyncApiContractTest::strip);
        }
    }

    private JsonNode channel(String topic) {
        JsonNode c = doc.path("channels").path(channelKey(topic));
        assertThat(c.path("address").asText())
                .as("channel %s", channelKey(topic))
                .isEqualTo(topic);
        return c;
    }

    /** {@code subscription.events.dlq} is the channel {@code subscriptionEventsDlq}. */
    static String channelKey(String topic) {
        StringBuilder key = new StringBuilder();
        boolean upper = false;
        for (char ch : topic.toCharArray()) {
            if (ch == '.') {
                upper = true;
            } else {
                key.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return key.toString();
    }

    private static String yaml(String name, JsonNode schema) {
        try {
            ObjectNode wrap = NODES.objectNode();
            wrap.set(name, schema);
            return new ObjectMapper(new YAMLFactory()).writeValueAsString(wrap);
        } catch (Exception e) {
            return schema.toString();
        }
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(DOCUMENT));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
