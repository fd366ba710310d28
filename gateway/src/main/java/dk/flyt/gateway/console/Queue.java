package dk.flyt.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything that waits for a person, across customers, from the services that hold it: orders whose saga stopped
 * for a correction or a credit answer, hub messages parked for a person, events a service gave up on (dead letters),
 * overdue complaints, and differences between what was charged and what the schedules say (reconciliation). {@code problems}: the
 * services that could not be read (their part is then unknown, and the page says so rather than showing it empty).
 */
public record Queue(
        List<Item> orders,
        List<Item> parked,
        List<Item> deadLetters,
        List<Item> complaints,
        List<Item> differences,
        List<String> problems) {

    /** One thing waiting: what, why, since when, and the customer it is about (blank when not known). */
    @io.quarkus.qute.TemplateData
    public record Item(String what, String why, String since, String customerId) {}

    public int size() {
        return orders.size() + parked.size() + deadLetters.size() + complaints.size() + differences.size();
    }

    static List<Item> orders(JsonNode orders) {
        List<Item> items = new ArrayList<>();
        for (JsonNode o : orders) {
            String status = o.path("status").asText("");
            StringBuilder why = new StringBuilder();
            for (JsonNode l : o.path("lines")) {
                if (l.path("actionRequired").asBoolean(false)) {
                    why.append(why.isEmpty() ? "" : "; ")
                            .append(
                                    "PORT_FAILED".equals(l.path("step").asText())
                                            ? "portering fejlet"
                                            : "portering afvist")
                            .append(
                                    l.path("rejectCode").isTextual()
                                            ? " (" + l.path("rejectCode").asText() + ")"
                                            : "")
                            .append(" for ")
                            .append(l.path("number").asText("?"));
                }
            }
            if (why.isEmpty()) {
                why.append("PENDING_CREDIT_CHECK".equals(status) ? "venter på kreditvurdering" : status);
            }
            items.add(new Item(
                    "Ordre " + o.path("id").asText(),
                    why.toString(),
                    CustomerPage.local(o.path("createdAt").asText("")),
                    o.path("customerId").asText("")));
        }
        return items;
    }

    static List<Item> parked(JsonNode parked) {
        List<Item> items = new ArrayList<>();
        for (JsonNode m : parked) {
            items.add(new Item(
                    "Hub-besked " + m.path("kind").asText("") + " fra "
                            + m.path("sender").asText("") + " (sag "
                            + m.path("dossierId").asText("") + ")",
                    m.path("reason").asText("") + ", " + m.path("attempts").asInt() + " forsøg",
                    CustomerPage.local(m.path("parkedAt").asText("")),
                    ""));
        }
        return items;
    }

    /** {@code service}: which service gave up on them. */
    static List<Item> deadLetters(String service, JsonNode deadLetters) {
        List<Item> items = new ArrayList<>();
        for (JsonNode d : deadLetters) {
            items.add(new Item(
                    service + ": hændelse " + d.path("type").asText("?") + " på "
                            + d.path("topic").asText("") + " ("
                            + d.path("eventId").asText("") + ")",
                    d.path("error").asText(""),
                    CustomerPage.local(d.path("deadAt").asText("")),
                    d.path("customerId").isTextual() ? d.path("customerId").asText() : ""));
        }
        return items;
    }

    static List<Item> differences(JsonNode open) {
        List<Item> items = new ArrayList<>();
        for (JsonNode o : open) {
            JsonNode d = o.path("difference");
            items.add(new Item(
                    "Abonnement " + d.path("subscriptionId").asText("") + ", "
                            + o.path("month").asText(""),
                    "opkrævet " + CustomerPage.kroner(-d.path("bookedOre").asLong()) + ", skulle være "
                            + CustomerPage.kroner(-d.path("expectedOre").asLong()),
                    CustomerPage.local(o.path("at").asText("")),
                    d.path("customerId").asText("")));
        }
        return items;
    }

    static List<Item> complaints(JsonNode complaints) {
        List<Item> items = new ArrayList<>();
        for (JsonNode c : complaints) {
            boolean ack = c.path("acknowledgementOverdue").asBoolean(false);
            items.add(new Item(
                    "Klage: " + c.path("reason").asText(""),
                    ack ? "ikke kvitteret i tide" : "ikke afgjort i tide",
                    CustomerPage.local(
                            c.path(ack ? "acknowledgeBy" : "decideBy").asText("")),
                    c.path("customerId").asText("")));
        }
        return items;
    }
}
