package dk.flyt.system;

import dk.flyt.contracts.Topics;
import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.hub.HubMessageKind;
import dk.flyt.hubsim.Behaviour;
import dk.flyt.testing.TestData;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.assertj.core.api.SoftAssertions;

/**
 * One customer's journey in the fault workload ({@link FaultWorkloadTest}): what the customer, the web shop, logistics,
 * the network and the other operators do on the first Monday, what they do at later business moments
 * ({@link #appointments()}), and what the checker expects to find at the end, worked out from the rules.
 */
abstract sealed class WorkloadJourney {
    /** The journeys of the workload; a run of any length has each of them at least once. */
    enum Kind {
        PORT_IN,
        NEW_NUMBER,
        WITHDRAWAL_BEFORE_PORT,
        WITHDRAWAL_AFTER_PORT,
        PLAN_CHANGE,
        PORT_OUT,
        LATE_PORT
    }

    /** Something a journey does at a business moment. */
    record Appointment(LocalDateTime at, String what, Runnable action) {}

    /** The price of the plans the journeys take, øre a month. */
    static final long MOBILE_10GB = 9_900;

    static final long MOBILE_100GB = 14_900;

    final int index;
    final Kind kind;
    final Journey j;
    final LocalDate monday;
    /** The month after the Monday's: its charge run ends the workload. */
    final YearMonth next;

    final List<Appointment> appointments = new ArrayList<>();
    String orderId;
    String customerId;
    String subscriptionId;
    String number;
    long creationFee;

    WorkloadJourney(int index, Kind kind, Journey j, LocalDate monday) {
        this.index = index;
        this.kind = kind;
        this.j = j;
        this.monday = monday;
        this.next = YearMonth.from(monday).plusMonths(1);
    }

    static WorkloadJourney of(int index, Kind kind, Journey j, LocalDate monday) {
        return switch (kind) {
            case PORT_IN, WITHDRAWAL_BEFORE_PORT, WITHDRAWAL_AFTER_PORT, LATE_PORT ->
                new PortIn(index, kind, j, monday);
            case NEW_NUMBER, PLAN_CHANGE, PORT_OUT -> new NewNumber(index, kind, j, monday);
        };
    }

    /** What happens on the Monday at 09:00, up to the state the journey then waits in. */
    abstract void start();

    /** What the journey does later, at business moments it knows once {@link #start()} is done. */
    List<Appointment> appointments() {
        return appointments;
    }

    void at(LocalDate day, LocalTime time, String what, Runnable action) {
        appointments.add(new Appointment(LocalDateTime.of(day, time), what, action));
    }

    /** The checker's look at the end state, after the month's charge run; every difference goes to {@code soft}. */
    abstract void check(SoftAssertions soft, Checks checks);

    /** What the checker reads once for every journey: the topics and the hub. */
    record Checks(
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> subscriptionEvents,
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> portingCommands) {
        static Checks read() {
            return new Checks(Journey.records(Topics.SUBSCRIPTION_EVENTS), Journey.records(Topics.PORTING_COMMANDS));
        }
    }

    /** Balance, causes and fee, the same for every journey. */
    void checkAccount(SoftAssertions soft, long expectedBalance) {
        long balance;
        try {
            balance = Journey.await(() -> j.balance(customerId), b -> b == expectedBalance, this + " balance");
        } catch (AssertionError e) {
            balance = j.balance(customerId);
        }
        List<Map<String, Object>> entries = j.entries(customerId);
        soft.assertThat(balance)
                .as("%s: the balance the rules give (entries %s)", this, entries)
                .isEqualTo(expectedBalance);
        soft.assertThat(entries.stream().map(e -> e.get("cause")).toList())
                .as("%s: each ledger cause at most once", this)
                .doesNotHaveDuplicates();
        soft.assertThat(Journey.ofKind(entries, "FEE").stream()
                        .filter(e -> String.valueOf(e.get("cause")).startsWith("creation-fee:"))
                        .toList())
                .as("%s: one creation fee", this)
                .hasSize(1);
    }

