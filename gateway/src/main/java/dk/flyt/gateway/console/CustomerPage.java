package dk.flyt.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What the customer page shows, read from the services: the agent's open contact, and within it the profile (CPR
 * masked unless the agent gave a reason), the subscriptions, orders, compensations and complaints with the actions
 * on each, the account's balance and the merged {@link Timeline} ({@code shown}: the kind it is narrowed to, empty
 * for all). Without a contact only the form that opens one. {@code outcome}: what the last action form sent and what
 * the service said of its fields; {@code done}: the action that just succeeded; {@code quote}: a compensation worked
 * out and waiting for the agent's confirmation.
 */
public record CustomerPage(
        String customerId,
        Contact contact,
        Profile profile,
        List<Line> subscriptions,
        List<Order> orders,
        List<Plan> plans,
        List<Compensation> compensations,
        List<Complaint> complaints,
        String balance,
        String newSimFee,
        List<Timeline.Item> timeline,
        String shown,
        String message,
        ConsoleAction done,
        Outcome outcome,
        Quote quote) {

    /** The page before a contact is open: the form that opens one, with what a refused attempt said. */
    static CustomerPage withoutContact(String customerId, String message, Outcome outcome) {
        return new CustomerPage(
                customerId,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                "",
                message,
                null,
                outcome,
                null);
    }

    public boolean hasContact() {
        return contact != null;
    }

    /** The kinds the timeline can be narrowed to. */
    public List<Timeline.Kind> kinds() {
        return List.of(Timeline.Kind.values());
    }

    /** A new idempotency key for one form: sending that form twice (a double click) does its action once. */
    public String key() {
        return UUID.randomUUID().toString();
    }

    /** What waits for a person on this customer: the banner at the top of the page. */
    public List<String> stuck() {
        List<String> stuck = new ArrayList<>();
        for (Order o : orders) {
            for (OrderLine l : o.lines()) {
                if (l.actionRequired()) {
                    stuck.add("Ordre " + o.shortId() + ": porteringen af " + l.number() + " er "
                            + ("PORT_FAILED".equals(l.step()) ? "fejlet" : "afvist")
                            + (l.rejectCode().isBlank() ? "" : " (" + l.rejectCode() + ")")
                            + ". Ret nummer eller ICCID under Ordrer.");
                }
            }
        }
        for (Complaint c : complaints) {
            if (c.overdue()) {
                stuck.add("Klagen \"" + c.reason() + "\" har overskredet sin frist (" + c.decideBy() + ").");
            }
        }
        return stuck;
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
                    text(c.path("cpr")),
                    c.path("cprMasked").asBoolean(true),
                    c.path("email").asText(""),
                    c.path("contactNumber").asText(""),
                    address);
        }
    }

    /**
     * One subscription: state, plan, binding end, number and SIM; the end a notice given today would have, and its
     * plan changes.
     */
    public record Line(
            String id,
            String number,
            String iccid,
            String plan,
            String status,
            String blockReason,
            String bindingEndsOn,
            String since,
            String endsOn,
            String earliestEndOn,
            List<PlanChange> planChanges) {
        static Line of(JsonNode s) {
            List<PlanChange> changes = new ArrayList<>();
            s.path("planChanges").forEach(c -> changes.add(PlanChange.of(c)));
            return new Line(
                    s.path("id").asText(),
                    s.path("number").asText("–"),
                    s.path("iccid").asText("–"),
                    s.path("plan").asText(""),
                    s.path("status").asText(""),
                    text(s.path("blockReason")),
                    s.path("bindingEndsOn").isNull()
                            ? "ingen binding"
                            : s.path("bindingEndsOn").asText("ingen binding"),
                    text(s.path("activatedOn")),
                    text(s.path("endsOn")),
                    text(s.path("earliestEndOn")),
                    changes);
        }

        public boolean blocked() {
            return "BLOCKED".equals(status);
        }

        /** Open for actions: active or blocked, not ended. */
        public boolean live() {
            return "ACTIVE".equals(status) || "BLOCKED".equals(status);
        }

        /** The form of {@code action} on this subscription, as the page names it. */
        public String target(String action) {
            return action + "-" + id;
        }
    }

    /**
     * A plan change, when it takes effect ({@code immediate}: at once, else from {@code effectiveOn}) and why then, as
     * the service says it.
     */
    public record PlanChange(
            String id,
            String fromPlan,
            String toPlan,
            boolean immediate,
            String effectiveOn,
            String why,
            String status) {
        static PlanChange of(JsonNode c) {
            return new PlanChange(
                    c.path("id").asText(),
                    c.path("fromPlan").asText(""),
                    c.path("toPlan").asText(""),
                    c.path("immediate").asBoolean(false),
                    text(c.path("effectiveOn")),
                    text(c.path("effectiveWhy")),
                    c.path("status").asText(""));
        }

        public boolean scheduled() {
            return "SCHEDULED".equals(status);
        }
    }

    /** An order with its lines; {@code withdrawalDeadline} once the withdrawal period has started. */
    public record Order(String id, String status, String createdAt, String withdrawalDeadline, List<OrderLine> lines) {
        static Order of(JsonNode o) {
            List<OrderLine> lines = new ArrayList<>();
            o.path("lines").forEach(l -> lines.add(OrderLine.of(l)));
            return new Order(
                    o.path("id").asText(),
                    o.path("status").asText(""),
                    local(o.path("createdAt").asText("")),
                    text(o.path("withdrawalDeadline")),
                    lines);
        }

        public String shortId() {
            return id.length() > 8 ? id.substring(0, 8) : id;
        }

        /** An order that may still be withdrawn from: the service decides, the page only offers the form. */
        public boolean open() {
            return !withdrawalDeadline.isBlank()
                    && !List.of("WITHDRAWN", "REFUSED", "LAPSED").contains(status);
        }

        public String target(String action) {
            return action + "-" + id;
        }
    }

    /** One order line and the step its saga is at; {@code portInId}: its port case at the porting service. */
    public record OrderLine(
            String id,
            String plan,
            String number,
            String step,
            boolean actionRequired,
            String rejectCode,
            String portDate,
            String portInId) {
        static OrderLine of(JsonNode l) {
            return new OrderLine(
                    l.path("id").asText(),
                    l.path("plan").asText(""),
                    text(l.path("number")),
                    l.path("step").asText(""),
                    l.path("actionRequired").asBoolean(false),
                    text(l.path("rejectCode")),
                    text(l.path("portDate")),
                    text(l.path("portInId")));
        }

        public String target(String action) {
            return action + "-" + id;
        }
    }

    /** A plan on sale. */
    public record Plan(String code, String name, String price) {
        static Plan of(JsonNode p) {
            return new Plan(
                    p.path("code").asText(),
                    p.path("name").asText(""),
                    kroner(p.path("monthlyPrice").asLong()));
        }
    }

    /** A compensation granted for a port case; {@code origin}: AUTOMATIC or the agent who claimed it. */
    public record Compensation(String id, String kind, String caseId, String amount, String origin, String grantedAt) {
        static Compensation of(JsonNode c) {
            return new Compensation(
                    c.path("id").asText(),
                    c.path("kind").asText(""),
                    c.path("caseId").asText(""),
                    kroner(c.path("amount").asLong()),
                    c.path("origin").asText(""),
                    local(c.path("grantedAt").asText("")));
        }
    }

    /** A complaint and its deadlines; {@code overdue} when one passed without the step it waits for. */
    public record Complaint(
            String id,
            String amount,
            String reason,
            String openedAt,
            String decideBy,
            String outcome,
            String credited,
            boolean overdue) {
        static Complaint of(JsonNode c) {
            return new Complaint(
                    c.path("id").asText(),
                    kroner(c.path("amountOre").asLong()),
                    c.path("reason").asText(""),
                    local(c.path("openedAt").asText("")),
                    local(c.path("decideBy").asText("")),
                    text(c.path("outcome")),
                    c.path("creditedOre").isNumber()
                            ? kroner(c.path("creditedOre").asLong())
                            : "",
                    c.path("acknowledgementOverdue").asBoolean(false)
                            || c.path("decisionOverdue").asBoolean(false));
        }

        public boolean decided() {
            return !outcome.isBlank();
        }

        public String target(String action) {
            return action + "-" + id;
        }
    }

    /**
     * A compensation the rules give for a port case, worked out by the porting service and shown before the agent
     * confirms; {@code form}: what the agent entered, sent again with the confirmation.
     */
    public record Quote(
            String caseId,
            String kind,
            String amount,
            String from,
            String to,
            String grantedBefore,
            Map<String, String> form) {
        static Quote of(JsonNode q, Map<String, String> form) {
            return new Quote(
                    q.path("caseId").asText(),
                    q.path("kind").asText(),
                    kroner(q.path("amount").asLong()),
                    local(q.path("faultStartedAt").asText("")),
                    local(q.path("faultFixedAt").asText("")),
                    q.path("grantedBefore").isObject()
                            ? local(q.path("grantedBefore").path("grantedAt").asText(""))
                            : "",
                    form);
        }
    }

    /**
     * What the last action form sent ({@code target}: which form, as {@code action-id}) and the problems the service
     * named per field; the page shows them in that form only, and opens it.
     */
    public record Outcome(String target, Map<String, String> errors, Map<String, String> form) {
        static final Outcome NONE = new Outcome("", Map.of(), Map.of());

        public String error(String target, String field) {
            return this.target.equals(target) ? errors.get(field) : null;
        }

        public String value(String target, String field) {
            return this.target.equals(target) ? form.getOrDefault(field, "") : "";
        }

        public boolean open(String target) {
            return this.target.equals(target);
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

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? "" : n.asText("");
    }
}
