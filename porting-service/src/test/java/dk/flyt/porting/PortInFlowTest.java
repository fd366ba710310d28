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

import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.hub.HubMessageKind;
import dk.flyt.contracts.porting.PortingCommands.CancelPortIn;
import dk.flyt.contracts.porting.PortingCommands.RequestPortIn;
import dk.flyt.hubsim.Behaviour;
import dk.flyt.porting.application.PortInExecution;
import dk.flyt.testing.FlytTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Port-in end to end inside the porting service: commands over the real Kafka broker, the donor and hub played by
 * the simulator over HTTP (checking our OIDC token as the hub does), the real database. Shipped Monday 2 November
 * 2026: the earliest port date is Monday 9 November (R-PORT-02).
 */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class PortInFlowTest extends PortingFlowTest {
    private static final LocalDate SHIPPED = LocalDate.parse("2026-11-02");
    private static final LocalDate PORT_DATE = LocalDate.parse("2026-11-09");
    private static final String ICCID = "8945011234567890123";

    @Inject
    PortInExecution execution;

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

    private void settle() {
        await().pollDelay(Duration.ofSeconds(1)).atMost(Porting.WAIT).until(() -> true);
    }

    @Test
    void R_PORT_02_R_PORT_08_R_PORT_06_anAcceptedPortIsScheduledOnTheLegalDateAndCompletesWhenEveryNetworkRoutes() {
        int refusedBefore = hub.refusedTokens().size();
        String number = newNumber();
        String order = order();
        request(order, number, ICCID);

        JsonPath scheduled = awaitPortIn(number, "SCHEDULED");
        assertThat(scheduled.getString("portDate")).isEqualTo(PORT_DATE.toString());
        assertThat(scheduled.getString("donorOperator")).isEqualTo("TDC");
        String id = scheduled.getString("id");
        assertThat(types(eventsUntil(id, "PortInScheduled"))).containsExactly("PortInRequested", "PortInScheduled");
        HubMessage sent = hub.received(m -> id.equals(m.dossierId())).getFirst();
        assertThat(sent.recipient())
                .as("the donor was fixed from the hub's number register before the request left")
                .isEqualTo("TDC");

        clock.set(copenhagen("2026-11-09T01:59"));
        settle();
        assertThat(portIn(number).getString("[0].state"))
                .as("not before 02:00 (R-PORT-08)")
                .isEqualTo("SCHEDULED");

        clock.set(copenhagen("2026-11-09T02:00"));
        JsonPath completed = awaitPortIn(number, "COMPLETED");
        assertThat(completed.getList("timeline.to"))
                .as("each network's routing is on the timeline; the last one completes the port")
                .containsSubsequence("REQUESTED", "SCHEDULED", "EXECUTING", "COMPLETED");
        assertThat(completed.getList("timeline.cause", String.class))
                .anyMatch(c -> c.startsWith("TDC routes"))
                .anyMatch(c -> c.startsWith("every operator routes"));
        assertThat(types(eventsUntil(id, "PortInCompleted"))).endsWith("PortInCompleted");
        assertThat(hub.received(m -> id.equals(m.dossierId())))
                .extracting(HubMessage::kind)
                .containsExactly(HubMessageKind.PORTING_REQUEST, HubMessageKind.PORTING_PERFORMED);
        assertThat(hub.refusedTokens()
                        .subList(refusedBefore, hub.refusedTokens().size()))
                .as("every call carried a valid hub token")
                .isEmpty();
    }

    @Test
    void R_PORT_01_R_PORT_02_aRejectedPortResubmittedLaterAsksForADateReckonedFromToday() {
        String number = newNumber();
        hub.subscriber(number, ICCID);
        String order = order();
        request(order, number, "8945019999999999999");

        JsonPath rejected = awaitPortIn(number, "REJECTED");
        assertThat(rejected.getString("rejectCode")).isEqualTo("ICCID_MISMATCH");
        String id = rejected.getString("id");
        assertThat(eventsUntil(id, "PortInRejected").getLast().value()).contains("ICCID_MISMATCH");

        // the agent corrects it on Friday the 20th, long after the shipment's ASAP date (the 9th)
        clock.set(copenhagen("2026-11-20T10:00"));
        request(order, number, ICCID);
        JsonPath scheduled = awaitPortIn(number, "SCHEDULED");
        assertThat(scheduled.getString("id")).as("the same case, resubmitted").isEqualTo(id);
        assertThat(scheduled.getString("portDate"))
                .as("the next porting day from today, not the shipment's past date")
                .isEqualTo("2026-11-23");
        assertThat(scheduled.getList("timeline.to"))
                .containsSubsequence("REQUESTED", "REJECTED", "REQUESTED", "SCHEDULED");
        assertThat(hub.received(m -> id.equals(m.dossierId()) && m.kind() == HubMessageKind.PORTING_REQUEST))
                .extracting(HubMessage::portDate)
                .containsExactly(PORT_DATE, LocalDate.parse("2026-11-23"));
    }

    @Test
    void R_PORT_07_aLaterDateFromTheDonorIsRefusedAndShownAndTheCaseWaitsForAProperAnswer() {
        String number = newNumber();
        hub.behaviour(number, Behaviour.PROPOSE_LATER_DATE);
        request(order(), number, ICCID);
        await().atMost(Porting.WAIT).until(() -> portIn(number).getList("[0].timeline.cause", String.class).stream()
                .anyMatch(c -> c.contains("refused")));
        JsonPath waiting = portIn(number).setRootPath("[0]");
        String id = waiting.getString("id");
        assertThat(waiting.getString("state")).isEqualTo("REQUESTED");
        assertThat(waiting.getString("portDate")).isNull();
        assertThat(waiting.getList("timeline.cause", String.class))
                .anyMatch(c -> c.contains("2026-11-16") && c.contains("R-PORT-07"));
        await().atMost(Porting.WAIT)
                .until(() -> !hub.received(m -> m.kind() == HubMessageKind.ERROR && id.equals(m.dossierId()))
                        .isEmpty());
        HubMessage error = hub.received(m -> m.kind() == HubMessageKind.ERROR && id.equals(m.dossierId()))
                .getFirst();
        assertThat(error.code()).isEqualTo(HubMessage.Codes.INVALID_PORT_DATE);
        assertThat(error.recipient()).isEqualTo("TDC");

        // the donor answers properly now
        HubMessage accept = hub.message(
                HubMessageKind.PORTING_ANSWER,
                "TDC",
                "FLYT",
                id,
                number,
                null,
                PORT_DATE,
                HubMessage.Answer.ACCEPT,
                null,
                null);
        assertThat(hub.deliver(accept)).isEqualTo(202);
        assertThat(awaitPortIn(number, "SCHEDULED").getString("portDate")).isEqualTo(PORT_DATE.toString());
    }

    @Test
    void R_PORT_04_anAnswerArrivingAfterThePortingDayMakesUsAskAgainForALegalDate() {
        String number = newNumber();
        hub.behaviour(number, Behaviour.HOLD_ANSWER);
        request(order(), number, ICCID);
        await().atMost(Porting.WAIT)
                .until(() -> !hub.received(m -> number.equals(m.number()) && m.kind() == HubMessageKind.PORTING_REQUEST)
                        .isEmpty());
        String id = portIn(number).getString("[0].id");

        clock.set(copenhagen("2026-11-09T10:00")); // the asked-for day, after the run
        assertThat(hub.releaseAnswers(id)).isTrue();
        JsonPath scheduled = awaitPortIn(number, "SCHEDULED");
        assertThat(scheduled.getString("portDate"))
                .as("never the past date the donor echoed")
                .isEqualTo("2026-11-10");
        assertThat(scheduled.getList("timeline.to")).containsExactly("REQUESTED", "REQUESTED", "SCHEDULED");
    }

    @Test
    void R_PORT_04_theRunNeverExecutesOnAWeekendAndALateExecutionCountsDelayFromTheAgreedDate() {
        String number = newNumber();
        hub.behaviour(number, Behaviour.PARTIAL_ROUTING).withhold(number, "TELENOR");
        String order = order();
        request(order, number, ICCID);
        awaitPortIn(number, "SCHEDULED");

        // the service was down all Monday the 9th; it is back on Saturday the 14th
        clock.set(copenhagen("2026-11-14T09:00"));
        settle();
        assertThat(portIn(number).getString("[0].state"))
                .as("Saturday is no porting day")
                .isEqualTo("SCHEDULED");

        clock.set(copenhagen("2026-11-16T02:00"));
        awaitPortIn(number, "EXECUTING");
        String id = portIn(number).getString("[0].id");
        clock.set(copenhagen("2026-11-16T12:00"));
        releaseRouting(id);
        awaitPortIn(number, "COMPLETED");
        Map<String, Object> grant = Porting.awaitCompensation("cust-" + order, "DELAYED_PORT");
        assertThat(grant.get("amount"))
                .as("agreed for the 9th, working on the 16th: 7 calendar days, 50 kr + 6 x 5 kr")
                .isEqualTo(8000);
    }

    @Test
    void R_PORT_06_R_COMP_02_aPortSomeNetworksRouteByTheEndOfTheDayIsDelayedAndCompensatedPerDay() {
        String number = newNumber();
        hub.behaviour(number, Behaviour.PARTIAL_ROUTING).withhold(number, "TELENOR");
        String order = order();
        request(order, number, ICCID);
        String id = awaitPortIn(number, "SCHEDULED").getString("id");

        clock.set(copenhagen("2026-11-09T02:00"));
        await().atMost(Porting.WAIT).until(() -> portIn(number).getList("[0].timeline.cause", String.class).stream()
                .anyMatch(c -> c.startsWith("TELIA routes")));
        assertThat(portIn(number).getString("[0].state"))
                .as("still executing on the porting day")
                .isEqualTo("EXECUTING");

        clock.set(copenhagen("2026-11-10T00:30"));
        JsonPath delayed = awaitPortIn(number, "DELAYED");
        assertThat(delayed.getList("timeline.cause", String.class)).anyMatch(c -> c.contains("not by every operator"));
        assertThat(types(eventsUntil(id, "PortInDelayed"))).contains("PortInDelayed");

        clock.set(copenhagen("2026-11-11T10:00"));
        releaseRouting(id);
        awaitPortIn(number, "COMPLETED");
        Map<String, Object> grant = Porting.awaitCompensation("cust-" + order, "DELAYED_PORT");
        assertThat(grant.get("amount")).as("2 days late: 50 kr + 5 kr").isEqualTo(5500);
        settle();
        assertThat(Porting.compensations("cust-" + order))
                .as("no interruption: some networks routed all along")
                .hasSize(1);
    }

    @Test
    void R_PORT_06_R_COMP_03_aPortNoNetworkRoutesIsAnInterruptionCompensatedByCalendarDays() {
        String number = newNumber();
        hub.behaviour(number, Behaviour.NO_ROUTING);
        String order = order();
        request(order, number, ICCID);
        String id = awaitPortIn(number, "SCHEDULED").getString("id");

        clock.set(copenhagen("2026-11-09T02:00"));
        awaitPortIn(number, "EXECUTING");
        clock.set(copenhagen("2026-11-10T00:05"));
        awaitPortIn(number, "INTERRUPTED");
        assertThat(types(eventsUntil(id, "PortInInterrupted"))).contains("PortInInterrupted");

        // every network routes on Wednesday the 11th at 01:00: 47 hours without a connection, three calendar days
        clock.set(copenhagen("2026-11-11T01:00"));
        releaseRouting(id);
        awaitPortIn(number, "COMPLETED");
        Map<String, Object> grant = Porting.awaitCompensation("cust-" + order, "INTERRUPTION");
        assertThat(grant.get("amount"))
                .as("over 24 hours: 50 kr, and 50 kr for the following calendar day (24-hour periods would give 50 kr)")
                .isEqualTo(10000);
        settle();
        assertThat(Porting.compensations("cust-" + order))
                .as("without any connection it is an interruption, not also a delay")
                .extracting(c -> c.get("kind"))
                .containsExactly("INTERRUPTION");
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

        settle();
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
        settle();
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
        assertThat(awaitPortIn(number, "SCHEDULED").getString("portDate"))
                .as("after today's run: tomorrow")
                .isEqualTo("2026-11-10");
        clock.set(copenhagen("2026-11-10T02:00"));

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
    void R_PORT_08_twoReplicasRunningThePortingDayTogetherExecuteEachPortOnce() throws Exception {
        List<String> numbers = IntStream.range(0, 6).mapToObj(i -> newNumber()).toList();
        for (String number : numbers) {
            hub.behaviour(number, Behaviour.NO_ROUTING);
            request(order(), number, ICCID);
        }
        for (String number : numbers) {
            awaitPortIn(number, "SCHEDULED");
        }
        clock.set(copenhagen("2026-11-09T02:00"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(execution::executeDue);
            var b = pool.submit(execution::executeDue);
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
            hub.releaseRouting(id);
        }
    }

    /**
     * The case is EXECUTING as soon as we have queued the execution; the hub holds the routing it withholds only once
     * our hub outbox has delivered it, so wait for that instead of racing it.
     */
    private void releaseRouting(String id) {
        org.awaitility.Awaitility.await("the hub holds the routing of " + id)
                .atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> hub.releaseRouting(id));
    }
}
