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
import dk.flyt.testing.Tokens;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One test per saga outcome, over the three services as separate processes, real PostgreSQL, Kafka and OIDC, and
 * the porting hub simulator. Each asserts what the customer, the agent and the account see.
 */
class SagaOutcomesTest extends OnTheStack {
    @Test
    void portInHappyPathThroughToTheFirstChargeWithTheRightProRata() {
        j.freshMonday();
        String iccid = TestData.iccid();
        Journey.PortIn p = j.awaitScheduled(j.orderPortIn(TestData.mobileNumber(), iccid, iccid));
        JsonPath o = j.portDay(p);
        assertThat(o.getString("status")).isEqualTo("COMPLETED");
        String subscriptionId = o.getString("lines[0].subscriptionId");

        JsonPath asCustomer = j.orderAsCustomer(p.orderId(), p.customerId());
        assertThat(asCustomer.getString("status")).isEqualTo("COMPLETED");
        JsonPath sub = j.subscription(subscriptionId);
        assertThat(sub.getString("status")).isEqualTo("ACTIVE");
        assertThat(sub.getString("activatedOn")).isEqualTo(p.portDate().toString());
        assertThat(j.timeline(p.orderId()))
                .containsSubsequence(
                        "ORDER_APPROVED",
                        "SIM_SHIPPED",
                        "PORT_IN_REQUESTED",
                        "PORT_IN_SCHEDULED",
                        "PORT_IN_COMPLETED",
                        "SUBSCRIPTION_ACTIVATED");

        YearMonth next = YearMonth.from(p.portDate()).plusMonths(1);
        j.moveTo(next.atDay(1), LocalTime.of(3, 0));
        j.chargeRun(next);
        var entries =
                j.awaitEntries(p.customerId(), e -> Journey.ofKind(e, "CHARGE").size() >= 2);
        assertThat(Journey.ofKind(entries, "FEE")).extracting(Journey::amount).containsExactly(-9_900L);
        assertThat(Journey.chargesByMonth(entries))
                .as("R-BILL-02: the rest of the port month by days, and the next month in advance")
                .containsExactly(
                        Map.entry(
                                YearMonth.from(p.portDate()).atDay(1).toString(),
                                -Journey.restOfMonth(9_900, p.portDate())),
                        Map.entry(next.atDay(1).toString(), -9_900L));
        assertThat(j.balance(p.customerId())).isEqualTo(-9_900 - Journey.restOfMonth(9_900, p.portDate()) - 9_900);
    }

    @Test
    void theDonorRejectsAWrongIccidAnAgentCorrectsItAndThePortCompletes() {
        j.freshMonday();
        String right = TestData.iccid();
        Journey.PortIn p = j.orderPortIn(TestData.mobileNumber(), right, TestData.iccid());
        JsonPath rejected =
                j.awaitOrder(p.orderId(), x -> "ACTION_REQUIRED".equals(x.getString("status")), "action required");
        assertThat(rejected.getString("lines[0].step")).isEqualTo("PORT_REJECTED");
        assertThat(rejected.getString("lines[0].rejectCode")).isEqualTo(HubMessage.Codes.ICCID_MISMATCH);
        assertThat(j.orderAsCustomer(p.orderId(), p.customerId()).getBoolean("lines[0].actionRequired"))
                .isTrue();

        j.agentOn(stack.subscription, p.customerId())
                .body(Map.of("donorIccid", right))
                .when()
                .post("/api/v1/orders/{o}/lines/{l}/port-in-correction", p.orderId(), p.lineId())
                .then()
                .statusCode(200);
        p = j.awaitScheduled(p);
        JsonPath o = j.portDay(p);
        assertThat(o.getString("status")).isEqualTo("COMPLETED");
        assertThat(j.timeline(p.orderId()))
                .containsSubsequence("PORT_IN_REJECTED", "PORT_IN_CORRECTED", "PORT_IN_SCHEDULED", "PORT_IN_COMPLETED");
        String subscriptionId = o.getString("lines[0].subscriptionId");
        assertThat(j.subscription(subscriptionId).getString("status")).isEqualTo("ACTIVE");
    }

