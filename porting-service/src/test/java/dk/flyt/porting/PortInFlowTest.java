package dk.flyt.porting;

import static dk.flyt.porting.Porting.awaitPortIn;
import static dk.flyt.porting.Porting.command;
import static dk.flyt.porting.Porting.copenhagen;
import static dk.flyt.porting.Porting.eventsUntil;
import static dk.flyt.porting.Porting.newNumber;
import static dk.flyt.porting.Porting.portIn;
import static dk.flyt.porting.Porting.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.flyt.contracts.Topics;
import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.hub.HubMessageKind;
import dk.flyt.contracts.porting.PortingCommands.CancelPortIn;
import dk.flyt.contracts.porting.PortingCommands.RequestPortIn;
import dk.flyt.hubsim.Behaviour;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Port-in end to end inside the porting service: commands over the real Kafka broker, the donor and hub played by
 * the simulator over HTTP, the real database. Shipped Monday 2 November 2026: the earliest port date is Monday 9
 * November (R-PORT-02).
 */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class PortInFlowTest extends PortingFlowTest {
    private static final LocalDate SHIPPED = LocalDate.parse("2026-11-02");
    private static final LocalDate PORT_DATE = LocalDate.parse("2026-11-09");
    private static final String ICCID = "8945011234567890123";

    private String order() {
        return "order-" + UUID.randomUUID();
    }

    private void request(String order, String number, String iccid) {
        command(
                json,
                "RequestPortIn",
                order,
                new RequestPortIn(order, "1", "cust-" + order, number, iccid, "ASAP", null, SHIPPED));
    }

    @Test
    void R_PORT_02_R_PORT_08_R_PORT_06_anAcceptedPortIsScheduledOnTheLegalDateAndCompletesAtTheSetTime() {
        String number = newNumber();
        String order = order();
        request(order, number, ICCID);

        JsonPath scheduled = awaitPortIn(number, "SCHEDULED");
        assertThat(scheduled.getString("portDate")).isEqualTo(PORT_DATE.toString());
        assertThat(scheduled.getString("donorOperator")).isEqualTo("TDC");
        String id = scheduled.getString("id");
        assertThat(types(eventsUntil(id, "PortInScheduled"))).containsExactly("PortInRequested", "PortInScheduled");

        clock.set(copenhagen("2026-11-09T01:59"));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Porting.WAIT).until(() -> true);
        assertThat(portIn(number).getString("[0].state"))
                .as("not before 02:00 (R-PORT-08)")
                .isEqualTo("SCHEDULED");
        assertThat(hub.received(m -> id.equals(m.dossierId()) && m.kind() == HubMessageKind.PORTING_PERFORMED))
                .isEmpty();

        clock.set(copenhagen("2026-11-09T02:00"));
        JsonPath completed = awaitPortIn(number, "COMPLETED");
        assertThat(completed.getList("timeline.to"))
                .containsExactly("REQUESTED", "SCHEDULED", "EXECUTING", "COMPLETED");
        assertThat(types(eventsUntil(id, "PortInCompleted"))).endsWith("PortInCompleted");
        assertThat(hub.received(m -> id.equals(m.dossierId())))
                .extracting(HubMessage::kind)
                .containsExactly(HubMessageKind.PORTING_REQUEST, HubMessageKind.PORTING_PERFORMED);
    }

    @Test
    void R_PORT_01_aRejectedPortReportsTheDonorsReasonAndCorrectedDataCompletesIt() {
        String number = newNumber();
        hub.subscriber(number, ICCID);
        String order = order();
        request(order, number, "8945019999999999999");

        JsonPath rejected = awaitPortIn(number, "REJECTED");
        assertThat(rejected.getString("rejectCode")).isEqualTo("ICCID_MISMATCH");
        String id = rejected.getString("id");
        assertThat(eventsUntil(id, "PortInRejected").getLast().value()).contains("ICCID_MISMATCH");

        request(order, number, ICCID);
        JsonPath scheduled = awaitPortIn(number, "SCHEDULED");
        assertThat(scheduled.getString("id")).as("the same case, resubmitted").isEqualTo(id);
        assertThat(scheduled.getList("timeline.to")).containsExactly("REQUESTED", "REJECTED", "REQUESTED", "SCHEDULED");
    }

    @Test
    void R_WDR_05_aCancelledPortInSendsTheCancelToTheDonor() {
        String number = newNumber();
        String order = order();
        request(order, number, ICCID);
        String id = awaitPortIn(number, "SCHEDULED").getString("id");

        command(json, "CancelPortIn", order, new CancelPortIn(order, "1", "withdrawal"));

        awaitPortIn(number, "CANCELLED");
        await().atMost(Porting.WAIT)
                .until(() -> !hub.received(m -> id.equals(m.dossierId()) && m.kind() == HubMessageKind.CANCEL)
                        .isEmpty());
        HubMessage cancel = hub.received(m -> id.equals(m.dossierId()) && m.kind() == HubMessageKind.CANCEL)
                .getFirst();
        assertThat(cancel.recipient()).isEqualTo("TDC");
        assertThat(types(eventsUntil(id, "PortInCancelled"))).contains("PortInCancelled");
    }

    @Test
    void anAnswerDeliveredTwiceHasOneEffect() {
        String number = newNumber();
        hub.behaviour(number, Behaviour.ANSWER_TWICE);
        request(order(), number, ICCID);
        String id = awaitPortIn(number, "SCHEDULED").getString("id");
        await().atMost(Porting.WAIT)
                .until(() -> hub.delivered().stream()
                                .filter(m -> id.equals(m.dossierId()))
                                .count()
                        == 2);

        // the same message id once more, as a hub retry would
        HubMessage first = hub.delivered().stream()
                .filter(m -> id.equals(m.dossierId()))
                .findFirst()
                .orElseThrow();
        assertThat(hub.deliver(first)).isEqualTo(202);

        await().pollDelay(Duration.ofSeconds(1)).atMost(Porting.WAIT).until(() -> true);
        assertThat(portIn(number).getList("[0].timeline.to")).containsExactly("REQUESTED", "SCHEDULED");
        assertThat(types(eventsUntil(id, "PortInScheduled"))).containsExactly("PortInRequested", "PortInScheduled");
    }

    @Test
    void aLateAnswerIsWaitedFor() {
        String number = newNumber();
        hub.behaviour(number, Behaviour.ANSWER_LATE).lateness(Duration.ofSeconds(2));
        request(order(), number, ICCID);
        awaitPortIn(number, "ANSWER_DELAYED");
        JsonPath scheduled = awaitPortIn(number, "SCHEDULED");
        assertThat(scheduled.getList("timeline.to")).containsExactly("REQUESTED", "ANSWER_DELAYED", "SCHEDULED");
    }

    @Test
    void answersOutOfOrderHaveOneEffectEach() {
        String number = newNumber();
        hub.behaviour(number, Behaviour.OUT_OF_ORDER);
        request(order(), number, ICCID);
        String id = awaitPortIn(number, "SCHEDULED").getString("id");
        await().pollDelay(Duration.ofSeconds(1)).atMost(Porting.WAIT).until(() -> true);
        assertThat(portIn(number).getList("[0].timeline.to"))
                .as("the stale 'delayed' after the accept changes nothing")
                .containsExactly("REQUESTED", "SCHEDULED");
        assertThat(types(eventsUntil(id, "PortInScheduled"))).doesNotContain("PortInAnswerDelayed");
    }

    @Test
    void R_PORT_06_aCompletionBroadcastBeforeTheAcceptWaitsAndThenAppliesOnce() {
        clock.set(copenhagen("2026-11-09T03:00"));
        String number = newNumber();
        hub.behaviour(number, Behaviour.ANSWER_LATE).lateness(Duration.ofSeconds(3));
        command(
                json,
                "RequestPortIn",
                "o-" + number,
                new RequestPortIn(
                        "o-" + number, "1", "cust-ooo", number, ICCID, "ASAP", null, LocalDate.parse("2026-11-03")));
        String id = awaitPortIn(number, "ANSWER_DELAYED").getString("id");

        hub.broadcastPerformed(id, number, "FLYT");

        JsonPath completed = awaitPortIn(number, "COMPLETED");
        assertThat(completed.getList("timeline.to"))
                .startsWith("REQUESTED", "ANSWER_DELAYED", "SCHEDULED")
                .endsWith("COMPLETED");
        assertThat(types(eventsUntil(id, "PortInCompleted")).stream().filter("PortInCompleted"::equals))
                .hasSize(1);
    }

    @Test
    void aHubOutageDelaysButLosesNothing() {
        String number = newNumber();
        hub.failNextFor(number, 3);
        request(order(), number, ICCID);
        String id = awaitPortIn(number, "SCHEDULED").getString("id");
        assertThat(hub.received(m -> id.equals(m.dossierId()) && m.kind() == HubMessageKind.PORTING_REQUEST))
                .as("delivered exactly once after the outage")
                .hasSize(1);
    }

    @Test
    void R_PORT_07_R_COMP_02_aPortNotWorkingByTheEndOfTheDayIsDelayedAndCompensatedPerDay() throws Exception {
        String number = newNumber();
        hub.behaviour(number, Behaviour.COMPLETE_LATE);
        request(order(), number, ICCID);
        String id = awaitPortIn(number, "SCHEDULED").getString("id");

        clock.set(copenhagen("2026-11-09T02:00"));
        awaitPortIn(number, "EXECUTING");
        clock.set(copenhagen("2026-11-10T00:30"));
        awaitPortIn(number, "DELAYED");
        assertThat(types(eventsUntil(id, "PortInDelayed"))).contains("PortInDelayed");

        clock.set(copenhagen("2026-11-11T10:00"));
        assertThat(hub.releaseCompletion(id)).isTrue();
        awaitPortIn(number, "COMPLETED");
        var granted = eventsUntil(id, "PortInCompleted");
        assertThat(types(granted)).contains("PortInCompleted");
        var credit = KafkaTestClient.readUntil(
                        Topics.PORTING_EVENTS,
                        r -> r.value().contains(id)
                                && "CompensationGranted".equals(KafkaTestClient.header(r, "ce_type")),
                        Porting.WAIT)
                .getLast();
        JsonNode granted2 = json.readTree(credit.value());
        assertThat(granted2.get("amountOre").asLong())
                .as("2 days late: 50 kr + 5 kr")
                .isEqualTo(5500);
        assertThat(granted2.get("kind").asText()).isEqualTo("DELAYED_PORT");
        assertThat(granted2.get("customerId").asText()).startsWith("cust-");
    }

    @Test
    void aMessageThatCannotBeProcessedIsReportedBackToItsSender() {
        HubMessage stray = hub.message(
                HubMessageKind.PORTING_ANSWER,
                "TDC",
                "FLYT",
                UUID.randomUUID().toString(),
                newNumber(),
                null,
                PORT_DATE,
                HubMessage.Answer.ACCEPT,
                null,
                null);
        assertThat(hub.deliver(stray)).as("acknowledged first, processed after").isEqualTo(202);

        await().atMost(Porting.WAIT)
                .until(() -> !hub.received(m -> stray.messageId().equals(m.inReplyTo()))
                        .isEmpty());
        HubMessage error =
                hub.received(m -> stray.messageId().equals(m.inReplyTo())).getFirst();
        assertThat(error.kind()).isEqualTo(HubMessageKind.ERROR);
        assertThat(error.recipient()).isEqualTo("TDC");
        assertThat(error.code()).isEqualTo(HubMessage.Codes.UNKNOWN_DOSSIER);
    }

    @Inject
    dk.flyt.porting.application.PortInService portIns;

    @Test
    void R_PORT_08_twoReplicasRunningThePortingDayTogetherExecuteEachPortOnce() throws Exception {
        java.util.List<String> numbers = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> newNumber())
                .toList();
        for (String number : numbers) {
            hub.behaviour(number, Behaviour.COMPLETE_LATE);
            request(order(), number, ICCID);
        }
        for (String number : numbers) {
            awaitPortIn(number, "SCHEDULED");
        }
        clock.set(copenhagen("2026-11-09T02:00"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(portIns::executeDue);
            var b = pool.submit(portIns::executeDue);
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
        for (String number : numbers) {
            JsonPath c = awaitPortIn(number, "EXECUTING");
            assertThat(c.getList("timeline.to")).containsExactly("REQUESTED", "SCHEDULED", "EXECUTING");
            String id = c.getString("id");
            await().atMost(Porting.WAIT).until(() -> !hub.received(
                            m -> id.equals(m.dossierId()) && m.kind() == HubMessageKind.PORTING_PERFORMED)
                    .isEmpty());
            await().pollDelay(Duration.ofMillis(500)).atMost(Porting.WAIT).until(() -> true);
            assertThat(hub.received(m -> id.equals(m.dossierId()) && m.kind() == HubMessageKind.PORTING_PERFORMED))
                    .hasSize(1);
            hub.releaseCompletion(id);
        }
    }
}
