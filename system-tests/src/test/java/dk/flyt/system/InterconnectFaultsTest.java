package dk.flyt.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.flyt.contracts.Topics;
import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.hub.HubMessageKind;
import dk.flyt.hubsim.Behaviour;
import dk.flyt.local.ServiceProcess;
import dk.flyt.testing.KafkaTestClient;
import dk.flyt.testing.TestData;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/**
 * The faults real interconnects have, over the running services and the hub simulator: each port has exactly one
 * effect and loses nothing, and the port case, the order and the account look right to the customer and to an agent
 * (R-PORT-04..07, R-COMP-02/03).
 */
class InterconnectFaultsTest extends OnTheStack {
    private Journey.PortIn ordered(String number) {
        String iccid = TestData.iccid();
        return j.orderPortIn(number, iccid, iccid);
    }

    /**
     * One port, one effect: the case complete for agent and customer alike, the order complete, one activation from
     * the day the port completed (R-PORT-05), one creation fee, and exactly the compensations expected.
     */
    private void exactlyOneEffect(Journey.PortIn p, Long... compensations) {
        JsonPath order = j.awaitOrder(p.orderId(), o -> "COMPLETED".equals(o.getString("status")), "completed");
        assertThat(j.orderAsCustomer(p.orderId(), p.customerId()).getString("status"))
                .isEqualTo("COMPLETED");
        JsonPath asAgent = j.awaitPortInCase(p.number(), "COMPLETED");
        JsonPath asCustomer = j.portInCaseAsCustomer(asAgent.getString("id"), p.customerId());
        assertThat(asCustomer.getString("state")).isEqualTo("COMPLETED");
        assertThat(asCustomer.getList("timeline.to")).isEqualTo(asAgent.getList("timeline.to"));
        LocalDate completedOn =
                LocalDate.ofInstant(Instant.parse(asAgent.getString("completedAt")), Journey.COPENHAGEN);

        String subscriptionId = order.getString("lines[0].subscriptionId");
        assertThat(j.subscription(subscriptionId).getString("activatedOn"))
                .as("active from the day every network routed the number (R-PORT-05)")
                .isEqualTo(completedOn.toString());
        assertThat(KafkaTestClient.all(
                        Topics.SUBSCRIPTION_EVENTS, "SubscriptionActivated", subscriptionId, Duration.ofSeconds(2)))
                .hasSize(1);
        assertThat(KafkaTestClient.all(
                        Topics.PORTING_EVENTS, "PortInCompleted", asAgent.getString("id"), Duration.ofSeconds(2)))
                .hasSize(1);

        var entries = j.awaitEntries(
                p.customerId(),
                e -> !Journey.ofKind(e, "FEE").isEmpty()
                        && Journey.ofKind(e, "COMPENSATION").size() >= compensations.length);
        ServiceProcess.sleep(1_000);
        entries = j.entries(p.customerId());
        assertThat(Journey.ofKind(entries, "FEE")).extracting(Journey::amount).containsExactly(-9_900L);
        assertThat(Journey.ofKind(entries, "COMPENSATION"))
                .extracting(Journey::amount)
                .containsExactlyInAnyOrder(compensations);
    }

    @Test
    void everyHubAnswerDeliveredThreeTimesHasOneEffect() {
        j.freshMonday();
        String number = TestData.mobileNumber();
        stack.hub.deliverEach(3);
        try {
            Journey.PortIn p = j.awaitScheduled(ordered(number));
            j.portDay(p);
            exactlyOneEffect(p);
            JsonPath c = j.portInCase(number);
            assertThat(c.getList("timeline.to"))
                    .as("one accept, one execution, one completion")
                    .containsSubsequence("REQUESTED", "SCHEDULED", "EXECUTING", "COMPLETED")
                    .filteredOn(s -> !"EXECUTING".equals(s))
                    .containsExactly("REQUESTED", "SCHEDULED", "COMPLETED");
        } finally {
            stack.hub.deliverEach(1);
        }
    }

    @Test
    void answersReorderedHaveOneEffect() {
        j.freshMonday();
        String number = TestData.mobileNumber();
        stack.hub.behaviour(number, Behaviour.OUT_OF_ORDER);
        Journey.PortIn p = j.awaitScheduled(ordered(number));
        j.portDay(p);
        exactlyOneEffect(p);
        assertThat(j.portInCase(number).getList("timeline.to"))
                .as("the 'delayed' that came after the accept changed nothing")
                .doesNotContain("ANSWER_DELAYED");
    }

    @Test
    void anAnswerArrivingAfterThePortingDayIsNotBackDatedAndThePortIsAskedForAgain() {
        j.freshMonday();
        String number = TestData.mobileNumber();
        stack.hub.behaviour(number, Behaviour.HOLD_ANSWER);
        Journey.PortIn p = ordered(number);
        HubMessage request = Journey.await(
                        () -> stack.hub.received(
                                m -> m.kind() == HubMessageKind.PORTING_REQUEST && number.equals(m.number())),
                        l -> !l.isEmpty(),
                        "the porting request")
                .getFirst();
        LocalDate asked = request.portDate();
        j.moveTo(asked.plusDays(1), LocalTime.of(10, 0));
        assertThat(stack.hub.releaseAnswers(request.dossierId())).isTrue();

        Journey.PortIn scheduled = j.awaitScheduled(p);
        assertThat(scheduled.portDate())
                .as("a legal day after today, never the past day the donor echoed")
                .isAfter(asked.plusDays(1));
        JsonPath c = j.portInCase(number);
        assertThat(c.getList("timeline.cause", String.class)).anyMatch(x -> x.contains("asked again for"));
        j.portDay(scheduled);
        exactlyOneEffect(scheduled);
        assertThat(j.timeline(p.orderId())).containsSubsequence("PORT_IN_SCHEDULED", "PORT_IN_COMPLETED");
    }

