package dk.flyt.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One OpenAPI document from the services' own: every path the gateway routes to the service that documents it (so
 * the test clock and anything not routed stay out), their components, tags and security schemes. A component that
 * two services define differently is kept under the service's name ({@code billing_Problem}), with that service's
 * references rewritten; identical ones are kept once.
 */
public final class OpenApiMerge {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RouteTable table;
    private final ObjectNode merged = NODES.objectNode();
    private final ObjectNode paths = NODES.objectNode();
    private final ObjectNode components = NODES.objectNode();
    private final Map<String, ObjectNode> tags = new LinkedHashMap<>();

    public OpenApiMerge(RouteTable table, String version, String serverUrl) {
        this.table = table;
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", "Flyt API");
        info.put("version", version);
        info.put(
                "description",
                "Every public API of Flyt through its one gateway: orders, customers and subscriptions; porting, the"
                        + " porting calendar and the hub link; accounts and billing. Errors are RFC 9457 problem+json."
                        + " Machine clients send a bearer token of the shared OIDC provider (audience flyt).");
        info.putObject("contact").put("name", "Flyt").put("email", "api@flyt.dk");
        info.putObject("license").put("name", "Proprietary").put("url", "https://flyt.dk/api-terms");
        merged.putArray("servers").addObject().put("url", serverUrl).put("description", "the gateway");
    }

    /** Adds one service's document. */
    public OpenApiMerge add(String service, JsonNode document) {
        ObjectNode doc = document.deepCopy();
        Map<String, String> renames = renames(service, doc.path("components"));
        if (!renames.isEmpty()) {
            rewriteRefs(doc, renames);
        }
        JsonNode theirComponents = doc.path("components");
        for (Iterator<Map.Entry<String, JsonNode>> kinds = theirComponents.fields(); kinds.hasNext(); ) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            ObjectNode ours = components.has(kind.getKey())
                    ? (ObjectNode) components.get(kind.getKey())
                    : components.putObject(kind.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> it = kind.getValue().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> c = it.next();
                String name = renames.getOrDefault(kind.getKey() + "/" + c.getKey(), c.getKey());
                ours.set(name, c.getValue());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            Optional<RouteTable.Upstream> routed = table.match(p.getKey());
            if (routed.isPresent() && routed.get().name().equals(service)) {
                paths.set(p.getKey(), p.getValue());
            }
        }
        for (JsonNode tag : doc.path("tags")) {
            tags.putIfAbsent(tag.path("name").asText(), (ObjectNode) tag);
        }
        return this;
    }

    /**
     * The merged document. Components and tags only paths the gateway does not route use (the test clock's, the dead
     * letters') are left out, so the document has nothing it does not need.
     */
    public ObjectNode document() {
        ObjectNode result = merged.deepCopy();
        java.util.Set<String> usedTags = new java.util.HashSet<>();
        paths.elements().forEachRemaining(item -> item.elements()
                .forEachRemaining(op -> op.path("tags").forEach(t -> usedTags.add(t.asText()))));
        ArrayNode tagList = result.putArray("tags");
        tags.values().stream()
                .filter(t -> usedTags.contains(t.path("name").asText()))
                .forEach(tagList::add);
        result.set("paths", paths.deepCopy());
        ObjectNode kept = components.deepCopy();
        JsonNode schemas = kept.path("schemas");
        if (schemas instanceof ObjectNode all) {
            java.util.Set<String> used = referencedSchemas(paths, all);
            all.retain(used);
        }
        result.set("components", kept);
        return result;
    }

    /** The schemas the paths refer to, and those they refer to in turn. */
    private static java.util.Set<String> referencedSchemas(JsonNode from, ObjectNode schemas) {
        java.util.Set<String> used = new java.util.HashSet<>();
        java.util.Deque<JsonNode> todo = new java.util.ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                String name = ref.asText().substring(SCHEMA_REF.length());
                if (used.add(name) && schemas.has(name)) {
                    todo.push(schemas.get(name));
                }
            }
            node.elements().forEachRemaining(todo::push);
        }
        return used;
    }

    private static final String SCHEMA_REF = "#/components/schemas/";

    /** The components this document defines differently from what is merged so far, each with its new name. */
    private Map<String, String> renames(String service, JsonNode theirs) {
        Map<String, String> renames = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> kinds = theirs.fields(); kinds.hasNext(); ) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            JsonNode ours = components.path(kind.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> it = kind.getValue().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> c = it.next();
                if (ours.has(c.getKey()) && !ours.get(c.getKey()).equals(c.getValue())) {
                    renames.put(kind.getKey() + "/" + c.getKey(), service + "_" + c.getKey());
                }
            }
        }
        return renames;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/")) {
                String key = ref.asText().substring("#/components/".length());
                String renamed = renames.get(key);
                if (renamed != null) {
                    object.set(
                            "$ref",
                            TextNode.valueOf("#/components/" + key.substring(0, key.indexOf('/') + 1) + renamed));
                }
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        }
    }
}
