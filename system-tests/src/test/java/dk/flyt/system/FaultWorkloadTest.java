package dk.flyt.system;

import dk.flyt.contracts.Topics;
import dk.flyt.local.ServiceProcess;
import io.restassured.RestAssured;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The fault workload, in the way of Jepsen: a seeded mix of concurrent customer journeys ({@link WorkloadJourney})
 * runs from a first Monday to the next month's charge run, while faults ({@link Fault}) are injected on a seeded
 * schedule at its business moments. When the faults are over, a checker reads the whole history from the outside (the
 * services' APIs, the hub, the topics and the metrics) and holds each journey to what the rules say: its end state,
 * one activation per line, one port request per port, each ledger cause once, the balance the rules give; and no
 * record in a dead-letter topic, and every outbox empty.
 *
 * <p>CI runs {@value #DEFAULT_JOURNEYS} journeys (one of each kind) under every fault. {@code -Dflyt.chaos.journeys=N}
 * runs more (the kinds beyond the first seven drawn by the seed), {@code -Dflyt.chaos.seed=S} another schedule and mix,
 * {@code -Dflyt.chaos.faults=BROKER_RESTARTED,...} some faults only. A failure prints the seed, the journeys and the
 * fault schedule; each fault's recovery figure is printed on every run.
 */
class FaultWorkloadTest extends OnTheStack {
    static final int DEFAULT_JOURNEYS = 7;
    static final long DEFAULT_SEED = 20_261_206L;
    /** The business moments a workload of every kind has: the Monday, and eight later ones up to the charge run. */
    static final int MOMENTS = 9;

    /** A fault at a business moment (its index), {@code delayMillis} after the moment's actions began. */
    record ScheduledFault(Fault fault, int moment, int delayMillis) {
        @Override
        public String toString() {
            return fault + " at moment " + moment + " +" + delayMillis + " ms";
        }
    }

    /**
     * The figures of one fault: injected, whole again, and settled: every journey of its moment where it was going, and
     * every outbox published.
     */
    record Recovery(ScheduledFault scheduled, String moment, long injectedAt, long recoveredAt, long settledAt) {
        long downMillis() {
            return (recoveredAt - injectedAt) / 1_000_000;
        }

        long settledMillis() {
            return Math.max(0, settledAt - recoveredAt) / 1_000_000;
        }
    }

    @Test
    void aSeededMixOfJourneysUnderScheduledFaultsEndsAsTheRulesSay() {
        long seed = Long.getLong("flyt.chaos.seed", DEFAULT_SEED);
        int count = Integer.getInteger("flyt.chaos.journeys", DEFAULT_JOURNEYS);
        List<Fault> faults = faults(System.getProperty("flyt.chaos.faults", ""));
        Random random = new Random(seed);
        List<WorkloadJourney.Kind> kinds = kinds(count, random);
        List<ScheduledFault> schedule = schedule(faults, random);
        LocalDate monday = firstMondayOfAMonth();
        List<WorkloadJourney> journeys = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            journeys.add(WorkloadJourney.of(i, kinds.get(i), j, monday));
        }
        List<Recovery> recoveries = new ArrayList<>();
        Instant began = Instant.now();
        System.out.printf(
                "[chaos] seed %d, %d journeys from %s, faults: %s%n", seed, journeys.size(), monday, schedule);
        try {
            run(monday, journeys, schedule, recoveries);
            long settling = System.nanoTime();
            check(journeys, began);
            recoveries.forEach(r -> System.out.printf(
                    "[chaos] %s (%s): whole again after %d ms, settled %d ms after that%n",
                    r.scheduled(), r.moment(), r.downMillis(), r.settledMillis()));
            System.out.printf(
                    "[chaos] %d journeys, %d faults survived, nothing lost or done twice; checked in %d ms%n",
                    journeys.size(), recoveries.size(), (System.nanoTime() - settling) / 1_000_000);
        } catch (Throwable e) {
            throw new AssertionError(
                    "the fault workload failed: seed "
                            + seed
                            + " (-Dflyt.chaos.seed="
                            + seed
                            + " -Dflyt.chaos.journeys="
                            + count
                            + ")\n journeys:\n  "
                            + journeys.stream().map(Object::toString).collect(Collectors.joining("\n  "))
                            + "\n fault schedule:\n  "
                            + schedule.stream().map(Object::toString).collect(Collectors.joining("\n  "))
                            + "\n recovered:\n  "
                            + recoveries.stream()
                                    .map(r -> r.scheduled() + " in " + r.downMillis() + " ms")
                                    .collect(Collectors.joining("\n  "))
                            + "\n"
                            + e.getMessage(),
                    e);
        }
    }

    /** The Monday, then every later business moment in order; each with the faults scheduled at it. */
    private void run(
            LocalDate monday, List<WorkloadJourney> journeys, List<ScheduledFault> schedule, List<Recovery> recoveries)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, journeys.size()));
        try {
            LocalDateTime start = LocalDateTime.of(monday, LocalTime.of(9, 0));
            moment(
                    0,
                    start,
                    "the orders",
                    journeys.stream().map(w -> (Runnable) w::start).toList(),
                    schedule.stream().filter(f -> f.moment() == 0).toList(),
                    recoveries,
                    pool);
            TreeMap<LocalDateTime, List<WorkloadJourney.Appointment>> later = new TreeMap<>();
            for (WorkloadJourney w : journeys) {
                w.appointments().forEach(a -> later.computeIfAbsent(a.at(), k -> new ArrayList<>())
                        .add(a));
            }
            var next = journeys.getFirst().next;
            LocalDateTime chargeRun = LocalDateTime.of(next.atDay(1), LocalTime.of(3, 0));
            later.computeIfAbsent(chargeRun, k -> new ArrayList<>())
                    .add(new WorkloadJourney.Appointment(chargeRun, "the month's charge run", () -> j.chargeRun(next)));
            int index = 1;
            for (var at : later.entrySet()) {
                boolean last = index == later.size();
                int current = index;
                // a fault drawn for a moment beyond this mix's last is injected at the last
                List<ScheduledFault> here = schedule.stream()
                        .filter(f -> f.moment() == current || (last && f.moment() > current))
                        .toList();
                String what = at.getValue().stream()
                        .map(WorkloadJourney.Appointment::what)
                        .distinct()
                        .collect(Collectors.joining(", "));
                moment(
                        index++,
                        at.getKey(),
                        what,
                        at.getValue().stream()
                                .map(WorkloadJourney.Appointment::action)
                                .toList(),
                        here,
                        recoveries,
                        pool);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Moves the business clock to {@code at}, runs the actions concurrently, and meanwhile injects the faults scheduled
     * at this moment ({@code faults}) one after the other by their delays, each recovered from before the next; done
     * when both are.
     */
    private void moment(
            int index,
            LocalDateTime at,
            String what,
            List<Runnable> actions,
            List<ScheduledFault> faults,
            List<Recovery> recoveries,
            ExecutorService pool)
            throws InterruptedException, ExecutionException {
        j.moveTo(at.toLocalDate(), at.toLocalTime());
        List<ScheduledFault> here = faults.stream()
                .sorted(Comparator.comparingInt(ScheduledFault::delayMillis))
                .toList();
        System.out.printf("[chaos] moment %d, %s: %s; faults %s%n", index, at, what, here);
        long began = System.nanoTime();
        List<Future<?>> running = actions.stream().<Future<?>>map(pool::submit).toList();
        List<long[]> injected = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> failed =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread injector = Thread.ofPlatform().name("chaos-faults").start(() -> {
            try {
                for (ScheduledFault f : here) {
                    long due = began + f.delayMillis() * 1_000_000L;
                    ServiceProcess.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                    long injectedAt = System.nanoTime();
                    long recoveredAt = f.fault().inject(stack);
                    synchronized (injected) {
                        injected.add(new long[] {injectedAt, recoveredAt});
                    }
                }
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        try {
            for (Future<?> action : running) {
                action.get();
            }
        } finally {
            // the stack is whole again before anything else happens to it, whatever the journeys did
            injector.join();
        }
        if (failed.get() != null) {
            throw new AssertionError("a fault at moment " + index + " was not recovered from", failed.get());
        }
        if (!here.isEmpty()) {
            awaitOutboxesEmpty();
        }
        long settled = System.nanoTime();
        for (int i = 0; i < here.size(); i++) {
            recoveries.add(
                    new Recovery(here.get(i), index + " " + what, injected.get(i)[0], injected.get(i)[1], settled));
        }
    }

    /** Every journey and the stack as a whole, read from the outside once the faults are over. */
    private void check(List<WorkloadJourney> journeys, Instant began) {
        awaitOutboxesEmpty();
        Journey.awaitConsumed("billing-adapter", Topics.SUBSCRIPTION_EVENTS);
        Journey.awaitConsumed("billing-adapter", Topics.PORTING_EVENTS);
        var checks = WorkloadJourney.Checks.read();
        SoftAssertions soft = new SoftAssertions();
        for (WorkloadJourney w : journeys) {
            w.check(soft, checks);
        }
        for (String topic : Topics.all()) {
            if (topic.endsWith(".dlq")) {
                soft.assertThat(Journey.records(topic).stream()
                                .filter(r -> r.timestamp() >= began.toEpochMilli())
                                .map(r -> r.key() + " " + dk.flyt.testing.KafkaTestClient.header(r, "ce_type"))
                                .toList())
                        .as("nothing dead-lettered on %s during the workload", topic)
                        .isEmpty();
            }
        }
        for (ServiceProcess s : stack.services()) {
            soft.assertThat(metric(s, "flyt_outbox_failed"))
                    .as("%s: no outbox event refused for good", s.name())
                    .isZero();
        }
        soft.assertAll();
    }

    /** Waits until every service's outbox has published everything. */
    private void awaitOutboxesEmpty() {
        for (ServiceProcess s : stack.services()) {
            Journey.await(() -> metric(s, "flyt_outbox_pending"), pending -> pending == 0, s.name() + " outbox empty");
        }
    }

    /** A gauge's value from a service's Prometheus metrics (the sum over its tags). */
    private static double metric(ServiceProcess s, String name) {
        String text = RestAssured.given()
                .baseUri(s.managementUrl())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return text.lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Every kind once, then kinds drawn by the seed; in an order drawn by the seed. */
    private static List<WorkloadJourney.Kind> kinds(int count, Random random) {
        WorkloadJourney.Kind[] all = WorkloadJourney.Kind.values();
        List<WorkloadJourney.Kind> kinds = new ArrayList<>(Arrays.asList(all).subList(0, Math.min(count, all.length)));
        while (kinds.size() < count) {
            kinds.add(all[random.nextInt(all.length)]);
        }
        Collections.shuffle(kinds, random);
        return kinds;
    }

    /**
     * Each fault once, at a moment and a delay drawn by the seed: within the first 0.6 s after the clock moved, while
     * the moment's sagas are running.
     */
    private static List<ScheduledFault> schedule(List<Fault> faults, Random random) {
        return faults.stream()
                .map(f -> new ScheduledFault(f, random.nextInt(MOMENTS), random.nextInt(600)))
                .toList();
    }

    private static List<Fault> faults(String names) {
        if (names.isBlank()) {
            return List.of(Fault.values());
        }
        return Arrays.stream(names.split(","))
                .map(String::strip)
                .map(Fault::valueOf)
                .toList();
    }

    /**
     * The first Monday of a month after every earlier test's business time, so that every activation of the workload
     * falls in that month and the next month's charge run is its first for each of them.
     */
    private static LocalDate firstMondayOfAMonth() {
        LocalDate d = j.today().plusDays(1);
        while (d.getDayOfWeek() != DayOfWeek.MONDAY || d.getDayOfMonth() > 7) {
            d = d.plusDays(1);
        }
        return d;
    }
}
