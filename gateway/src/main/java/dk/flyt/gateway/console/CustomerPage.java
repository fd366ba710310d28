package dk.flyt.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the customer page shows, read from the services: the agent's open contact, and within it the profile (CPR
 * masked unless the agent gave a reason), the subscriptions, the account's balance and the merged {@link Timeline}
 * ({@code shown}: the kind it is narrowed to, empty for all).
 * Without a contact only the form that opens one.
 */
public record CustomerPage(
        String customerId,
        Contact contact,
        Profile profile,
        List<Line> subscriptions,
        String balance,
        List<Timeline.Item> timeline,
        String shown,
        String message,
        Map<String, String> errors,
        Map<String, String> form) {

    /** The page before a contact is open: the form that opens one, with what a refused attempt said. */
    static CustomerPage withoutContact(
            String customerId, String message, Map<String, String> errors, Map<String, String> form) {
        return new CustomerPage(customerId, null, null, List.of(), null, List.of(), "", message, errors, form);
    }

    public boolean hasContact() {
        return contact != null;
    }

    /** The kinds the timeline can be narrowed to. */
    public List<Timeline.Kind> kinds() {
        return List.of(Timeline.Kind.values());
    }

    /** The agent's open contact with the customer. */
    public record Contact(String id, String channel, String reason, String closesAt) {
        static Contact of(JsonNode c) {
            return new Contact(
                    c.path("id").asText(),
                    c.path("channel").asText(),
                    c.path("reason").asText(),
                    local(c.path("closesAt").asText()));
        }
    }

    /** The profile; {@code cprMasked} false only right after the agent gave a reason to see it. */
    public record Profile(
            String name,
            String kind,
            String cpr,
            boolean cprMasked,
            String email,
            String contactNumber,
            String address) {
        static Profile of(JsonNode c) {
            String address = String.join(
                            ", ",
                            c.path("street").asText(""),
                            (c.path("postalCode").asText("") + " "
                                            + c.path("city").asText(""))
                                    .strip())
                    .replaceAll("^, |, $", "");
            return new Profile(
                    c.path("name").asText(""),
                    c.path("kind").asText(""),
                    c.path("cpr").isNull() ? "" : c.path("cpr").asText(""),
                    c.path("cprMasked").asBoolean(true),
                    c.path("email").asText(""),
                    c.path("contactNumber").asText(""),
                    address);
        }
    }

    /** One subscription: state, plan, binding end, number and SIM. */
    public record Line(
            String id, String number, String iccid, String plan, String status, String bindingEndsOn, String since) {
        static Line of(JsonNode s) {
            return new Line(
                    s.path("id").asText(),
                    s.path("number").asText("–"),
                    s.path("iccid").asText("–"),
                    s.path("plan").asText(""),
                    s.path("status").asText(""),
                    s.path("bindingEndsOn").isNull()
                            ? "ingen binding"
                            : s.path("bindingEndsOn").asText("ingen binding"),
                    s.path("activatedOn").isNull() ? "" : s.path("activatedOn").asText(""));
        }
    }

    private static final java.time.format.DateTimeFormatter DANISH = java.time.format.DateTimeFormatter.ofPattern(
                    "dd-MM-yyyy HH:mm:ss", Locale.ROOT)
            .withZone(java.time.ZoneId.of("Europe/Copenhagen"));

    /** An instant as agents read it: Copenhagen time, {@code 06-12-2026 12:29:22}; what is not an instant as it is. */
    static String local(String instant) {
        try {
            return DANISH.format(java.time.Instant.parse(instant));
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            return instant;
        }
    }

    /** An amount in øre as Danish kroner: {@code -25548} is {@code -255,48 kr}. */
    static String kroner(long ore) {
        long abs = Math.abs(ore);
        return String.format(Locale.ROOT, "%s%d,%02d kr", ore < 0 ? "-" : "", abs / 100, abs % 100);
    }
}
