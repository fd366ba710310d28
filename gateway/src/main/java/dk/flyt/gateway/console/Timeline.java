package dk.flyt.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One timeline of a customer, merged from what the services report: the subscription service's timeline (orders, the
 * saga, port cases as it saw them, subscriptions), billing's ledger entries, and the staff's actions from the audit.
 * Newest first; each item with its kind, what happened, why, and who did it.
 */
public final class Timeline {
    /** What an item is about; the page filters on it. */
    public enum Kind {
        ORDER("Ordre"),
        PORTING("Portering"),
        SUBSCRIPTION("Abonnement"),
        MONEY("Penge"),
        STAFF("Personale");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The kind a query parameter names, if any. */
        public static Optional<Kind> named(String name) {
            if (name == null || name.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                return Optional.empty();
            }
        }
    }

    /**
     * One item; {@code at} as the page writes it; {@code look}: staff only read something (shown with the staff's items,
     * not in the whole timeline, where every page view would bury what happened).
     */
    public record Item(
            long seq, Instant instant, String at, Kind kind, String what, String why, String who, boolean look) {
        /** What happened in the agents' Danish, when the code has a label (the page shows the code beside it). */
        public String label() {
            return Labels.danish(what);
        }
    }

    private final List<Item> items = new ArrayList<>();

    /** The subscription service's timeline entries: where each came from says its kind; the system did them. */
    public Timeline orders(JsonNode entries) {
        for (JsonNode e : entries) {
            Kind kind =
                    switch (e.path("source").asText("")) {
                        case "PORTING" -> Kind.PORTING;
                        case "SUBSCRIPTION" -> Kind.SUBSCRIPTION;
                        case "BILLING" -> Kind.MONEY;
                        default -> Kind.ORDER;
                    };
            add(e.path("at").asText(""), kind, e.path("what").asText(""), text(e.path("detail")), "system");
        }
        return this;
    }

    /** Billing's ledger entries: the amount and the reason it was booked. */
    public Timeline ledger(JsonNode entries) {
        for (JsonNode e : entries) {
            String reason = text(e.path("reason"));
            String amount = CustomerPage.kroner(e.path("amount").asLong());
            add(e.path("bookedAt").asText(""), Kind.MONEY, e.path("kind").asText("") + " " + amount, reason, "billing");
        }
        return this;
    }

    /** Porting's compensations: the amount, the port case it is for, and who granted it. */
    public Timeline compensations(JsonNode granted) {
        for (JsonNode c : granted) {
            add(
                    c.path("grantedAt").asText(""),
                    Kind.MONEY,
                    "Godtgørelse " + c.path("kind").asText("") + " "
                            + CustomerPage.kroner(c.path("amount").asLong()),
                    "portering " + c.path("caseId").asText(""),
                    c.path("origin").asText(""));
        }
        return this;
    }

    /** Billing's complaints: opened, acknowledged and decided, each when it happened. */
    public Timeline complaints(JsonNode complaints) {
        for (JsonNode c : complaints) {
            String reason = text(c.path("reason"));
            String amount = CustomerPage.kroner(c.path("amountOre").asLong());
            add(c.path("openedAt").asText(""), Kind.MONEY, "Klage oprettet (" + amount + ")", reason, "billing");
            if (!text(c.path("acknowledgedAt")).isEmpty()) {
                add(c.path("acknowledgedAt").asText(), Kind.MONEY, "Klage kvitteret", reason, "billing");
            }
            if (!text(c.path("decidedAt")).isEmpty()) {
                add(
                        c.path("decidedAt").asText(),
                        Kind.MONEY,
                        "Klage afgjort: " + c.path("outcome").asText(""),
                        reason,
                        "billing");
            }
        }
        return this;
    }

    /** The audit: what staff did or read, with their reason. */
    public Timeline staff(JsonNode entries) {
        for (JsonNode e : entries) {
            add(
                    e.path("at").asText(""),
                    Kind.STAFF,
                    e.path("action").asText(""),
                    text(e.path("reason")),
                    e.path("actor").asText(""));
            String action = e.path("action").asText("");
            if (action.endsWith("_READ") || action.equals("CUSTOMER_FOUND")) {
                Item last = items.removeLast();
                items.add(new Item(
                        last.seq(), last.instant(), last.at(), last.kind(), last.what(), last.why(), last.who(), true));
            }
        }
        return this;
    }

    /**
     * Newest first (each service reports oldest first, so of two at the same instant the later reported is newer);
     * only {@code kind}'s items when one is given, and the staff's looks only then.
     */
    public List<Item> items(Optional<Kind> kind) {
        return items.stream()
                .filter(i -> kind.isEmpty() ? !i.look() : i.kind() == kind.get())
                .sorted(Comparator.comparing(Item::instant)
                        .thenComparingLong(Item::seq)
                        .reversed())
                .toList();
    }

    private void add(String at, Kind kind, String what, String why, String who) {
        Instant instant;
        try {
            instant = Instant.parse(at);
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            instant = Instant.EPOCH;
        }
        items.add(new Item(items.size(), instant, CustomerPage.local(at), kind, what, why, who, false));
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? "" : n.asText("");
    }
}