    /** One activation of the line, counted by event id (a relay may publish an event again with its id). */
    void checkActivatedOnce(SoftAssertions soft, Checks checks, LocalDate on) {
        soft.assertThat(Journey.eventIds(checks.subscriptionEvents(), "SubscriptionActivated", subscriptionId))
                .as("%s: one activation", this)
                .hasSize(1);
        soft.assertThat(j.subscription(subscriptionId).getString("activatedOn"))
                .as("%s: active from", this)
                .isEqualTo(on.toString());
    }

    void checkOrder(SoftAssertions soft, String status) {
        soft.assertThat(j.orderAsCustomer(orderId, customerId).getString("status"))
                .as("%s: the order as the customer sees it", this)
                .isEqualTo(status);
    }

    JsonPath awaitOrder(Predicate<JsonPath> condition, String what) {
        return j.awaitOrder(orderId, condition, what);
    }

    @Override
    public String toString() {
        return "#" + index + " " + kind + " (order " + orderId + ", customer " + customerId + ")";
    }

    /** R-BILL-02: the rest of a month from {@code day} on, by days, rounded half up. */
    static long restOfMonth(long price, LocalDate day) {
        return Journey.restOfMonth(price, day);
    }

    /** R-BILL-10: {@code days} of a month's price, rounded half up. */
    static long days(long price, long days, LocalDate inMonth) {
        int length = inMonth.lengthOfMonth();
        return (2 * price * days + length) / (2 * length);
    }

    /**
     * A port-in order (R-PORT-01..09): straight through; withdrawn before the port, which cancels it at the donor
     * (R-WDR-05); withdrawn after it, which opens the port-out window and then quarantines the number (R-WDR-06); or
     * routed late by one network, compensated by the day (R-COMP-02).
     */
    static final class PortIn extends WorkloadJourney {
        private LocalDate portDate;
        private String dossier;

        PortIn(int index, Kind kind, Journey j, LocalDate monday) {
            super(index, kind, j, monday);
        }

        @Override
        void start() {
            number = TestData.mobileNumber();
            if (kind == Kind.LATE_PORT) {
                j.stack.hub.behaviour(number, Behaviour.PARTIAL_ROUTING);
            }
            String iccid = TestData.iccid();
            Journey.PortIn p = j.awaitScheduled(j.orderPortIn(number, iccid, iccid));
            orderId = p.orderId();
            customerId = p.customerId();
            portDate = p.portDate();
            creationFee = j.order(orderId).getLong("creationFee");
            LocalDateTime execution = LocalDateTime.of(portDate, LocalTime.of(2, 0, 30));
            switch (kind) {
                case WITHDRAWAL_BEFORE_PORT -> {
                    j.awaitEntries(customerId, e -> !Journey.ofKind(e, "FEE").isEmpty());
                    j.withdraw(orderId, customerId);
                    awaitOrder(o -> "WITHDRAWN".equals(o.getString("status")), "withdrawn");
                    Journey.await(
                            () -> j.hubMessageIds(HubMessageKind.CANCEL, number),
                            ids -> !ids.isEmpty(),
                            this + ": the donor's cancel");
                }
                case LATE_PORT -> {
                    at(portDate, execution.toLocalTime(), "the port executes, one network does not route", () -> {
                        HubMessage performed = Journey.await(
                                        () -> j.stack.hub.received(m -> m.kind() == HubMessageKind.PORTING_PERFORMED
                                                && number.equals(m.number())),
                                        l -> !l.isEmpty(),
                                        this + ": the execution request")
                                .getFirst();
                        dossier = performed.dossierId();
                    });
                    at(
                            portDate.plusDays(1),
                            LocalTime.of(0, 30),
                            "the port is late",
                            () -> Journey.await(
                                    () -> j.timeline(orderId),
                                    t -> t.contains("PORT_IN_DELAYED"),
                                    this + ": the delay"));
                    at(portDate.plusDays(3), LocalTime.of(10, 0), "the last network routes", () -> {
                        if (!j.stack.hub.releaseRouting(dossier)) {
                            throw new AssertionError(this + ": the hub held no routing for " + dossier);
                        }
                        awaitOrder(o -> "ACTIVE".equals(o.getString("lines[0].step")), "active");
                    });
                }
                default ->
                    at(
                            portDate,
                            execution.toLocalTime(),
                            "the port executes",
                            () -> awaitOrder(o -> "ACTIVE".equals(o.getString("lines[0].step")), "active"));
            }
            if (kind == Kind.WITHDRAWAL_AFTER_PORT) {
                at(portDate.plusDays(1), LocalTime.of(10, 0), "the customer withdraws after the port", () -> {
                    j.withdraw(orderId, customerId);
                    Journey.await(
                            () -> j.number(number),
                            n -> "WINDOW".equals(n.getString("status")),
                            this + ": the port-out window");
                });
                at(
                        portDate.plusDays(15),
                        LocalTime.of(9, 0),
                        "the window has closed",
                        () -> Journey.await(
                                () -> j.number(number),
                                n -> "QUARANTINED".equals(n.getString("status")),
                                this + ": quarantine"));
            }
        }