    @Test
    void theHubAnswering503ForSixtySecondsOfBusinessTimeMidFlightDelaysButLosesNothing() {
        j.freshMonday();
        String number = TestData.mobileNumber();
        Journey.PortIn p = j.awaitScheduled(ordered(number));
        String caseId = j.portInCase(number).getString("id");
        j.moveTo(p.portDate(), LocalTime.of(1, 59, 50));
        stack.hub.unavailableFor(Duration.ofSeconds(70));
        j.moveTo(p.portDate(), LocalTime.of(2, 0, 0));
        j.awaitPortInCase(number, "EXECUTING");
        ServiceProcess.sleep(3_000);
        assertThat(stack.hub.received(
                        m -> caseId.equals(m.dossierId()) && m.kind() == HubMessageKind.PORTING_PERFORMED))
                .as("the hub is down: nothing got through")
                .isEmpty();

        j.moveTo(p.portDate(), LocalTime.of(2, 1, 5));
        exactlyOneEffect(p);
        assertThat(stack.hub.received(
                        m -> caseId.equals(m.dossierId()) && m.kind() == HubMessageKind.PORTING_PERFORMED))
                .as("delivered once, after the outage")
                .hasSize(1);
        assertThat(j.subscription(j.order(p.orderId()).getString("lines[0].subscriptionId"))
                        .getString("activatedOn"))
                .isEqualTo(p.portDate().toString());
    }

    @Test
    void aRoutingConfirmationMissingForOneOperatorMakesADelayedPortCompensatedPerDay() {
        j.freshMonday();
        String number = TestData.mobileNumber();
        stack.hub.behaviour(number, Behaviour.PARTIAL_ROUTING).withhold(number, "TELENOR");
        Journey.PortIn p = j.awaitScheduled(ordered(number));
        j.moveTo(p.portDate(), LocalTime.of(2, 0, 30));
        JsonPath executing = Journey.await(
                () -> j.portInCase(number), c -> c.getMap("routing").size() == 2, "two networks route the number");
        assertThat(executing.getString("state")).isEqualTo("EXECUTING");
        assertThat(executing.getMap("routing")).containsOnlyKeys("TDC", "TELIA");

        j.moveTo(p.portDate().plusDays(1), LocalTime.of(0, 30));
        JsonPath delayed = j.awaitPortInCase(number, "DELAYED");
        assertThat(j.portInCaseAsCustomer(delayed.getString("id"), p.customerId())
                        .getString("state"))
                .isEqualTo("DELAYED");
        Journey.await(() -> j.timeline(p.orderId()), t -> t.contains("PORT_IN_DELAYED"), "the delay on the order");
        assertThat(j.order(p.orderId()).getString("lines[0].step")).isNotEqualTo("ACTIVE");

        j.moveTo(p.portDate().plusDays(1), LocalTime.of(10, 0));
        assertThat(stack.hub.releaseRouting(delayed.getString("id"))).isTrue();
        exactlyOneEffect(p, 5_000L);
        assertThat(j.timeline(p.orderId())).contains("PORT_IN_DELAYED", "COMPENSATION_GRANTED");
    }

    @Test
    void aPortNoNetworkRoutesIsAnInterruptionCompensatedOnTheAccountByCalendarDays() {
        j.freshMonday();
        String number = TestData.mobileNumber();
        stack.hub.behaviour(number, Behaviour.NO_ROUTING);
        Journey.PortIn p = j.awaitScheduled(ordered(number));
        j.moveTo(p.portDate(), LocalTime.of(2, 0, 30));
        j.awaitPortInCase(number, "EXECUTING");
        j.moveTo(p.portDate().plusDays(1), LocalTime.of(0, 30));
        JsonPath interrupted = j.awaitPortInCase(number, "INTERRUPTED");
        Journey.await(
                () -> j.timeline(p.orderId()), t -> t.contains("PORT_IN_INTERRUPTED"), "the interruption on the order");

        // every network routes two days later at 09:00: 55 hours without a connection, over three calendar days
        j.moveTo(p.portDate().plusDays(2), LocalTime.of(9, 0));
        assertThat(stack.hub.releaseRouting(interrupted.getString("id"))).isTrue();
        exactlyOneEffect(p, 10_000L);
        JsonNode granted = KafkaTestClient.first(
                Topics.PORTING_EVENTS, "PortInCompleted", interrupted.getString("id"), Journey.WAIT);
        assertThat(granted.get("number").asText()).isEqualTo(number);
        assertThat(j.entries(p.customerId()))
                .filteredOn(e -> "COMPENSATION".equals(e.get("kind")))
                .extracting(e -> String.valueOf(e.get("reason")))
                .singleElement()
                .asString()
                .containsIgnoringCase("interruption");
    }
}
