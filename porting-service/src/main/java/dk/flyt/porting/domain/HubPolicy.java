package dk.flyt.porting.domain;

import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.hub.HubMessageKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who may send which hub message about which dossier: checked for every message before it is stored, so a partner
 * acting on a dossier that is not its own gets a 403 or 422 problem at once and changes nothing.
 *
 * <table>
 *   <caption>The roles each kind requires</caption>
 *   <tr><th>kind</th><th>sender</th><th>dossier</th></tr>
 *   <tr><td>PORTING_REQUEST</td><td>any operator, as recipient</td><td>a new dossier of its own</td></tr>
 *   <tr><td>CANCEL</td><td>the recipient</td><td>a port-out of ours with that recipient</td></tr>
 *   <tr><td>PORTING_ANSWER</td><td>the donor fixed when we sent the request</td><td>a port-in of ours</td></tr>
 *   <tr><td>PORTING_PERFORMED</td><td>the hub</td><td>any (a broadcast)</td></tr>
 *   <tr><td>ROUTING_CONFIRMED</td><td>the hub</td><td>a port-in of ours</td></tr>
 *   <tr><td>ERROR PORTING_FAILED</td><td>the hub</td><td>a port-in or port-out of ours</td></tr>
 *   <tr><td>ERROR (other codes)</td><td>the operator our message went to</td><td>{@code inReplyTo} names it</td></tr>
 *   <tr><td>NUMBER_RETURNED</td><td>the hub</td><td>none</td></tr>
 * </table>
 */
public final class HubPolicy {
    /** What we know of dossiers and of our own messages. */
    public interface Dossiers {
        /** Our port-in case with this dossier id, if any. */
        Optional<PortIn> portIn(String dossierId);

        /** The recipients of our port-out cases with this dossier id (dossier ids are unique per recipient). */
        Set<String> portOutRecipients(String dossierId);

        /** The operator our message {@code messageId} went to ({@code HUB} where the hub routes it), if we sent it. */
        Optional<String> recipientOfOurMessage(String messageId);
    }

    /** A port-in case of ours: its donor, fixed when the request went out (null before). */
    public record PortIn(String donor) {}

    public sealed interface Verdict {}

    public record Allowed() implements Verdict {}

    /** Refused with an HTTP status (403: not the sender's role; 422: a field or the dossier is wrong). */
    public record Refused(int status, String type, String field, String detail) implements Verdict {}

    private final String us;
    private final Duration maxSkew;

    public HubPolicy(String us, Duration maxSkew) {
        this.us = Objects.requireNonNull(us);
        this.maxSkew = Objects.requireNonNull(maxSkew);
    }

    /** The verdict on {@code m}, received {@code now}. */
    public Verdict authorise(HubMessage m, Instant now, Dossiers dossiers) {
        return authorise(m, now, now, dossiers);
    }

    /**
     * The verdict on {@code m}, received at business time {@code now} and wall time {@code wallNow}. They are the same
     * in production; where a test or local run moved the business clock, a message is fresh if it is fresh by either,
     * so the hub simulator (stamping business time) and a partner stamping real time are both judged fairly, and a
     * replay is stale by both.
     */
    public Verdict authorise(HubMessage m, Instant now, Instant wallNow, Dossiers dossiers) {
        Refused shape = shape(m, now, wallNow);
        if (shape != null) {
            return shape;
        }
        boolean fromHub = HubMessage.HUB.equals(m.sender());
        return switch (m.kind()) {
            case PORTING_REQUEST -> request(m, dossiers);
            case CANCEL -> cancel(m, dossiers);
            case PORTING_ANSWER -> answer(m, dossiers);
            case PORTING_PERFORMED, NUMBER_RETURNED -> fromHub ? ok() : hubOnly(m);
            case ROUTING_CONFIRMED -> fromHub ? routing(m, dossiers) : hubOnly(m);
            case ERROR -> error(m, dossiers, fromHub);
        };
    }

    /** The fields every message and each kind need, and the time it was sent. */
    private Refused shape(HubMessage m, Instant now, Instant wallNow) {
        if (us.equals(m.sender())) {
            return forbidden("sender-is-us", "sender", "a message from " + us + " does not come from outside");
        }
        if (m.messageId().isBlank() || m.messageId().length() > 200) {
            return invalid("messageId", "must be 1 to 200 characters");
        }
        if (m.sentAt() == null) {
            return invalid("sentAt", "is required");
        }
        if (fresh(m.sentAt(), now) || fresh(m.sentAt(), wallNow)) {
            return kindShape(m);
        }
        if (m.sentAt().isBefore(now.minus(maxSkew))) {
            return new Refused(
                    422,
                    "stale-message",
                    "sentAt",
                    "sent " + m.sentAt() + ", more than " + maxSkew + " before " + now + ": a replay is refused");
        }
        return new Refused(
                422,
                "message-from-the-future",
                "sentAt",
                "sent " + m.sentAt() + ", more than " + maxSkew + " after " + now);
    }

    private boolean fresh(Instant sentAt, Instant now) {
        return !sentAt.isBefore(now.minus(maxSkew)) && !sentAt.isAfter(now.plus(maxSkew));
    }

