package dk.flyt.porting.hub;

import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.hub.HubMessageKind;
import java.time.Instant;
import java.time.LocalDate;

/** The messages we send, built in one place. */
public final class HubMessages {
    /** Recipient → donor (or the hub, which routes it while the donor is not known yet): move the number. */
    public static HubMessage request(
            String us, String donor, String dossier, Instant now, String number, String iccid, LocalDate date) {
        return new HubMessage(
                HubMessage.VERSION,
                HubOutbox.newMessageId(),
                HubMessageKind.PORTING_REQUEST,
                us,
                donor,
                dossier,
                now,
                number,
                iccid,
                date,
                null,
                null,
                null,
                null);
    }

    public static HubMessage cancel(String us, String donor, String dossier, Instant now, String number, String why) {
        return new HubMessage(
                HubMessage.VERSION,
                HubOutbox.newMessageId(),
                HubMessageKind.CANCEL,
                us,
                donor,
                dossier,
                now,
                number,
                null,
                null,
                null,
                why,
                null,
                null);
    }

    /** Recipient → hub: execute the port now. */
    public static HubMessage execute(String us, String dossier, Instant now, String number, LocalDate portDate) {
        return new HubMessage(
                HubMessage.VERSION,
                HubOutbox.newMessageId(),
                HubMessageKind.PORTING_PERFORMED,
                us,
                HubMessage.HUB,
                dossier,
                now,
                number,
                null,
                portDate,
                null,
                null,
                us,
                null);
    }

    /** The ERROR that tells a sender its message {@code m} was refused with {@code code}. */
    public static HubMessage error(String us, HubMessage m, String code, Instant now) {
        return new HubMessage(
                HubMessage.VERSION,
                HubOutbox.newMessageId(),
                HubMessageKind.ERROR,
                us,
                m.sender(),
                m.dossierId(),
                now,
                m.number(),
                null,
                null,
                null,
                code,
                null,
                m.messageId());
    }

    private HubMessages() {}
}
