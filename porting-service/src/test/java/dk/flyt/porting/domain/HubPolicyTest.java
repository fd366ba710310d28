package dk.flyt.porting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.hub.HubMessage.Answer;
import dk.flyt.contracts.hub.HubMessageKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The authorisation table of the hub link, case by case. Our port-in {@code IN} has donor TDC; our port-out
 * {@code TELENOR-1} has recipient TELENOR (and another recipient, TELIA, uses the same dossier id {@code SHARED});
 * message {@code FLYT-m1} went to TDC.
 */
class HubPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-09T09:00:00Z");
    private static final String IN = "7f1c3a52-7a39-4a55-9d3c-5f1e2b0d9a11";

    private final HubPolicy policy = new HubPolicy("FLYT", Duration.ofMinutes(15));

    private final HubPolicy.Dossiers dossiers = new HubPolicy.Dossiers() {
        @Override
        public Optional<HubPolicy.PortIn> portIn(String dossierId) {
            return IN.equals(dossierId) ? Optional.of(new HubPolicy.PortIn("TDC")) : Optional.empty();
        }

        @Override
        public Set<String> portOutRecipients(String dossierId) {
            return Map.of("TELENOR-1", Set.of("TELENOR"), "SHARED", Set.of("TELENOR", "TELIA"))
                    .getOrDefault(dossierId, Set.of());
        }

        @Override
        public Optional<String> recipientOfOurMessage(String messageId) {
            return "FLYT-m1".equals(messageId) ? Optional.of("TDC") : Optional.empty();
        }
    };

    private static HubMessage m(HubMessageKind kind, String sender, String dossier, Answer answer, String code) {
        return new HubMessage(
                1,
                sender + "-x",
                kind,
                sender,
                "FLYT",
                dossier,
                NOW,
                "+4591000001",
                kind == HubMessageKind.PORTING_REQUEST ? "8945011234567890123" : null,
                LocalDate.parse("2026-11-16"),
                answer,
                code,
                kind == HubMessageKind.PORTING_PERFORMED || kind == HubMessageKind.ROUTING_CONFIRMED ? "FLYT" : null,
                kind == HubMessageKind.ERROR ? "FLYT-m1" : null,
                kind == HubMessageKind.ROUTING_CONFIRMED ? "TELIA" : null);
    }

    private HubPolicy.Verdict verdict(HubMessage m) {
        return policy.authorise(m, NOW, dossiers);
    }

    private static String outcome(HubPolicy.Verdict v) {
        return v instanceof HubPolicy.Refused r ? r.status() + " " + r.type() : "allowed";
    }

    @ParameterizedTest(name = "{0} from {1} on {2}: {5}")
    @CsvSource({
        // answers: only the donor fixed when we sent the request
        "PORTING_ANSWER, TDC, IN, ACCEPT, , allowed",
        "PORTING_ANSWER, TELIA, IN, ACCEPT, , 403 not-donor",
        "PORTING_ANSWER, TELIA, IN, REJECT, ICCID_MISMATCH, 403 not-donor",
        "PORTING_ANSWER, TELIA, TELENOR-1, ACCEPT, , 403 not-donor",
        "PORTING_ANSWER, TDC, NOWHERE, ACCEPT, , 422 unknown-dossier",
        // cancels: only the recipient, looked up by (recipient, dossier)
        "CANCEL, TELENOR, TELENOR-1, , , allowed",
        "CANCEL, TELIA, TELENOR-1, , , 403 not-recipient",
        "CANCEL, TELIA, SHARED, , , allowed",
        "CANCEL, TDC, IN, , , 403 not-recipient",
        "CANCEL, TELIA, NOWHERE, , , 422 unknown-dossier",
        // requests: a new dossier of the sender's own
        "PORTING_REQUEST, TELIA, TELIA-9, , , allowed",
        "PORTING_REQUEST, TELIA, TELENOR-1, , , 422 dossier-conflict",
        "PORTING_REQUEST, TELIA, IN, , , 422 dossier-conflict",
        // the hub's broadcasts and reports
        "PORTING_PERFORMED, HUB, IN, , , allowed",
        "PORTING_PERFORMED, TELIA, IN, , , 403 hub-only",
        "PORTING_PERFORMED, HUB, NOWHERE, , , allowed",
        "ROUTING_CONFIRMED, HUB, IN, , , allowed",
        "ROUTING_CONFIRMED, TELIA, IN, , , 403 hub-only",
        "ROUTING_CONFIRMED, HUB, NOWHERE, , , 422 unknown-dossier",
        "ERROR, HUB, IN, , PORTING_FAILED, allowed",
        "ERROR, HUB, TELENOR-1, , PORTING_FAILED, allowed",
        "ERROR, TELIA, IN, , PORTING_FAILED, 403 hub-only",
        "ERROR, TELENOR, TELENOR-1, , PORTING_FAILED, 403 hub-only",
        "ERROR, HUB, NOWHERE, , PORTING_FAILED, 422 unknown-dossier",
        "NUMBER_RETURNED, HUB, , , , allowed",
        "NUMBER_RETURNED, TELIA, , , , 403 hub-only",
        // other errors: in reply to a message we sent to that sender
        "ERROR, TDC, IN, , INVALID_PORT_DATE, allowed",
        "ERROR, TELIA, IN, , INVALID_PORT_DATE, 403 not-addressee"
    })
    void everyKindNeedsTheSendersRoleInTheDossier(
            HubMessageKind kind, String sender, String dossier, Answer answer, String code, String expected) {
        String id = "IN".equals(dossier) ? IN : dossier;
        assertThat(outcome(verdict(m(kind, sender, id, answer, code)))).isEqualTo(expected);
    }

    @Test
    void anErrorMustReplyToAMessageOfOurs() {
        HubMessage m = m(HubMessageKind.ERROR, "TDC", IN, null, "NOT_APPLICABLE");
        HubMessage stray = new HubMessage(
                1,
                "TDC-y",
                HubMessageKind.ERROR,
                "TDC",
                "FLYT",
                IN,
                NOW,
                null,
                null,
                null,
                null,
                "X",
                null,
                "FLYT-unknown");
        assertThat(outcome(verdict(m))).isEqualTo("allowed");
        HubPolicy.Refused r = (HubPolicy.Refused) verdict(stray);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.field()).isEqualTo("inReplyTo");
    }

    @ParameterizedTest(name = "sent {0} s from now: {1}")
    @CsvSource({
        "0, allowed",
        "-899, allowed",
        "-901, 422 stale-message",
        "-86400, 422 stale-message",
        "899, allowed",
        "901, 422 message-from-the-future"
    })
    void aMessageOutsideTheClockSkewIsRefused(long seconds, String expected) {
        HubMessage m =
                m(HubMessageKind.PORTING_ANSWER, "TDC", IN, Answer.ACCEPT, null).stampedAt(NOW.plusSeconds(seconds));
        assertThat(outcome(verdict(m))).isEqualTo(expected);
    }

    @Test
    void whereTheBusinessClockWasMovedAMessageInRealTimeIsFreshTooButAReplayIsStaleByBoth() {
        Instant business = NOW.minus(Duration.ofDays(9));
        HubMessage real = m(HubMessageKind.PORTING_ANSWER, "TDC", IN, Answer.ACCEPT, null);
        assertThat(outcome(policy.authorise(real, business, NOW, dossiers))).isEqualTo("allowed");
        HubMessage simulated = real.stampedAt(business);
        assertThat(outcome(policy.authorise(simulated, business, NOW, dossiers)))
                .isEqualTo("allowed");
        HubMessage replay = real.stampedAt(business.minus(Duration.ofHours(1)));
        assertThat(outcome(policy.authorise(replay, business, NOW, dossiers))).isEqualTo("422 stale-message");
    }

    @ParameterizedTest(name = "{0} without {1} is refused naming it")
    @CsvSource({
        "PORTING_ANSWER, answer",
        "PORTING_ANSWER, dossierId",
        "PORTING_REQUEST, number",
        "PORTING_REQUEST, iccid",
        "PORTING_PERFORMED, operator",
        "ROUTING_CONFIRMED, routedBy",
        "ERROR, code",
        "ERROR, inReplyTo",
        "PORTING_ANSWER, sentAt"
    })
    void aMessageWithoutAFieldItsKindNeedsIsRefusedNamingIt(HubMessageKind kind, String field) {
        String sender = kind == HubMessageKind.PORTING_PERFORMED || kind == HubMessageKind.ROUTING_CONFIRMED
                ? "HUB"
                : kind == HubMessageKind.PORTING_REQUEST ? "TELIA" : "TDC";
        HubMessage full = m(
                kind,
                sender,
                kind == HubMessageKind.PORTING_REQUEST ? "TELIA-9" : IN,
                Answer.ACCEPT,
                kind == HubMessageKind.ERROR ? "NOT_APPLICABLE" : null);
        HubMessage without = new HubMessage(
                full.version(),
                full.messageId(),
                full.kind(),
                full.sender(),
                full.recipient(),
                "dossierId".equals(field) ? null : full.dossierId(),
                "sentAt".equals(field) ? null : full.sentAt(),
                "number".equals(field) ? null : full.number(),
                "iccid".equals(field) ? null : full.iccid(),
                full.portDate(),
                "answer".equals(field) ? null : full.answer(),
                "code".equals(field) ? null : full.code(),
                "operator".equals(field) ? null : full.operator(),
                "inReplyTo".equals(field) ? null : full.inReplyTo(),
                "routedBy".equals(field) ? null : full.routedBy());
        assertThat(outcome(verdict(full))).isEqualTo("allowed");
        HubPolicy.Verdict v = verdict(without);
        assertThat(v).isInstanceOf(HubPolicy.Refused.class);
        assertThat(((HubPolicy.Refused) v).status()).isEqualTo(422);
        assertThat(((HubPolicy.Refused) v).field()).isEqualTo(field);
    }

    @Test
    void nobodyMaySendAsUs() {
        HubMessage m = m(HubMessageKind.PORTING_REQUEST, "FLYT", "FLYT-1", null, null);
        assertThat(outcome(verdict(m))).isEqualTo("403 sender-is-us");
    }
}
