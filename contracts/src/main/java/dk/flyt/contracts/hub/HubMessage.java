package dk.flyt.contracts.hub;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One message on the porting hub, schema version {@value #VERSION}. Modelled on public number-portability APIs
 * (dossier ids, per-operator senders, reject codes). Carries numbers and SIM numbers, never names or CPR numbers.
 *
 * @param messageId unique per sender; receivers deduplicate by it
 * @param sender operator id of the sender ({@code HUB} for the hub's broadcasts)
 * @param recipient operator id of the addressee, or null where the hub routes (a request to the number's holder)
 * @param dossierId the porting case across all operators: the recipient operator's case id
 * @param number the mobile number, E.164 ({@code +45...})
 * @param iccid the donor SIM card number, for a porting request
 * @param portDate the requested (request) or agreed (answer) port date
 * @param answer for PORTING_ANSWER: ACCEPT, REJECT or DELAYED
 * @param code reject code (PORTING_ANSWER/REJECT) or error code (ERROR)
 * @param operator for PORTING_PERFORMED: the operator the number routes to now
 * @param inReplyTo the message id this one answers, if any
 * @param routedBy for ROUTING_CONFIRMED: the operator whose network now routes the number to {@code operator}
 */
public record HubMessage(
        int version,
        String messageId,
        HubMessageKind kind,
        String sender,
        String recipient,
        String dossierId,
        Instant sentAt,
        String number,
        String iccid,
        LocalDate portDate,
        Answer answer,
        String code,
        String operator,
        String inReplyTo,
        String routedBy) {

    public static final int VERSION = 1;
    public static final String HUB = "HUB";

    public enum Answer {
        ACCEPT,
        REJECT,
        DELAYED
    }

    /** Reject and error codes. */
    public static final class Codes {
        public static final String UNKNOWN_NUMBER = "UNKNOWN_NUMBER";
        public static final String ICCID_MISMATCH = "ICCID_MISMATCH";
        public static final String NUMBER_NOT_ACTIVE = "NUMBER_NOT_ACTIVE";
        public static final String INVALID_PORT_DATE = "INVALID_PORT_DATE";
        public static final String UNKNOWN_DOSSIER = "UNKNOWN_DOSSIER";
        public static final String NOT_APPLICABLE = "NOT_APPLICABLE";
        public static final String PORTING_FAILED = "PORTING_FAILED";
        /** The sender has no role in the dossier that lets it send this kind of message. */
        public static final String NOT_AUTHORISED = "NOT_AUTHORISED";
        /** A field the kind requires is missing or malformed. */
        public static final String INVALID_MESSAGE = "INVALID_MESSAGE";
        /** The message could not be processed at all; it is parked for an agent. */
        public static final String UNPROCESSABLE = "UNPROCESSABLE";

        private Codes() {}
    }

    public HubMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sender, "sender");
    }

    /** A message of any kind but ROUTING_CONFIRMED (which alone names {@code routedBy}). */
    public HubMessage(
            int version,
            String messageId,
            HubMessageKind kind,
            String sender,
            String recipient,
            String dossierId,
            Instant sentAt,
            String number,
            String iccid,
            LocalDate portDate,
            Answer answer,
            String code,
            String operator,
            String inReplyTo) {
        this(
                version, messageId, kind, sender, recipient, dossierId, sentAt, number, iccid, portDate, answer, code,
                operator, inReplyTo, null);
    }

    /** The same message addressed to {@code to}. */
    public HubMessage to(String to) {
        return new HubMessage(
                version, messageId, kind, sender, to, dossierId, sentAt, number, iccid, portDate, answer, code,
                operator, inReplyTo, routedBy);
    }

    /** The same message stamped {@code at}, as a replay would carry it. */
    public HubMessage stampedAt(Instant at) {
        return new HubMessage(
                version, messageId, kind, sender, recipient, dossierId, at, number, iccid, portDate, answer, code,
                operator, inReplyTo, routedBy);
    }
}