    @Test
    void withdrawalBeforeThePortCancelsItAtTheDonorAndRefundsEverything() {
        j.freshMonday();
        String iccid = TestData.iccid();
        Journey.PortIn p = j.awaitScheduled(j.orderPortIn(TestData.mobileNumber(), iccid, iccid));
        j.awaitEntries(p.customerId(), e -> !Journey.ofKind(e, "FEE").isEmpty());

        j.as(stack.subscription, Tokens.customer(p.customerId()))
                .body("{}")
                .when()
                .post("/api/v1/orders/{id}/withdrawal", p.orderId())
                .then()
                .statusCode(200);
        Journey.await(
                () -> stack.hub.received(
                        m -> m.kind() == HubMessageKind.CANCEL && p.number().equals(m.number())),
                l -> !l.isEmpty(),
                "the donor's cancel");
        assertThat(j.orderAsCustomer(p.orderId(), p.customerId()).getString("status"))
                .isEqualTo("WITHDRAWN");
        var entries =
                j.awaitEntries(p.customerId(), e -> !Journey.ofKind(e, "REFUND").isEmpty());
        assertThat(Journey.ofKind(entries, "REFUND"))
                .extracting(Journey::amount)
                .containsExactly(9_900L);
        assertThat(j.balance(p.customerId())).isZero();
        // the porting day passes and nothing is ported
        j.moveTo(p.portDate(), LocalTime.of(3, 0));
        ServiceProcess.sleep(2_000);
        assertThat(stack.hub.received(m -> m.kind() == HubMessageKind.PORTING_PERFORMED
                        && p.number().equals(m.number())))
                .isEmpty();
        assertThat(j.timeline(p.orderId())).contains("PORT_IN_CANCEL_REQUESTED", "PORT_IN_CANCELLED", "REFUND_DUE");
    }

    @Test
    void withdrawalAfterThePortOpensThePortOutWindowAndTheNumberGoesToQuarantine() {
        j.freshMonday();
        String iccid = TestData.iccid();
        Journey.PortIn p = j.awaitScheduled(j.orderPortIn(TestData.mobileNumber(), iccid, iccid));
        j.portDay(p);
        j.moveTo(p.portDate().plusDays(1), LocalTime.of(10, 0));
        j.agentOn(stack.subscription, p.customerId())
                .body("{}")
                .when()
                .post("/api/v1/orders/{id}/withdrawal", p.orderId())
                .then()
                .statusCode(200);
        JsonPath window = Journey.await(
                () -> j.number(p.number()), n -> "WINDOW".equals(n.getString("status")), "port-out window");
        assertThat(window.getString("windowUntil"))
                .isEqualTo(p.portDate().plusDays(14).toString());
        j.moveTo(p.portDate().plusDays(15), LocalTime.of(9, 0));
        JsonPath quarantined = Journey.await(
                () -> j.number(p.number()), n -> "QUARANTINED".equals(n.getString("status")), "quarantine");
        assertThat(quarantined.getString("quarantineUntil")).isNotNull();
        assertThat(j.orderAsCustomer(p.orderId(), p.customerId()).getString("status"))
                .isEqualTo("WITHDRAWN");
        j.awaitEntries(p.customerId(), e -> !Journey.ofKind(e, "REFUND").isEmpty());
    }

    @Test
    void aPortSomeNetworksRouteLateIsCompensatedForTheDaysLateOnTheAccount() {
        j.freshMonday();
        String iccid = TestData.iccid();
        String number = TestData.mobileNumber();
        stack.hub.behaviour(number, Behaviour.PARTIAL_ROUTING);
        Journey.PortIn p = j.awaitScheduled(j.orderPortIn(number, iccid, iccid));
        j.moveTo(p.portDate(), LocalTime.of(2, 0, 30));
        HubMessage performed = Journey.await(
                        () -> stack.hub.received(
                                m -> m.kind() == HubMessageKind.PORTING_PERFORMED && number.equals(m.number())),
                        l -> !l.isEmpty(),
                        "the execution request")
                .get(0);
        j.moveTo(p.portDate().plusDays(1), LocalTime.of(0, 30));
        Journey.await(() -> j.timeline(p.orderId()), t -> t.contains("PORT_IN_DELAYED"), "the delay");
        j.moveTo(p.portDate().plusDays(3), LocalTime.of(10, 0));
        assertThat(stack.hub.releaseRouting(performed.dossierId())).isTrue();
        j.awaitOrder(p.orderId(), x -> "ACTIVE".equals(x.getString("lines[0].step")), "active");
        var entries = j.awaitEntries(
                p.customerId(), e -> !Journey.ofKind(e, "COMPENSATION").isEmpty());
        // R-COMP-02: 3 days late = 50 kr for the first day and 5 kr for each of the two more
        assertThat(Journey.ofKind(entries, "COMPENSATION"))
                .extracting(Journey::amount)
                .containsExactly(6_000L);
        assertThat(j.timeline(p.orderId())).contains("PORT_IN_DELAYED", "COMPENSATION_GRANTED");
    }

