package dk.flyt.porting;

import static dk.flyt.porting.Porting.command;
import static dk.flyt.porting.Porting.copenhagen;
import static dk.flyt.porting.Porting.newNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.flyt.contracts.Topics;
import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.hub.HubMessageKind;
import dk.flyt.contracts.porting.PortingCommands.OpenPortOutWindow;
import dk.flyt.contracts.subscription.SubscriptionEvents.SimReplaced;
import dk.flyt.contracts.subscription.SubscriptionEvents.SubscriptionActivated;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Port-out: another operator asks for one of our numbers through the hub (simulated); we are the donor. */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class PortOutFlowTest extends PortingFlowTest {
    private static final String ICCID = "8945017777777777777";

    /** A live subscription as the subscription service announces it; with a binding period until next spring. */
    private String ourNumber() {
        return ourLine().number();
    }

    record Line(String subscription, String number) {}

    private Line ourLine() {
        String number = newNumber();
        String subscription = "sub-" + UUID.randomUUID();
        activated(subscription, number, LocalDate.parse("2026-10-01"), LocalDate.parse("2027-04-01"));
        Porting.awaitNumber(number, "ACTIVE");
        return new Line(subscription, number);
    }

    private String window(String number) {
        command(
                json,
                "OpenPortOutWindow",
                "w-" + number,
                new OpenPortOutWindow(number, "cust-w", LocalDate.parse("2026-11-02")));
        return Porting.awaitNumber(number, "WINDOW").getString("windowUntil");
    }

    /** The subscription service's fact that {@code number} is live, keyed by the subscription. */
    private void activated(String subscription, String number, LocalDate on, LocalDate bindingEndsOn) {
        Porting.event(
                json,
                Topics.SUBSCRIPTION_EVENTS,
                "SubscriptionActivated",
                subscription,
                new SubscriptionActivated(
                        subscription, "cust-" + subscription, number, ICCID, "MOBILE_10GB", 9900, on, bindingEndsOn));
    }

    /** The subscription service's fact that the line got a new SIM. */
    private void simReplaced(String subscription, String number, String newIccid) {
        Porting.event(
                json,
                Topics.SUBSCRIPTION_EVENTS,
                "SimReplaced",
                subscription,
                new SimReplaced(subscription, "cust-" + subscription, LocalDate.parse("2026-11-02"), number, newIccid));
    }

    private HubMessage answerTo(String dossier) {
        await().atMost(Porting.WAIT).until(() -> !hub.received(
                        m -> dossier.equals(m.dossierId()) && m.kind() == HubMessageKind.PORTING_ANSWER)
                .isEmpty());
        return hub.received(m -> dossier.equals(m.dossierId()) && m.kind() == HubMessageKind.PORTING_ANSWER)
                .getFirst();
    }

    @Test
    void R_POUT_01_R_POUT_04_aDatedPortOutDuringBindingIsAcceptedAndExecuted() {
        String number = ourNumber();
        String dossier = hub.requestPortOut("TELIA", number, ICCID, LocalDate.parse("2026-11-16"));
        HubMessage answer = answerTo(dossier);
        assertThat(answer.answer()).as("never refused for binding (R-POUT-04)").isEqualTo(HubMessage.Answer.ACCEPT);
        assertThat(answer.portDate()).isEqualTo(LocalDate.parse("2026-11-16"));
        assertThat(answer.recipient()).isEqualTo("TELIA");

        hub.broadcastPerformed(dossier, number, "TELIA");

        List<ConsumerRecord<String, String>> events = KafkaTestClient.readUntil(
                Topics.PORTING_EVENTS,
                r -> r.value().contains(number) && "PortOutCompleted".equals(KafkaTestClient.header(r, "ce_type")),
                Porting.WAIT);
        assertThat(events)
                .filteredOn(r -> r.value().contains(number))
                .extracting(r -> KafkaTestClient.header(r, "ce_type"))
                .containsSubsequence("PortOutRequested", "PortOutCompleted");
    }

    @Test
    void R_POUT_01_withoutADateTheNumberLeavesWhenTheNoticePeriodEnds() {
        String number = ourNumber();
        HubMessage answer = answerTo(hub.requestPortOut("TELIA", number, ICCID, null));
        // 2 November + 30 days = Wednesday 2 December 2026, a porting day
        assertThat(answer.portDate()).isEqualTo(LocalDate.parse("2026-12-02"));
    }

    @Test
    void R_POUT_03_aWrongIccidOrAnUnknownNumberIsRejectedWithAReasonCode() {
        String number = ourNumber();
        HubMessage wrong = answerTo(hub.requestPortOut("TELENOR", number, "8945010000000000000", null));
        assertThat(wrong.answer()).isEqualTo(HubMessage.Answer.REJECT);
        assertThat(wrong.code()).isEqualTo(HubMessage.Codes.ICCID_MISMATCH);
        Porting.awaitNumber(number, "ACTIVE");

        HubMessage unknown = answerTo(hub.requestPortOut("TELIA", "+4500000001", ICCID, null));
        assertThat(unknown.code()).isEqualTo(HubMessage.Codes.UNKNOWN_NUMBER);
    }

    @Test
    void R_POUT_05_aPortOutThatFailsAfterDeactivationIsReactivatedAtOnce() {
        String number = ourNumber();
        String dossier = hub.requestPortOut("TELIA", number, ICCID, LocalDate.parse("2026-11-16"));
        hub.broadcastPerformed(dossier, number, "TELIA");
        KafkaTestClient.readUntil(
                Topics.PORTING_EVENTS,
                r -> r.value().contains(number) && "PortOutCompleted".equals(KafkaTestClient.header(r, "ce_type")),
                Porting.WAIT);

        hub.reportPortingFailed(dossier, number, "TELIA");

        List<ConsumerRecord<String, String>> events = KafkaTestClient.readUntil(
                Topics.PORTING_EVENTS,
                r -> r.value().contains(number) && "PortOutReverted".equals(KafkaTestClient.header(r, "ce_type")),
                Porting.WAIT);
        assertThat(events)
                .filteredOn(r -> r.value().contains(number))
                .extracting(r -> KafkaTestClient.header(r, "ce_type"))
                .containsSubsequence("PortOutCompleted", "PortOutReverted");
        HubMessage again = answerTo(hub.requestPortOut("TELENOR", number, ICCID, null));
        assertThat(again.answer()).as("active again: it may leave later").isEqualTo(HubMessage.Answer.ACCEPT);
    }

    @Test
    void R_WDR_06_aWithdrawnNumberNobodyClaimsGoesToQuarantineAndIsThenReturned() {
        String number = ourNumber();
        command(
                json,
                "OpenPortOutWindow",
                "w-" + number,
                new OpenPortOutWindow(number, "cust-w", LocalDate.parse("2026-11-02")));
        assertThat(Porting.awaitNumber(number, "WINDOW").getString("windowUntil"))
                .isEqualTo("2026-11-16");

        clock.set(copenhagen("2026-11-17T09:00"));
        Porting.awaitNumber(number, "QUARANTINED");
        KafkaTestClient.readUntil(
                Topics.PORTING_EVENTS,
                r -> number.equals(r.key()) && "NumberQuarantined".equals(KafkaTestClient.header(r, "ce_type")),
                Porting.WAIT);

        clock.set(copenhagen("2027-05-20T09:00"));
        List<ConsumerRecord<String, String>> events = KafkaTestClient.readUntil(
                Topics.PORTING_EVENTS,
                r -> number.equals(r.key()) && "NumberReturned".equals(KafkaTestClient.header(r, "ce_type")),
                Porting.WAIT);
        assertThat(events).filteredOn(r -> number.equals(r.key())).hasSize(2);
        await().atMost(Porting.WAIT)
                .until(() -> !hub.received(m -> number.equals(m.number()) && m.kind() == HubMessageKind.NUMBER_RETURNED)
                        .isEmpty());
    }

    @Test
    void R_WDR_06_anActivationArrivingAfterTheWindowOpenedDoesNotTakeTheNumberBack() {
        String number = ourNumber();
        command(
                json,
                "OpenPortOutWindow",
                "w-" + number,
                new OpenPortOutWindow(number, "cust-late", LocalDate.parse("2026-11-02")));
        Porting.awaitNumber(number, "WINDOW");
        String subscription = "sub-late-" + UUID.randomUUID();
        activated(subscription, number, LocalDate.parse("2026-11-02"), null);
        // a second fact with the same key follows on the same partition: once it shows, the late one was handled
        String marker = newNumber();
        activated(subscription, marker, LocalDate.parse("2026-11-02"), null);
        Porting.awaitNumber(marker, "ACTIVE");
        assertThat(Porting.awaitNumber(number, "WINDOW").getString("windowUntil"))
                .isEqualTo("2026-11-16");
    }

    @Test
    void R_WDR_06_withinTheWindowANewRecipientMayTakeTheNumber() {
        String number = ourNumber();
        command(
                json,
                "OpenPortOutWindow",
                "w-" + number,
                new OpenPortOutWindow(number, "cust-w2", LocalDate.parse("2026-11-02")));
        Porting.awaitNumber(number, "WINDOW");
        clock.set(copenhagen("2026-11-12T09:00"));
        HubMessage answer = answerTo(hub.requestPortOut("TELIA", number, ICCID, LocalDate.parse("2026-11-13")));
        assertThat(answer.answer()).isEqualTo(HubMessage.Answer.ACCEPT);
        assertThat(Porting.awaitNumber(number, "PORTING_OUT").getList("portOuts.state"))
                .containsExactly("ACCEPTED");
    }

    @Test
    void R_POUT_03_R_COMP_01_afterASimReplacementOnlyTheNewSimAuthorisesAPortOut() {
        Line line = ourLine();
        String newIccid = "8945018888888888888";
        simReplaced(line.subscription(), line.number(), newIccid);
        // a later fact with the same key follows on the same partition: once it shows, the replacement was handled
        String marker = newNumber();
        activated(line.subscription(), marker, LocalDate.parse("2026-11-02"), null);
        Porting.awaitNumber(marker, "ACTIVE");

        HubMessage stolen = answerTo(hub.requestPortOut("TELIA", line.number(), ICCID, null));
        assertThat(stolen.answer()).as("the lost SIM's ICCID moves nothing").isEqualTo(HubMessage.Answer.REJECT);
        assertThat(stolen.code()).isEqualTo(HubMessage.Codes.ICCID_MISMATCH);

        HubMessage owner = answerTo(hub.requestPortOut("TELIA", line.number(), newIccid, null));
        assertThat(owner.answer()).as("the customer's new SIM does").isEqualTo(HubMessage.Answer.ACCEPT);
    }

    @Test
    void R_WDR_06_aCancelledPortOutGivesBackTheWindowWithItsDeadline() {
        String number = ourNumber();
        assertThat(window(number)).isEqualTo("2026-11-16");
        String dossier = hub.requestPortOut("TELIA", number, ICCID, LocalDate.parse("2026-11-13"));
        assertThat(answerTo(dossier).answer()).isEqualTo(HubMessage.Answer.ACCEPT);
        Porting.awaitNumber(number, "PORTING_OUT");

        hub.cancelPortOut("TELIA", dossier, number);

        JsonPath back = Porting.awaitNumber(number, "WINDOW");
        assertThat(back.getString("windowUntil")).isEqualTo("2026-11-16");
        assertThat(back.getList("portOuts.state")).containsExactly("CANCELLED");
        clock.set(copenhagen("2026-11-17T09:00"));
        Porting.awaitNumber(number, "QUARANTINED");
    }

    @Test
    void R_POUT_05_aFailureBeforeExecutionGivesTheNumberBackAndALaterPortOutIsAccepted() {
        String number = ourNumber();
        String dossier = hub.requestPortOut("TELIA", number, ICCID, LocalDate.parse("2026-11-16"));
        assertThat(answerTo(dossier).answer()).isEqualTo(HubMessage.Answer.ACCEPT);
        Porting.awaitNumber(number, "PORTING_OUT");

        hub.reportPortingFailed(dossier, number, "TELIA");

        assertThat(Porting.awaitNumber(number, "ACTIVE").getList("portOuts.state"))
                .containsExactly("FAILED");
        HubMessage again = answerTo(hub.requestPortOut("TELENOR", number, ICCID, null));
        assertThat(again.answer()).as("not stuck in PORTING_OUT").isEqualTo(HubMessage.Answer.ACCEPT);
    }

    @Test
    void R_POUT_05_R_WDR_06_aRevertedPortOutOfAWithdrawnNumberGivesBackItsWindow() {
        String number = ourNumber();
        window(number);
        String dossier = hub.requestPortOut("TELIA", number, ICCID, LocalDate.parse("2026-11-13"));
        assertThat(answerTo(dossier).answer()).isEqualTo(HubMessage.Answer.ACCEPT);
        hub.broadcastPerformed(dossier, number, "TELIA");
        Porting.awaitNumber(number, "PORTED_OUT");

        hub.reportPortingFailed(dossier, number, "TELIA");

        JsonPath back = Porting.awaitNumber(number, "WINDOW");
        assertThat(back.getString("windowUntil")).as("not ACTIVE forever").isEqualTo("2026-11-16");
        assertThat(back.getList("portOuts.state")).containsExactly("REVERTED");
    }

    @Test
    void aRejectedRequestResubmittedUnderItsDossierWithCorrectedDataIsDecidedAfresh() {
        String number = ourNumber();
        HubMessage first = hub.message(
                HubMessageKind.PORTING_REQUEST,
                "TELIA",
                "FLYT",
                "TELIA-" + UUID.randomUUID(),
                number,
                "8945010000000000000",
                null,
                null,
                null,
                null);
        hub.deliver(first);
        assertThat(answerTo(first.dossierId()).code()).isEqualTo(HubMessage.Codes.ICCID_MISMATCH);
        hub.deliver(hub.message(
                HubMessageKind.PORTING_REQUEST,
                "TELIA",
                "FLYT",
                first.dossierId(),
                number,
                ICCID,
                null,
                null,
                null,
                null));
        await().atMost(Porting.WAIT)
                .until(() -> hub.received(m -> first.dossierId().equals(m.dossierId())
                                        && m.answer() == HubMessage.Answer.ACCEPT)
                                .size()
                        == 1);
        assertThat(Porting.awaitNumber(number, "PORTING_OUT").getList("portOuts.state"))
                .containsExactly("ACCEPTED");
    }

    @Test
    void aPortOutIsFoundByRecipientAndDossierSoAThirdOperatorCannotCancelIt() {
        String number = ourNumber();
        String dossier = hub.requestPortOut("TELIA", number, ICCID, LocalDate.parse("2026-11-16"));
        assertThat(answerTo(dossier).answer()).isEqualTo(HubMessage.Answer.ACCEPT);
        var refused = hub.post(
                hub.message(HubMessageKind.CANCEL, "TELENOR", "FLYT", dossier, number, null, null, null, null, null));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("not-recipient");
        assertThat(Porting.awaitNumber(number, "PORTING_OUT").getList("portOuts.state"))
                .containsExactly("ACCEPTED");
    }
}
