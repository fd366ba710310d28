package dk.flyt.gateway.console;

import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An action form as the browser sent it. The values are the agent's, read into what the service's JSON takes: text
 * as typed (blank as absent), kroner as øre, Copenhagen local times as instants. Whether a value is allowed is the
 * service's to say; only a value that is not a number or a time at all is refused here ({@link Unreadable}).
 */
final class ActionForm {
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final long MAX_ORE = 100_000_000_00L;

    /** A field whose value is not what its input asks for (a number, a time). */
    static final class Unreadable extends RuntimeException {
        final String field;

        Unreadable(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    private final MultivaluedMap<String, String> values;

    ActionForm(MultivaluedMap<String, String> values) {
        this.values = values;
    }

    /** The form as sent, to fill the form again when the service refused it. */
    Map<String, String> echo() {
        Map<String, String> echo = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!k.equals("csrf-token") && !v.isEmpty()) {
                echo.put(k, String.join(",", v));
            }
        });
        return echo;
    }

    /** The text, stripped; null when blank or absent. */
    String text(String field) {
        String v = values.getFirst(field);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** An id the form carries in a hidden field; a form without it did not come from the page. */
    String id(String field) {
        String v = text(field);
        if (v == null) {
            throw new Unreadable(field, "Formularen mangler " + field + ". Genindlæs siden og prøv igen.");
        }
        return v;
    }

    List<String> all(String field) {
        List<String> all = values.get(field);
        return all == null ? List.of() : all.stream().filter(v -> !v.isBlank()).toList();
    }

    /** Kroner as typed by a Dane ({@code 1.234,50} or {@code 1234.5}), as øre; null when blank. */
    Long ore(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        String normal = v.replace(" ", "").replace("kr", "");
        if (normal.contains(",")) {
            normal = normal.replace(".", "").replace(',', '.');
        }
        try {
            BigDecimal kroner = new BigDecimal(normal);
            if (kroner.scale() > 2 || kroner.signum() < 0) {
                throw new NumberFormatException();
            }
            long ore = kroner.movePointRight(2).longValueExact();
            if (ore > MAX_ORE) {
                throw new NumberFormatException();
            }
            return ore;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new Unreadable(field, "Skriv et beløb i kroner, fx 125,50.");
        }
    }

    /** A {@code datetime-local} input, read as Copenhagen time; null when blank. */
    String instant(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(v).atZone(COPENHAGEN).toInstant().toString();
        } catch (DateTimeParseException e) {
            throw new Unreadable(field, "Skriv et tidspunkt som dd-mm-åååå tt:mm.");
        }
    }

    /** A {@code date} input; null when blank. */
    String date(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v).toString();
        } catch (DateTimeParseException e) {
            throw new Unreadable(field, "Skriv en dato som dd-mm-åååå.");
        }
    }
}