        @Override
        void check(SoftAssertions soft, Checks checks) {
            soft.assertThat(j.hubMessageIds(HubMessageKind.PORTING_REQUEST, number))
                    .as("%s: one port request at the hub", this)
                    .hasSize(1);
            soft.assertThat(Journey.eventIds(checks.portingCommands(), "RequestPortIn", orderId))
                    .as("%s: one port-in command", this)
                    .hasSize(1);
            subscriptionId = j.order(orderId).getString("lines[0].subscriptionId");
            switch (kind) {
                case PORT_IN -> {
                    checkOrder(soft, "COMPLETED");
                    checkActivatedOnce(soft, checks, portDate);
                    checkAccount(soft, -creationFee - restOfMonth(MOBILE_10GB, portDate) - MOBILE_10GB);
                }
                case LATE_PORT -> {
                    // R-PORT-05: active from the day every network routes; R-COMP-02: 3 days late, 50 + 2 × 5 kr
                    LocalDate routed = portDate.plusDays(3);
                    checkOrder(soft, "COMPLETED");
                    checkActivatedOnce(soft, checks, routed);
                    soft.assertThat(Journey.ofKind(j.entries(customerId), "COMPENSATION"))
                            .extracting(Journey::amount)
                            .as("%s: compensated once", this)
                            .containsExactly(6_000L);
                    checkAccount(soft, -creationFee + 6_000 - restOfMonth(MOBILE_10GB, routed) - MOBILE_10GB);
                }
                case WITHDRAWAL_BEFORE_PORT -> {
                    checkOrder(soft, "WITHDRAWN");
                    soft.assertThat(j.hubMessageIds(HubMessageKind.CANCEL, number))
                            .as("%s: one cancel at the donor (R-WDR-05)", this)
                            .hasSize(1);
                    soft.assertThat(j.hubMessageIds(HubMessageKind.PORTING_PERFORMED, number))
                            .as("%s: never ported", this)
                            .isEmpty();
                    if (subscriptionId != null) {
                        soft.assertThat(Journey.eventIds(
                                        checks.subscriptionEvents(), "SubscriptionActivated", subscriptionId))
                                .as("%s: never activated", this)
                                .isEmpty();
                    }
                    // R-WDR-03: every payment back
                    checkAccount(soft, 0);
                }
                case WITHDRAWAL_AFTER_PORT -> {
                    checkOrder(soft, "WITHDRAWN");
                    checkActivatedOnce(soft, checks, portDate);
                    soft.assertThat(j.number(number).getString("status"))
                            .as("%s: quarantined after the window (R-WDR-06)", this)
                            .isEqualTo("QUARANTINED");
                    // R-WDR-03/04: no fee for the day used without heavy usage, everything back
                    checkAccount(soft, 0);
                }
                default -> throw new IllegalStateException(kind.name());
            }
        }
    }

    /**
     * A new number, activated by first use (R-SUB-01): kept; moved to a cheaper plan from the next month (R-SUB-03,
     * R-BILL-09); or ported out by another operator on a date it asks for (R-POUT-01..04, R-BILL-10).
     */
    static final class NewNumber extends WorkloadJourney {
        private String dossier;
        private LocalDate portOutDate;

        NewNumber(int index, Kind kind, Journey j, LocalDate monday) {
            super(index, kind, j, monday);
        }

