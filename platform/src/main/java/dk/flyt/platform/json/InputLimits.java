package dk.flyt.platform.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every service's REST JSON reader refuses before a resource sees it (the security issue, input limits): dates
 * outside {@link BusinessDates}, null elements in lists, sets and maps, and nesting deeper than {@value #MAX_NESTING}.
 * Each is a 400 problem naming the field. Texts are bounded by the body limit ({@code BodySizeLimit}) and by each
 * field's own maximum where the domain reads it, so that the answer names the field.
 */
@Provider
@Singleton
public class InputLimits implements ContextResolver<ObjectMapper> {
    public static final int MAX_NESTING = 32;

    private final ObjectMapper rest;

    /**
     * The limits apply to what clients send over HTTP, on a copy of the service's mapper: events and stored facts
     * are read with the plain one (a model test's business time runs far past 2200).
     */
    public InputLimits(ObjectMapper base) {
        this.rest = base.copy();
        customize(rest);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return rest;
    }

    static void customize(ObjectMapper mapper) {
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxNumberLength(40)
                        .build());
        JsonSetter.Value noNullElements = JsonSetter.Value.forContentNulls(Nulls.FAIL);
        for (Class<?> type : List.of(List.class, Set.class, Collection.class, Map.class)) {
            mapper.configOverride(type).setSetterInfo(noNullElements);
        }
        mapper.registerModule(new SimpleModule("flyt-input-limits").addDeserializer(LocalDate.class, new Dates()));
    }

    /** ISO dates only, within {@link BusinessDates}. */
    static final class Dates extends StdScalarDeserializer<LocalDate> {
        Dates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            LocalDate d;
            try {
                d = LocalDate.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(p, BusinessDates.RULE, text, LocalDate.class);
            }
            if (!BusinessDates.inRange(d)) {
                throw InvalidFormatException.from(p, BusinessDates.RULE, text, LocalDate.class);
            }
            return d;
        }
    }
}
