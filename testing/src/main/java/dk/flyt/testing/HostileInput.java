package dk.flyt.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.flyt.contracts.Roles;
import dk.flyt.contracts.Topics;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The hostile-input suite of a service (the security issue), generated from its own OpenAPI document: every
 * parameter and body field of every operation gets wrong types, nulls, empty and huge values, extreme dates and
 * unknown enum values, and every body broken JSON, deep nesting and extra fields. Every answer must be a 4xx
 * {@code application/problem+json}, a 400 must name the field it is about, no answer may be a 5xx, and nothing may
 * be stored or published: the service's row counts and the topics' end offsets are the same before and after.
 *
 * <p>The caller holds every role but agent (an agent would first need a contact, and is refused before any input is
 * read), so each operation's own validation is reached.
 */
public final class HostileInput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TOPICS = List.of(
            Topics.SUBSCRIPTION_EVENTS,
            Topics.PORTING_COMMANDS,
            Topics.PORTING_EVENTS,
            Topics.BILLING_EVENTS,
            Topics.deadLetter(Topics.SUBSCRIPTION_EVENTS),
            Topics.deadLetter(Topics.PORTING_COMMANDS),
            Topics.deadLetter(Topics.PORTING_EVENTS),
            Topics.deadLetter(Topics.BILLING_EVENTS));
    private static final String HUGE = "x".repeat(20_000);
    private static final List<String> EXTREME_DATES =
            List.of("+999999999-12-31", "-999999999-01-01", "0000-00-00", "1899-12-31", "2201-01-01");

    /** One request and what came back. */
    record Probe(String operation, String what, String field, String method, String path, String body) {}

    /** How many requests ran. */
    public record Outcome(int requests, List<String> wrong) {}

    private HostileInput() {}

    /**
     * Runs the suite. {@code rows} counts the service's rows (table to count) and is read before and after, once the
     * service is quiet.
     */
    public static Outcome verify(Supplier<Map<String, Long>> rows) {
        JsonNode doc = openApi();
        List<Probe> probes = probes(doc);
        Map<String, Long> rowsBefore = quiet(rows);
        Map<String, Long> offsetsBefore = KafkaTestClient.endOffsets(TOPICS);
        String token = Tokens.token(
                "hostile-" + UUID.randomUUID().toString().substring(0, 8),
                "PROBE",
                Roles.ALL.stream().filter(r -> !r.equals(Roles.AGENT)).toArray(String[]::new));
        List<String> wrong = new ArrayList<>();
        for (Probe p : probes) {
            Response r = send(p, token);
            String verdict = judge(p, r);
            if (verdict != null) {
                wrong.add(p.method() + " " + p.path() + " [" + p.what() + (p.field() == null ? "" : " " + p.field())
                        + "] " + verdict);
            }
        }
        sleep(1_500);
        assertThat(wrong)
                .as("hostile requests that were not answered with a clean 4xx problem")
                .isEmpty();
        assertThat(rows.get()).as("rows stored by hostile requests").isEqualTo(rowsBefore);
        assertThat(nonEmpty(KafkaTestClient.endOffsets(TOPICS)))
                .as("records published by hostile requests")
                .isEqualTo(nonEmpty(offsetsBefore));
        return new Outcome(probes.size(), wrong);
    }

    /** Partitions with records (asking for a topic may create it empty). */
    private static Map<String, Long> nonEmpty(Map<String, Long> offsets) {
        Map<String, Long> kept = new java.util.TreeMap<>(offsets);
        kept.values().removeIf(v -> v == 0L);
        return kept;
    }

    private static String judge(Probe p, Response r) {
        int status = r.statusCode();
        if (status >= 500) {
            return "answered " + status;
        }
        if (status < 400) {
            return "was accepted (" + status + ")";
        }
        String type = Objects.toString(r.contentType(), "");
        if (!type.startsWith("application/problem+json")) {
            return "answered " + status + " as '" + type + "', not a problem";
        }
        if (status == 400 && p.field() != null) {
            String body = r.asString();
            String leaf =
                    p.field().contains(".") ? p.field().substring(p.field().lastIndexOf('.') + 1) : p.field();
            // the generated body is plausible, not valid in every other field: the 400 names this field or another
            // one it found wrong, never none
            List<Object> named = r.jsonPath().getList("errors.field");
            if (!body.contains(leaf) && (named == null || named.isEmpty())) {
                return "400 names no field (" + p.field() + " was hostile): " + abbreviate(body);
            }
        }
        return null;
    }

    private static Response send(Probe p, String token) {
        var request = RestAssured.given()
                .redirects()
                .follow(false)
                .auth()
                .oauth2(token)
                .urlEncodingEnabled(false)
                .header("Idempotency-Key", "hostile-" + UUID.randomUUID());
        if (p.body() != null) {
            request = request.contentType("application/json").body(p.body());
        }
        return request.request(p.method(), p.path());
    }

    // --- generation

    static List<Probe> probes(JsonNode doc) {
        List<Probe> probes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/api/v1/clock")) {
                continue; // the test clock is not an API of the service
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                probes.addAll(operation(doc, method, path.getKey(), op.getValue()));
            }
        }
        return probes;
    }

    private static List<Probe> operation(JsonNode doc, String method, String template, JsonNode op) {
        List<Probe> probes = new ArrayList<>();
        String operation = method + " " + template;
        List<JsonNode> parameters = new ArrayList<>();
        op.path("parameters").forEach(parameters::add);
        String path = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        JsonNode bodySchema = resolve(
                doc,
                op.path("requestBody").path("content").path("application/json").path("schema"));
        String validBody =
                bodySchema.isMissingNode() ? null : sample(doc, bodySchema, 0).toString();
        boolean hasBody = Set.of("POST", "PUT", "PATCH").contains(method);
        String body = hasBody ? (validBody == null ? "{}" : validBody) : null;
        for (JsonNode parameter : parameters) {
            String in = parameter.path("in").asText();
            String name = parameter.path("name").asText();
            if (!in.equals("path") && !in.equals("query")) {
                continue;
            }
            JsonNode schema = resolve(doc, parameter.path("schema"));
            for (String value : hostileScalars(schema)) {
                String encoded = java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
                String target = in.equals("path")
                        ? template.replace("{" + name + "}", encoded)
                                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString())
                        : path + "?" + name + "=" + encoded + "&" + otherQuery(parameters, name);
                probes.add(new Probe(operation, "parameter", in.equals("query") ? name : null, method, target, body));
            }
        }
        if (hasBody) {
            probes.add(new Probe(operation, "broken JSON", null, method, path, "{\"a\":"));
            probes.add(new Probe(operation, "not an object", null, method, path, "[1,2,3]"));
            probes.add(new Probe(operation, "deep nesting", null, method, path, "[".repeat(200) + "]".repeat(200)));
            if (validBody != null && bodySchema.has("properties")) {
                ObjectNode extra = (ObjectNode) sample(doc, bodySchema, 0);
                extra.put("unknownField" + UUID.randomUUID().toString().substring(0, 4), "surprise");
                // an unknown field is ignored (tolerant reader) or refused, but with fresh ids it still changes nothing
                probes.add(new Probe(operation, "extra field", null, method, path, extra.toString()));
                fields(doc, bodySchema, "", probes, operation, method, path, validBody);
            }
        }
        return probes;
    }

    private static void fields(
            JsonNode doc,
            JsonNode schema,
            String prefix,
            List<Probe> probes,
            String operation,
            String method,
            String path,
            String validBody) {
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        schema.path("properties").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String field = prefix + property.getKey();
            JsonNode fieldSchema = resolve(doc, property.getValue());
            for (JsonNode value : hostileValues(fieldSchema)) {
                probes.add(new Probe(
                        operation, "field " + describe(value), field, method, path, replace(validBody, field, value)));
            }
            if (fieldSchema.has("properties") && prefix.isEmpty()) {
                fields(doc, fieldSchema, field + ".", probes, operation, method, path, validBody);
            }
        }
    }

    private static String replace(String validBody, String field, JsonNode value) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(validBody);
            String[] parts = field.split("\\.");
            ObjectNode node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                if (!(node.get(parts[i]) instanceof ObjectNode)) {
                    node.set(parts[i], JSON.createObjectNode());
                }
                node = (ObjectNode) node.get(parts[i]);
            }
            node.set(parts[parts.length - 1], value);
            return root.toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> hostileScalars(JsonNode schema) {
        List<String> values = new ArrayList<>(List.of("", HUGE.substring(0, 1_000), "'; DROP TABLE x; --", "%00"));
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        if (format.equals("date")) {
            values.addAll(EXTREME_DATES);
        }
        if (type.equals("integer") || type.equals("number")) {
            values.addAll(List.of("abc", "99999999999999999999999", "-1e308"));
        }
        if (schema.has("enum")) {
            values.add("NO_SUCH_VALUE");
        }
        if (format.equals("uuid")) {
            values.add("not-a-uuid");
        }
        return values;
    }

    private static List<JsonNode> hostileValues(JsonNode schema) {
        var f = JSON.getNodeFactory();
        List<JsonNode> values = new ArrayList<>();
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        values.add(f.nullNode());
        switch (type) {
            case "string" -> {
                values.add(f.numberNode(42));
                values.add(f.objectNode().put("nested", true));
                values.add(f.textNode(""));
                values.add(f.textNode(HUGE));
                if (format.equals("date") || format.equals("date-time")) {
                    EXTREME_DATES.forEach(d -> values.add(f.textNode(format.equals("date") ? d : d + "T00:00:00Z")));
                }
                if (schema.has("enum")) {
                    values.add(f.textNode("NO_SUCH_VALUE"));
                }
            }
            case "integer", "number" -> {
                values.add(f.textNode("abc"));
                values.add(f.numberNode(new java.math.BigInteger("99999999999999999999999")));
                values.add(f.numberNode(Long.MIN_VALUE));
                values.add(f.booleanNode(true));
            }
            case "boolean" -> {
                values.add(f.textNode("maybe"));
                values.add(f.numberNode(7));
            }
            case "array" -> {
                values.add(f.textNode("not a list"));
                values.add(f.arrayNode().add(f.nullNode()));
                values.add(f.objectNode());
            }
            default -> {
                values.add(f.textNode("not an object"));
                values.add(f.arrayNode());
            }
        }
        return values;
    }

    /** A plausible value for the schema (so that one field at a time can be made hostile). */
    private static JsonNode sample(JsonNode doc, JsonNode schema, int depth) {
        var f = JSON.getNodeFactory();
        JsonNode s = resolve(doc, schema);
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(0);
        }
        String format = s.path("format").asText();
        return switch (s.path("type").asText()) {
            case "string" ->
                switch (format) {
                    case "date" -> f.textNode("2026-11-10");
                    case "date-time" -> f.textNode("2026-11-10T10:00:00Z");
                    case "uuid" -> f.textNode(UUID.randomUUID().toString());
                    default ->
                        f.textNode("probe-" + UUID.randomUUID().toString().substring(0, 8));
                };
            case "integer", "number" -> f.numberNode(1);
            case "boolean" -> f.booleanNode(false);
            case "array" -> f.arrayNode();
            default -> {
                ObjectNode o = f.objectNode();
                if (depth < 3) {
                    s.path("properties")
                            .fields()
                            .forEachRemaining(p -> o.set(p.getKey(), sample(doc, p.getValue(), depth + 1)));
                }
                yield o;
            }
        };
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asText();
            s = doc.at(ref.substring(1));
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(doc, s.get("allOf").get(0));
        }
        return s;
    }

    private static String otherQuery(List<JsonNode> parameters, String except) {
        StringBuilder q = new StringBuilder();
        for (JsonNode p : parameters) {
            if (p.path("in").asText().equals("query")
                    && !p.path("name").asText().equals(except)) {
                q.append(p.path("name").asText()).append("=probe&");
            }
        }
        return q.toString();
    }

    private static String describe(JsonNode value) {
        String text = value.toString();
        return text.length() > 24 ? value.getNodeType() + "(" + text.length() + " chars)" : text;
    }

    private static JsonNode openApi() {
        try {
            return JSON.readTree(Management.given()
                    .accept("application/json")
                    .get("/q/openapi?format=json")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> quiet(Supplier<Map<String, Long>> rows) {
        Map<String, Long> last = rows.get();
        for (int i = 0; i < 30; i++) {
            sleep(1_000);
            Map<String, Long> now = rows.get();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts the rows of every table of the database but the messaging bookkeeping, for {@link #verify}. */
    public static Map<String, Long> rowCounts(javax.sql.DataSource dataSource) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (var c = dataSource.getConnection();
                var tables = c.createStatement()
                        .executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                                + " AND table_type = 'BASE TABLE' AND table_name NOT IN"
                                + " ('flyway_schema_history', 'outbox_event', 'inbox_message') ORDER BY table_name")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String table : names) {
                try (var count = c.createStatement().executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }
}