        @Override
        void start() {
            String plan = kind == Kind.PLAN_CHANGE ? "MOBILE_100GB" : "MOBILE_10GB";
            JsonPath o = j.place(List.of(Journey.newNumber(plan, 0)));
            orderId = o.getString("id");
            customerId = o.getString("customerId");
            subscriptionId = o.getString("lines[0].subscriptionId");
            number = o.getString("lines[0].number");
            creationFee = o.getLong("creationFee");
            String sim = TestData.iccid();
            j.ship(orderId, o.getString("lines[0].id"), sim);
            j.firstUse(subscriptionId, monday);
            awaitOrder(x -> "COMPLETED".equals(x.getString("status")), "completed");
            switch (kind) {
                case PLAN_CHANGE -> {
                    j.changePlan(subscriptionId, customerId, "MOBILE_10GB");
                    at(
                            next.atDay(1),
                            LocalTime.of(0, 30),
                            "the plan changes at the month change",
                            () -> Journey.await(
                                    () -> j.subscription(subscriptionId),
                                    s -> "MOBILE_10GB".equals(s.getString("plan")),
                                    this + ": the new plan"));
                }
                case PORT_OUT -> {
                    Journey.await(
                            () -> j.number(number),
                            n -> "ACTIVE".equals(n.getString("status")),
                            this + ": the porting service knows the number");
                    dossier = j.stack.hub.requestPortOut("TELIA", number, sim, monday.plusDays(8));
                    HubMessage answer = Journey.await(
                                    () -> j.stack.hub.received(m ->
                                            m.kind() == HubMessageKind.PORTING_ANSWER && dossier.equals(m.dossierId())),
                                    l -> !l.isEmpty(),
                                    this + ": our answer to the port-out")
                            .getFirst();
                    if (answer.answer() != HubMessage.Answer.ACCEPT) {
                        throw new AssertionError(this + ": the port-out was answered " + answer.answer());
                    }
                    portOutDate = answer.portDate();
                    at(portOutDate, LocalTime.of(2, 0, 30), "the number leaves", () -> {
                        j.stack.hub.broadcastPerformed(dossier, number, "TELIA");
                        Journey.await(
                                () -> j.subscription(subscriptionId),
                                s -> "ENDED".equals(s.getString("status")),
                                this + ": ended");
                    });
                }
                default -> {
                    // kept: the month's charge run is all that is left
                }
            }
        }

        @Override
        void check(SoftAssertions soft, Checks checks) {
            checkOrder(soft, "COMPLETED");
            checkActivatedOnce(soft, checks, monday);
            JsonPath sub = j.subscription(subscriptionId);
            switch (kind) {
                case NEW_NUMBER -> {
                    soft.assertThat(sub.getString("status")).as("%s", this).isEqualTo("ACTIVE");
                    checkAccount(soft, -creationFee - restOfMonth(MOBILE_10GB, monday) - MOBILE_10GB);
                }
                case PLAN_CHANGE -> {
                    soft.assertThat(sub.getString("plan"))
                            .as("%s: the new plan", this)
                            .isEqualTo("MOBILE_10GB");
                    // the old plan's rest of the first month, the new plan from the month change (R-BILL-02/09)
                    checkAccount(soft, -creationFee - restOfMonth(MOBILE_100GB, monday) - MOBILE_10GB);
                }
                case PORT_OUT -> {
                    soft.assertThat(sub.getString("status")).as("%s", this).isEqualTo("ENDED");
                    soft.assertThat(sub.getString("endReason")).as("%s", this).isEqualTo("PORTED_OUT");
                    soft.assertThat(sub.getString("endedOn")).as("%s", this).isEqualTo(portOutDate.toString());
                    soft.assertThat(j.hubMessageIds(HubMessageKind.PORTING_ANSWER, number))
                            .as("%s: one answer to the port-out", this)
                            .hasSize(1);
                    // R-BILL-10: the days it ran, from the first day live to the day before the port
                    long ran = ChronoUnit.DAYS.between(monday, portOutDate);
                    checkAccount(soft, -creationFee - days(MOBILE_10GB, ran, monday));
                }
                default -> throw new IllegalStateException(kind.name());
            }
        }
    }
}