    private static Refused kindShape(HubMessage m) {
        return switch (m.kind()) {
            case PORTING_REQUEST ->
                first(
                        required("dossierId", m.dossierId()),
                        required("number", m.number()),
                        required("iccid", m.iccid()));
            case CANCEL -> required("dossierId", m.dossierId());
            case PORTING_ANSWER ->
                first(
                        required("dossierId", m.dossierId()),
                        m.answer() == null ? invalid("answer", "is required: ACCEPT, REJECT or DELAYED") : null,
                        m.answer() == HubMessage.Answer.REJECT ? required("code", m.code()) : null);
            case PORTING_PERFORMED ->
                first(
                        required("dossierId", m.dossierId()),
                        required("number", m.number()),
                        required("operator", m.operator()));
            case ROUTING_CONFIRMED ->
                first(
                        required("dossierId", m.dossierId()),
                        required("operator", m.operator()),
                        required("routedBy", m.routedBy()));
            case ERROR ->
                first(
                        required("code", m.code()),
                        HubMessage.Codes.PORTING_FAILED.equals(m.code())
                                ? required("dossierId", m.dossierId())
                                : required("inReplyTo", m.inReplyTo()));
            case NUMBER_RETURNED -> required("number", m.number());
        };
    }

    private Verdict request(HubMessage m, Dossiers dossiers) {
        if (dossiers.portIn(m.dossierId()).isPresent()) {
            return new Refused(
                    422, "dossier-conflict", "dossierId", "dossier " + m.dossierId() + " is a port-in case of ours");
        }
        if (dossiers.portOutRecipients(m.dossierId()).stream().anyMatch(r -> !r.equals(m.sender()))) {
            return new Refused(
                    422, "dossier-conflict", "dossierId", "dossier " + m.dossierId() + " belongs to another operator");
        }
        return ok();
    }

    private Verdict cancel(HubMessage m, Dossiers dossiers) {
        Set<String> recipients = dossiers.portOutRecipients(m.dossierId());
        if (recipients.contains(m.sender())) {
            return ok();
        }
        if (!recipients.isEmpty() || dossiers.portIn(m.dossierId()).isPresent()) {
            return forbidden("not-recipient", "dossierId", m.sender() + " is not the recipient in this dossier");
        }
        return unknownDossier(m);
    }

    private Verdict answer(HubMessage m, Dossiers dossiers) {
        Optional<PortIn> portIn = dossiers.portIn(m.dossierId());
        if (portIn.isEmpty()) {
            return dossiers.portOutRecipients(m.dossierId()).isEmpty()
                    ? unknownDossier(m)
                    : forbidden("not-donor", "dossierId", "we are the donor in this dossier; only we answer");
        }
        if (!m.sender().equals(portIn.get().donor())) {
            return forbidden("not-donor", "sender", m.sender() + " is not the donor in this dossier");
        }
        return ok();
    }

    private Verdict routing(HubMessage m, Dossiers dossiers) {
        if (!us.equals(m.operator())) {
            return ok(); // routing to another operator: not ours to follow, acknowledged and ignored
        }
        return dossiers.portIn(m.dossierId()).isPresent() ? ok() : unknownDossier(m);
    }

    private Verdict error(HubMessage m, Dossiers dossiers, boolean fromHub) {
        if (HubMessage.Codes.PORTING_FAILED.equals(m.code())) {
            if (!fromHub) {
                return hubOnly(m);
            }
            boolean ours = dossiers.portIn(m.dossierId()).isPresent()
                    || !dossiers.portOutRecipients(m.dossierId()).isEmpty();
            return ours ? ok() : unknownDossier(m);
        }
        Optional<String> to = dossiers.recipientOfOurMessage(m.inReplyTo());
        if (to.isEmpty()) {
            return new Refused(
                    422, "unknown-message", "inReplyTo", "we sent no message " + m.inReplyTo() + " to " + m.sender());
        }
        boolean addressee = m.sender().equals(to.get()) || HubMessage.HUB.equals(m.sender());
        return addressee
                ? ok()
                : forbidden("not-addressee", "inReplyTo", "message " + m.inReplyTo() + " did not go to " + m.sender());
    }

    private static Verdict ok() {
        return new Allowed();
    }

    private static Refused hubOnly(HubMessage m) {
        return forbidden("hub-only", "sender", "only the hub sends " + kindName(m));
    }

    private static String kindName(HubMessage m) {
        return m.kind() == HubMessageKind.ERROR ? "ERROR " + m.code() : m.kind().name();
    }

    private static Refused unknownDossier(HubMessage m) {
        return new Refused(422, "unknown-dossier", "dossierId", "no case of ours has dossier " + m.dossierId());
    }

    private static Refused forbidden(String type, String field, String detail) {
        return new Refused(403, type, field, detail);
    }

    private static Refused invalid(String field, String detail) {
        return new Refused(422, "invalid-message", field, detail);
    }

    private static Refused required(String field, String value) {
        return value == null || value.isBlank() ? invalid(field, "is required for this kind of message") : null;
    }

    private static Refused first(Refused... candidates) {
        for (Refused r : candidates) {
            if (r != null) {
                return r;
            }
        }
        return null;
    }
}