    @Test
    void aPortOutDuringBindingIsExecutedEndsTheSubscriptionAndSettlesWithTheBindingFees() {
        LocalDate monday = j.freshMonday();
        String simIccid = TestData.iccid();
        JsonPath o = j.place(List.of(Journey.newNumber("MOBILE_10GB", 6)));
        String customer = o.getString("customerId");
        String subscriptionId = o.getString("lines[0].subscriptionId");
        String number = o.getString("lines[0].number");
        j.ship(o.getString("id"), o.getString("lines[0].id"), simIccid);
        j.firstUse(subscriptionId);
        assertThat(j.subscription(subscriptionId).getString("bindingEndsOn"))
                .isEqualTo(monday.plusMonths(6).toString());
        Journey.await(() -> j.number(number), n -> "ACTIVE".equals(n.getString("status")), "number registered");

        String dossier = stack.hub.requestPortOut("TELIA", number, simIccid, monday.plusDays(8));
        HubMessage answer = Journey.await(
                        () -> stack.hub.received(
                                m -> m.kind() == HubMessageKind.PORTING_ANSWER && dossier.equals(m.dossierId())),
                        l -> !l.isEmpty(),
                        "our answer to the port-out")
                .get(0);
        assertThat(answer.answer()).as("never refused for binding").isEqualTo(HubMessage.Answer.ACCEPT);
        LocalDate portDate = answer.portDate();
        j.moveTo(portDate, LocalTime.of(2, 0, 30));
        stack.hub.broadcastPerformed(dossier, number, "TELIA");
        JsonPath ended = Journey.await(
                () -> j.subscription(subscriptionId), s -> "ENDED".equals(s.getString("status")), "ended");
        assertThat(ended.getString("endReason")).isEqualTo("PORTED_OUT");
        assertThat(ended.getString("endedOn")).isEqualTo(portDate.toString());

        var entries = j.awaitEntries(customer, e -> e.stream()
                .anyMatch(x -> String.valueOf(x.get("reason")).startsWith("Remaining binding")));
        long bindingFees = entries.stream()
                .filter(x -> String.valueOf(x.get("reason")).startsWith("Remaining binding"))
                .mapToLong(Journey::amount)
                .sum();
        assertThat(bindingFees).isNegative();
        // far more than 25 kr is owed, so nothing is written off (R-BILL-07)
        assertThat(Journey.ofKind(entries, "SETTLEMENT")).isEmpty();
        JsonNode settled = awaitEvent(Topics.BILLING_EVENTS, "AccountSettled", customer);
        assertThat(settled.get("balanceOre").asLong()).isEqualTo(j.balance(customer));
    }

    @Test
    void aPlanChangeMidMonthTakesEffectAtTheMonthChangeAndTheNextRunChargesTheNewPrice() {
        j.freshMonday();
        JsonPath o = j.place(List.of(Journey.newNumber("MOBILE_100GB", 0)));
        String customer = o.getString("customerId");
        String subscriptionId = o.getString("lines[0].subscriptionId");
        j.ship(o.getString("id"), o.getString("lines[0].id"), TestData.iccid());
        j.firstUse(subscriptionId);
        YearMonth first = YearMonth.from(j.today()).plusMonths(1);
        j.moveTo(first.atDay(1), LocalTime.of(3, 0));
        j.chargeRun(first);

        j.moveTo(first.atDay(15), LocalTime.of(12, 0));
        j.as(stack.subscription, Tokens.customer(customer))
                .body(Map.of("planCode", "MOBILE_10GB"))
                .when()
                .post("/api/v1/subscriptions/{id}/plan-changes", subscriptionId)
                .then()
                .statusCode(201)
                .body(
                        "effectiveOn",
                        org.hamcrest.Matchers.equalTo(
                                first.plusMonths(1).atDay(1).toString()));
        assertThat(j.subscription(subscriptionId).getString("plan")).isEqualTo("MOBILE_100GB");

        YearMonth second = first.plusMonths(1);
        j.moveTo(second.atDay(1), LocalTime.of(3, 0));
        Journey.await(() -> j.subscription(subscriptionId), s -> "MOBILE_10GB".equals(s.getString("plan")), "new plan");
        j.chargeRun(second);
        var entries = j.awaitEntries(customer, e -> Journey.chargesByMonth(e)
                .containsKey(second.atDay(1).toString()));
        assertThat(Journey.chargesByMonth(entries))
                .as("the old plan's month, then the new plan's price from the month change")
                .containsEntry(first.atDay(1).toString(), -14_900L)
                .containsEntry(second.atDay(1).toString(), -9_900L);
    }

