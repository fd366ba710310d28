package dk.flyt.platform.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Tells a service's OpenAPI document what its code enforces on a request body that it validates by hand (so that a
 * wrong value is reported against its field): required fields, enums taken from the Java enums, lengths, patterns and
 * ranges from the rules' constants, and an example. A service's {@code @OpenApiFilter} edits its schemas with it;
 * a schema or property the document does not have is a mistake and fails the build.
 */
public final class RequestSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Schema> schemas;

    private RequestSchemas(OpenAPI openAPI) {
        this.schemas = openAPI.getComponents() == null
                ? Map.of()
                : openAPI.getComponents().getSchemas();
    }

    public static RequestSchemas of(OpenAPI openAPI) {
        return new RequestSchemas(openAPI);
    }

    /** The schema named {@code name} (a request record's simple name). */
    public Edit schema(String name) {
        Schema s = schemas.get(name);
        if (s == null) {
            throw new IllegalStateException("the OpenAPI document has no schema " + name);
        }
        return new Edit(name, s);
    }

    /** Edits of one schema, chained. */
    public static final class Edit {
        private final String name;
        private final Schema schema;

        Edit(String name, Schema schema) {
            this.name = name;
            this.schema = schema;
        }

        public Edit required(String... fields) {
            for (String f : fields) {
                property(f);
                if (schema.getRequired() == null || !schema.getRequired().contains(f)) {
                    schema.addRequired(f);
                }
            }
            return this;
        }

        public Edit oneOf(String field, Class<? extends Enum<?>> values) {
            return oneOf(
                    field,
                    Arrays.stream(values.getEnumConstants()).map(Enum::name).toArray(String[]::new));
        }

        public Edit oneOf(String field, String... values) {
            Schema p = property(field);
            Schema target = p.getItems() != null ? p.getItems() : p;
            target.setEnumeration(List.of((Object[]) values));
            return this;
        }

        public Edit length(String field, int min, int max) {
            property(field).minLength(min).maxLength(max);
            return this;
        }

        public Edit pattern(String field, String regex) {
            property(field).pattern(regex);
            return this;
        }

        public Edit format(String field, String format) {
            property(field).format(format);
            return this;
        }

        public Edit range(String field, long min, long max) {
            property(field).minimum(BigDecimal.valueOf(min)).maximum(BigDecimal.valueOf(max));
            return this;
        }

        public Edit items(String field, int min, int max) {
            property(field).minItems(min).maxItems(max);
            return this;
        }

        public Edit describe(String field, String description) {
            property(field).description(description);
            return this;
        }

        /** An example body, as JSON text. */
        public Edit example(String json) {
            try {
                schema.setExamples(List.of(JSON.readValue(json, Object.class)));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("the example of " + name + " is not JSON", e);
            }
            return this;
        }

        private Schema property(String field) {
            Schema p = schema.getProperties() == null
                    ? null
                    : schema.getProperties().get(field);
            if (p == null) {
                throw new IllegalStateException("the schema " + name + " has no property " + field);
            }
            return p;
        }
    }
}
