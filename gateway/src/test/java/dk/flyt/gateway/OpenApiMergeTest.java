package dk.flyt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The merged document: routed paths only, and only the components and tags those paths use. */
class OpenApiMergeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void componentsAndTagsOnlyAnUnroutedPathUsesAreLeftOut() throws Exception {
        RouteTable table = RouteTable.of(Map.of("billing", route("/api/v1/accounts")), List.of("/api/v1/clock"));
        JsonNode billing = JSON.readTree("""
                {"openapi": "3.1.0",
                 "tags": [{"name": "accounts", "description": "a"}, {"name": "clock", "description": "c"}],
                 "paths": {
                   "/api/v1/accounts/{id}": {"get": {"tags": ["accounts"], "responses": {"200": {"description": "ok",
                     "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AccountView"}}}}}}},
                   "/api/v1/clock": {"get": {"tags": ["clock"], "responses": {"200": {"description": "now",
                     "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ClockView"}}}}}}}},
                 "components": {"schemas": {
                   "AccountView": {"type": "object", "properties": {"entry": {"$ref": "#/components/schemas/Entry"}}},
                   "Entry": {"type": "object"},
                   "ClockView": {"type": "object"}}}}
                """);
        JsonNode merged = new OpenApiMerge(table, "1", "http://gw")
                .add("billing", billing)
                .document();
        List<String> schemas = iterate(merged.path("components").path("schemas").fieldNames());
        assertThat(schemas).containsExactlyInAnyOrder("AccountView", "Entry");
        assertThat(merged.path("paths").has("/api/v1/clock")).isFalse();
        assertThat(merged.path("tags").findValuesAsText("name")).containsExactly("accounts");
        assertThat(merged.path("info").path("license").path("name").asText()).isNotBlank();
    }

    private static List<String> iterate(java.util.Iterator<String> it) {
        List<String> all = new java.util.ArrayList<>();
        it.forEachRemaining(all::add);
        return all;
    }

    private static GatewayConfig.Route route(String prefix) {
        return new GatewayConfig.Route() {
            @Override
            public String upstream() {
                return "http://127.0.0.1:1";
            }

            @Override
            public List<String> prefixes() {
                return List.of(prefix);
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Optional<String> openapi() {
                return Optional.empty();
            }
        };
    }
}