    @Test
    void aNewNumberOrderIsActivatedByFirstUse() {
        j.freshMonday();
        JsonPath o = j.place(List.of(Journey.newNumber("MOBILE_10GB", 0)));
        String customer = o.getString("customerId");
        String subscriptionId = o.getString("lines[0].subscriptionId");
        j.ship(o.getString("id"), o.getString("lines[0].id"), TestData.iccid());
        assertThat(j.order(o.getString("id")).getString("lines[0].step")).isEqualTo("AWAITING_FIRST_USE");
        j.firstUse(subscriptionId);
        assertThat(j.orderAsCustomer(o.getString("id"), customer).getString("status"))
                .isEqualTo("COMPLETED");
        assertThat(j.subscription(subscriptionId).getString("activatedOn"))
                .isEqualTo(j.today().toString());
        assertThat(j.timeline(o.getString("id"))).contains("ACTIVATION_TRIGGER", "SUBSCRIPTION_ACTIVATED");
        var entries = j.awaitEntries(customer, e -> !Journey.ofKind(e, "FEE").isEmpty());
        assertThat(Journey.ofKind(entries, "FEE")).extracting(Journey::amount).containsExactly(-9_900L);
        Journey.await(
                () -> j.number(o.getString("lines[0].number")),
                n -> "ACTIVE".equals(n.getString("status")),
                "the porting service knows the number");
    }

    /**
     * Each fault alone, with three port-ins in flight, then recovery (see {@link Fault}). Every saga finishes, one port
     * request and one activation per line, the fee and each month's charge booked once. Prints how long after the
     * recovery every journey was scheduled. CI runs every fault within the mixed workload ({@link FaultWorkloadTest});
     * each alone here on demand ({@code -Dflyt.faults.each=true}), for the suite's time budget.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Fault.class)
    void aFaultMidFlightLosesNothingAndDuplicatesNothing(Fault fault) {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Boolean.getBoolean("flyt.faults.each"),
                "in CI within FaultWorkloadTest; alone with -Dflyt.faults.each=true");
        j.freshMonday();
        List<Journey.PortIn> inFlight = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String iccid = TestData.iccid();
            inFlight.add(j.orderPortIn(TestData.mobileNumber(), iccid, iccid));
        }
        long recovered = fault.inject(stack);

        List<Journey.PortIn> scheduled =
                inFlight.stream().map(j::awaitScheduled).toList();
        System.out.printf(
                "[faults] %s: every journey scheduled %d ms after the recovery%n",
                fault, (System.nanoTime() - recovered) / 1_000_000);
        LocalDate last = completeOnTheLastPortDay(scheduled);
        for (Journey.PortIn p : scheduled) {
            String subscriptionId = j.order(p.orderId()).getString("lines[0].subscriptionId");
            // a relay killed between the broker's acknowledgement and its own commit publishes an event again, with
            // the same id, which every consumer's inbox applies once: count events, not records
            assertThat(Journey.eventIds(Topics.SUBSCRIPTION_EVENTS, "SubscriptionActivated", subscriptionId))
                    .as("one activation for " + p.number())
                    .hasSize(1);
            assertThat(Journey.eventIds(Topics.PORTING_COMMANDS, "RequestPortIn", p.orderId()))
                    .as("one port-in command for " + p.number())
                    .hasSize(1);
            assertThat(j.hubMessageIds(HubMessageKind.PORTING_REQUEST, p.number()))
                    .as("one port request at the hub for " + p.number())
                    .hasSize(1);
            var entries = j.awaitEntries(
                    p.customerId(), e -> !Journey.ofKind(e, "FEE").isEmpty());
            assertThat(Journey.ofKind(entries, "FEE")).hasSize(1);
            assertThat(Journey.ofKind(entries, "COMPENSATION")).isEmpty();
        }
        chargedOnceEachMonthAfterTheNextRun(scheduled, last);
    }

    /**
     * Duplicate delivery of every record in a window: the porting service and billing are stopped, their consumer
     * groups moved back to the records written since these orders began, and started again, so each reads every
     * command and event of the window twice (R-ORD-07's promise, at the consumers). One port request per port at the
     * hub, one fee and one charge per month on each account; the sagas finish as if nothing had happened. Prints how
     * long the stack took to catch up.
     */
    @Test
    void everyRecordOfAWindowDeliveredAgainIsDoneOnce() {
        j.freshMonday();
        java.time.Instant since = java.time.Instant.now().minusSeconds(1);
        List<Journey.PortIn> inFlight = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String iccid = TestData.iccid();
            inFlight.add(j.orderPortIn(TestData.mobileNumber(), iccid, iccid));
        }
        List<Journey.PortIn> scheduled =
                inFlight.stream().map(j::awaitScheduled).toList();
        for (ServiceProcess consumer : List.of(stack.porting, stack.billing)) {
            consumer.stop();
            Journey.rewind(
                    consumer.name(),
                    consumer == stack.porting
                            ? List.of(Topics.PORTING_COMMANDS, Topics.SUBSCRIPTION_EVENTS)
                            : List.of(Topics.SUBSCRIPTION_EVENTS, Topics.PORTING_EVENTS),
                    since);
        }
        long restarted = System.nanoTime();
        stack.restart(stack.porting);
        stack.restart(stack.billing);
        Journey.awaitConsumed("porting-service", Topics.PORTING_COMMANDS);
        Journey.awaitConsumed("billing-adapter", Topics.SUBSCRIPTION_EVENTS);
        System.out.printf(
                "[faults] duplicate delivery of a window: the consumers caught up %d ms after their restart%n",
                (System.nanoTime() - restarted) / 1_000_000);

        LocalDate last = completeOnTheLastPortDay(scheduled);
        for (Journey.PortIn p : scheduled) {
            assertThat(j.hubMessageIds(HubMessageKind.PORTING_REQUEST, p.number()))
                    .as("one port request at the hub for " + p.number())
                    .hasSize(1);
            var entries = j.awaitEntries(
                    p.customerId(), e -> !Journey.ofKind(e, "FEE").isEmpty());
            assertThat(Journey.ofKind(entries, "FEE")).as("one creation fee").hasSize(1);
        }
        chargedOnceEachMonthAfterTheNextRun(scheduled, last);
    }

    /** Moves the clock to the last port date's execution and waits until every order is completed; that date. */
    private LocalDate completeOnTheLastPortDay(List<Journey.PortIn> scheduled) {
        LocalDate last = scheduled.stream()
                .map(Journey.PortIn::portDate)
                .max(LocalDate::compareTo)
                .orElseThrow();
        j.moveTo(last, LocalTime.of(2, 0, 30));
        for (Journey.PortIn p : scheduled) {
            j.awaitOrder(p.orderId(), x -> "COMPLETED".equals(x.getString("status")), "completed");
        }
        return last;
    }

    /**
     * Runs the month after {@code last}: each account has the port month's rest and the next month charged once, the
     * month at the plan's full price, and one creation fee.
     */
    private void chargedOnceEachMonthAfterTheNextRun(List<Journey.PortIn> scheduled, LocalDate last) {
        YearMonth next = YearMonth.from(last).plusMonths(1);
        j.moveTo(next.atDay(1), LocalTime.of(3, 0));
        j.chargeRun(next);
        for (Journey.PortIn p : scheduled) {
            var entries = j.awaitEntries(p.customerId(), e -> Journey.chargesByMonth(e)
                    .containsKey(next.atDay(1).toString()));
            assertThat(Journey.ofKind(entries, "CHARGE"))
                    .as("the port month's rest and the next month, each once")
                    .hasSize(Journey.chargesByMonth(entries).size());
            assertThat(Journey.chargesByMonth(entries))
                    .containsEntry(next.atDay(1).toString(), -9_900L);
            assertThat(Journey.ofKind(entries, "FEE")).as("one creation fee").hasSize(1);
        }
    }

    private static JsonNode awaitEvent(String topic, String type, String key) {
        return KafkaTestClient.first(topic, type, key, Journey.WAIT);
    }
}
